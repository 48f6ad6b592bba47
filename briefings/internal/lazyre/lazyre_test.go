package lazyre

import "testing"

func TestNew(t *testing.T) {
	tests := []struct {
		expr, in string
		want     bool
	}{
		{`\b(19|20)\d\d\b`, "in 2015, ", true},
		{`^who\b`, "whom", false},
	}
	for _, tt := range tests {
		re := New(tt.expr)
		if got := re().MatchString(tt.in); got != tt.want {
			t.Errorf("%s on %q = %v, want %v", tt.expr, tt.in, got, tt.want)
		}
		if re() != re() {
			t.Errorf("%s compiled twice", tt.expr)
		}
	}
}

func TestNewPanicsOnFirstUse(t *testing.T) {
	re := New(`(unclosed`) // creating it does not compile it
	defer func() {
		if recover() == nil {
			t.Fatal("a pattern that does not compile did not panic on first use")
		}
	}()
	re()
}
