package textdist

import (
	"testing"
)

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 2, 0},
		{"natasha", "natacha", 2, 1},
		{"cazeneuve", "cazenueve", 2, 2},
		{"kujda", "kudja", 2, 2},
		{"davenport", "daveport", 1, 1},
		{"abc", "xyz", 1, 2},
		{"gérald", "gerald", 2, 1},
		{"short", "much longer", 2, 3},
		{"kitten", "sitting", 5, 3},
		{"marcus", "marc", 2, 2},
		{"abcdef", "uvwxyz", 2, 3},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := Levenshtein(tc.a, tc.b, tc.limit); got != tc.want {
				t.Errorf("Levenshtein(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"signing_secret", "bot_token", "app_token", "mode"}
	tests := []struct {
		s    string
		maxD int
		want string
	}{
		{"sigining_secret", 2, "signing_secret"},
		{"bot_tokn", 2, "bot_token"},
		{"app_tokem", 1, "app_token"},
		{"mdoe", 1, ""},
		{"mdoe", 2, "mode"},
		{"nothing_like_it", 2, ""},
		{"mode", 0, "mode"},
	}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			if got := Closest(tc.s, keys, tc.maxD); got != tc.want {
				t.Errorf("Closest(%q, %d) = %q, want %q", tc.s, tc.maxD, got, tc.want)
			}
		})
	}
}

func TestOSA(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"kujda", "kudja", 2, 1},
		{"darmanin", "darmanin", 2, 0},
		{"darmanin", "darmnain", 2, 1},
		{"ca", "abc", 3, 3},
		{"abcdef", "badcfe", 2, 3},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := OSA([]rune(tc.a), []rune(tc.b), tc.limit); got != tc.want {
				t.Errorf("OSA(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
			}
		})
	}
}
