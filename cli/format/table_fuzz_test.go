package format

import (
	"bytes"
	"testing"
	"text/tabwriter"
)

// FuzzTabWriter: on ASCII text, written in pieces and flushed in between,
// the table writer lays out exactly what text/tabwriter does.
func FuzzTabWriter(f *testing.F) {
	for _, in := range tabInputs {
		f.Add([]byte(in), uint8(len(in)/2), false)
	}
	f.Add([]byte("a\tb\nc\td\n"), uint8(4), true)
	f.Fuzz(func(t *testing.T, in []byte, cut uint8, flushBetween bool) {
		for i, c := range in { // printable ASCII and the separators
			if c != '\t' && c != '\n' && c != '\v' && c != '\f' && (c < 0x20 || c > 0x7e) {
				in[i] = 'x'
			}
		}
		k := min(int(cut), len(in))
		var want, got bytes.Buffer
		tw := tabwriter.NewWriter(&want, 10, 1, 3, ' ', 0)
		our := NewTabWriter(&got, 10, 3)
		for _, w := range []interface {
			Write([]byte) (int, error)
			Flush() error
		}{tw, our} {
			w.Write(in[:k])
			if flushBetween {
				w.Flush()
			}
			w.Write(in[k:])
			w.Flush()
		}
		if got.String() != want.String() {
			t.Fatalf("input %q cut %d flush %v:\ngot  %q\nwant %q", in, k, flushBetween, got.String(), want.String())
		}
	})
}
