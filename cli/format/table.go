package format

import (
	"bufio"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// TabWriter aligns tab-separated cells into columns, measuring text by its
// display width (East-Asian wide runes count two cells), which
// text/tabwriter cannot do. It follows text/tabwriter's layout rules with
// space padding and no flags:
//
//   - '\t' and '\v' end a cell, '\n' ends a line, '\f' ends a line and
//     also every column block;
//   - the last cell of a line is never padded, every tab-terminated cell is,
//     even when empty;
//   - a column block is a run of adjacent lines that all have a
//     tab-terminated cell in that column; its width is the widest cell plus
//     padding, at least minWidth.
//
// Nothing is written to the underlying writer before Flush.
type TabWriter struct {
	out      io.Writer
	minWidth int
	padding  int

	lines []tabLine
	cells []string        // terminated cells of the line being built
	cell  strings.Builder // text of the cell being built
}

type tabLine struct {
	cells   []string // the last one is the unterminated tail
	text    []int    // display width of each cell
	widths  []int    // column width for every cell but the last
	newline bool     // false only for a final line without '\n'
	brk     bool     // ended by '\f': column blocks stop here
}

// NewTabWriter returns a TabWriter with the given minimum column width and
// padding (spaces added after the widest cell of a column).
func NewTabWriter(out io.Writer, minWidth, padding int) *TabWriter {
	return &TabWriter{out: out, minWidth: minWidth, padding: padding}
}

// Write buffers p; it never fails.
func (t *TabWriter) Write(p []byte) (int, error) {
	start := 0
	for i, c := range p {
		switch c {
		case '\t', '\v':
			t.cell.Write(p[start:i])
			t.endCell()
		case '\n', '\f':
			t.cell.Write(p[start:i])
			t.endCell()
			t.endLine(true, c == '\f')
		default:
			continue
		}
		start = i + 1
	}
	t.cell.Write(p[start:])
	return len(p), nil
}

func (t *TabWriter) endCell() {
	t.cells = append(t.cells, t.cell.String())
	t.cell.Reset()
}

func (t *TabWriter) endLine(newline, brk bool) {
	text := make([]int, len(t.cells))
	for i, c := range t.cells {
		text[i] = stringWidth(c)
	}
	t.lines = append(t.lines, tabLine{cells: t.cells, text: text, newline: newline, brk: brk})
	t.cells = nil
}

// stringWidth is the cell's width in columns. Printable ASCII, nearly every
// cell, is one column a byte; anything else goes through runewidth's
// grapheme segmentation, which costs more than the rest of a table.
func stringWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return runewidth.StringWidth(s)
		}
	}
	return len(s)
}

// Flush lays out and writes everything buffered, then resets the writer.
func (t *TabWriter) Flush() error {
	// An unfinished last line keeps its tail only if it has text, like
	// text/tabwriter: "a\t" at the very end leaves "a" as the last cell.
	if t.cell.Len() > 0 {
		t.endCell()
	}
	if len(t.cells) > 0 {
		t.endLine(false, false)
	}
	t.layout()
	b := bufio.NewWriter(t.out) // t.out itself when it is already buffered
	for _, l := range t.lines {
		for j, c := range l.cells {
			b.WriteString(c)
			if j < len(l.widths) {
				writeSpaces(b, l.widths[j]-l.text[j])
			}
		}
		if l.newline {
			b.WriteByte('\n')
		}
	}
	t.lines = t.lines[:0]
	return b.Flush()
}

func writeSpaces(b *bufio.Writer, n int) {
	for ; n > 0; n-- {
		b.WriteByte(' ')
	}
}

// layout gives every terminated cell the width of its column block.
func (t *TabWriter) layout() {
	for i := range t.lines {
		if n := len(t.lines[i].cells) - 1; n > 0 {
			t.lines[i].widths = make([]int, n)
		}
	}
	for col := 0; ; col++ {
		found := false
		for i := 0; i < len(t.lines); {
			if len(t.lines[i].widths) <= col {
				i++
				continue
			}
			found = true
			start, width := i, t.minWidth
			for ; i < len(t.lines) && len(t.lines[i].widths) > col; i++ {
				width = max(width, t.lines[i].text[col]+t.padding)
				if t.lines[i].brk {
					i++
					break
				}
			}
			for k := start; k < i; k++ {
				t.lines[k].widths[col] = width
			}
		}
		if !found {
			return
		}
	}
}
