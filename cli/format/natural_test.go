package format

import "testing"

func TestNaturalLess(t *testing.T) {
	cases := []struct {
		a, b string
		less bool
	}{
		{"net2", "net10", true},
		{"net10", "net2", false},
		{"0aec", "13d0", true},
		{"13d0", "028c", true},
		{"a", "a", false},
		{"a", "ab", true},
		{"x01", "x1", false},
		{"x1", "x01", true},
		{"bridge", "host", true},
		{"a1", "a-b", true}, // digits first, whatever the byte order
		{"a-b", "a1", false},
		{"c1y", "c01x", true}, // equal numbers: fewer zeros first, before the rest
	}
	for _, tc := range cases {
		if got := NaturalLess(tc.a, tc.b); got != tc.less {
			t.Errorf("NaturalLess(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}
