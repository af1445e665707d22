package opts

import "testing"

// parseCase is an input and either the parse's result, as the test shows
// it, or the exact error it must fail with.
type parseCase struct{ in, want, err string }

// checkParses runs parse on every case's input.
func checkParses(t *testing.T, cases []parseCase, parse func(in string) (string, error)) {
	t.Helper()
	for _, tc := range cases {
		got, err := parse(tc.in)
		switch {
		case tc.err != "":
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: err %v, want %s", tc.in, err, tc.err)
			}
		case err != nil || got != tc.want:
			t.Errorf("%q: got %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}
