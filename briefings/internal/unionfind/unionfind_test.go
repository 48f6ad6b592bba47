package unionfind

import "testing"

func TestSets(t *testing.T) {
	for _, tc := range []struct {
		name   string
		n      int
		unions [][2]int
		same   [][2]int
		apart  [][2]int
	}{
		{"alone at first", 3, nil, nil, [][2]int{{0, 1}, {1, 2}}},
		{"joined", 3, [][2]int{{0, 2}}, [][2]int{{0, 2}, {2, 0}}, [][2]int{{0, 1}}},
		{"through a chain", 5, [][2]int{{0, 1}, {3, 4}, {1, 4}}, [][2]int{{0, 3}, {4, 1}}, [][2]int{{2, 0}}},
		{"joined twice", 2, [][2]int{{0, 1}, {1, 0}}, [][2]int{{0, 1}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := New(tc.n)
			for _, u := range tc.unions {
				s.Union(u[0], u[1])
			}
			for _, p := range tc.same {
				if s.Find(p[0]) != s.Find(p[1]) {
					t.Errorf("%d and %d apart", p[0], p[1])
				}
			}
			for _, p := range tc.apart {
				if s.Find(p[0]) == s.Find(p[1]) {
					t.Errorf("%d and %d joined", p[0], p[1])
				}
			}
		})
	}
}
