package format

import (
	"bytes"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/mattn/go-runewidth"
)

var tabInputs = []string{
	"",
	"a\tb\n",
	"NAME\tX\nlonger-name-here\t\n",
	"a\tb\tc\nxx\nyyy\tz\n", // a line without tabs splits the blocks
	"a\tb\tc\nlong-cell-1234\tq\n1\t2\t3\t4\n", // nested column blocks
	"a\tb\fcccccccccccccccccc\td\n",            // form feed splits the blocks
	"a\vbb\tc\n",                               // vertical tab ends a cell too
	"x\ty\npartial\tline",                      // unterminated last line
	"x\ty\ntrailing tab\t",                     // empty tail is dropped
	"\t\t\n\t\n",                               // empty cells are padded
}

// For ASCII text our layout must equal text/tabwriter's.
func TestTabWriterMatchesTextTabwriter(t *testing.T) {
	for _, in := range tabInputs {
		var want bytes.Buffer
		tw := tabwriter.NewWriter(&want, 10, 1, 3, ' ', 0)
		// Written in two pieces to exercise cells spanning Write calls.
		half := len(in) / 2
		tw.Write([]byte(in[:half]))
		tw.Write([]byte(in[half:]))
		tw.Flush()

		var got bytes.Buffer
		our := NewTabWriter(&got, 10, 3)
		our.Write([]byte(in[:half]))
		our.Write([]byte(in[half:]))
		if err := our.Flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("input %q:\ngot  %q\nwant %q", in, got.String(), want.String())
		}
	}
}

func TestTabWriterDisplayWidth(t *testing.T) {
	tests := []struct{ in, want string }{
		{"日本語\tx\nab\ty\n", "日本語    x\nab        y\n"},
		{"日本語日本語日本語\tx\nab\ty\n", "日本語日本語日本語   x\nab                   y\n"},
		{"é́\tx\n", "é́         x\n"}, // combining accent takes no cell
	}
	for _, tt := range tests {
		var got strings.Builder
		tw := NewTabWriter(&got, 10, 3)
		tw.Write([]byte(tt.in))
		if err := tw.Flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != tt.want {
			t.Errorf("input %q:\ngot  %q\nwant %q", tt.in, got.String(), tt.want)
		}
	}
}

func TestTabWriterWritesOnlyOnFlush(t *testing.T) {
	var got strings.Builder
	tw := NewTabWriter(&got, 20, 1)
	tw.Write([]byte("Version:\t1\nno tabs\n"))
	if got.Len() != 0 {
		t.Fatalf("wrote %q before Flush", got.String())
	}
	tw.Flush()
	if want := "Version:            1\nno tabs\n"; got.String() != want {
		t.Errorf("got %q, want %q", got.String(), want)
	}
	// The writer is reusable after Flush.
	got.Reset()
	tw.Write([]byte("a\tb\n"))
	tw.Flush()
	if want := "a                   b\n"; got.String() != want {
		t.Errorf("second flush got %q, want %q", got.String(), want)
	}
}

// The ASCII shortcut agrees with runewidth wherever it applies, and hands
// everything else to it.
func TestBytesWidth(t *testing.T) {
	var ascii []byte
	for c := byte(0x20); c <= 0x7e; c++ {
		ascii = append(ascii, c)
	}
	for _, s := range []string{"", string(ascii), "abc", "名前", "e\u0301", "a\tb", "\x1b[1mx", "caf\u00e9", "👍🏽x"} {
		if got, want := bytesWidth([]byte(s)), runewidth.StringWidth(s); got != want {
			t.Errorf("bytesWidth(%q) = %d, runewidth says %d", s, got, want)
		}
	}
}
