package format

import (
	"bufio"
	"io"

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
// Nothing is written to the underlying writer before Flush. Cells are kept
// in flat buffers (one for all the text, one for all the cells) rather than
// a string per cell: a table of 300 rows is 2,100 cells.
type TabWriter struct {
	out      io.Writer
	minWidth int
	padding  int

	text      []byte    // the text of every cell, in order
	cells     []tabCell // every cell of every line
	lines     []tabLine
	cellStart int // where in text the cell being built starts
	lineStart int // where in cells the line being built starts
}

type tabCell struct {
	start, end int32 // its text: text[start:end]
	width      int32 // its display width
	column     int32 // its column block's width (not for a line's last cell)
}

type tabLine struct {
	first, n int  // its cells: cells[first:first+n], the last the unterminated tail
	newline  bool // false only for a final line without '\n'
	brk      bool // ended by '\f': column blocks stop here
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
			t.text = append(t.text, p[start:i]...)
			t.endCell()
		case '\n', '\f':
			t.text = append(t.text, p[start:i]...)
			t.endCell()
			t.endLine(true, c == '\f')
		default:
			continue
		}
		start = i + 1
	}
	t.text = append(t.text, p[start:]...)
	return len(p), nil
}

func (t *TabWriter) endCell() {
	t.cells = append(t.cells, tabCell{start: int32(t.cellStart), end: int32(len(t.text)),
		width: int32(bytesWidth(t.text[t.cellStart:]))})
	t.cellStart = len(t.text)
}

func (t *TabWriter) endLine(newline, brk bool) {
	t.lines = append(t.lines, tabLine{first: t.lineStart, n: len(t.cells) - t.lineStart, newline: newline, brk: brk})
	t.lineStart = len(t.cells)
}

// bytesWidth is a cell's width in columns. Printable ASCII, nearly every
// cell, is one column a byte; anything else goes through runewidth's
// grapheme segmentation, which costs more than the rest of a table.
func bytesWidth(b []byte) int {
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return runewidth.StringWidth(string(b))
		}
	}
	return len(b)
}

// Flush lays out and writes everything buffered, then resets the writer.
func (t *TabWriter) Flush() error {
	// An unfinished last line keeps its tail only if it has text, like
	// text/tabwriter: "a\t" at the very end leaves "a" as the last cell.
	if len(t.text) > t.cellStart {
		t.endCell()
	}
	if len(t.cells) > t.lineStart {
		t.endLine(false, false)
	}
	t.layout()
	b := bufio.NewWriter(t.out) // t.out itself when it is already buffered
	for _, l := range t.lines {
		for j, c := range t.cells[l.first : l.first+l.n] {
			b.Write(t.text[c.start:c.end])
			if j < l.n-1 {
				writeSpaces(b, int(c.column-c.width))
			}
		}
		if l.newline {
			b.WriteByte('\n')
		}
	}
	t.text, t.cells, t.lines = t.text[:0], t.cells[:0], t.lines[:0]
	t.cellStart, t.lineStart = 0, 0
	return b.Flush()
}

func writeSpaces(b *bufio.Writer, n int) {
	for ; n > 0; n-- {
		b.WriteByte(' ')
	}
}

// layout gives every terminated cell the width of its column block.
func (t *TabWriter) layout() {
	// terminated is how many cells of line i end with a tab.
	terminated := func(i int) int { return max(t.lines[i].n-1, 0) }
	for col := 0; ; col++ {
		found := false
		for i := 0; i < len(t.lines); {
			if terminated(i) <= col {
				i++
				continue
			}
			found = true
			start, width := i, int32(t.minWidth)
			for ; i < len(t.lines) && terminated(i) > col; i++ {
				width = max(width, t.cells[t.lines[i].first+col].width+int32(t.padding))
				if t.lines[i].brk {
					i++
					break
				}
			}
			for k := start; k < i; k++ {
				t.cells[t.lines[k].first+col].column = width
			}
		}
		if !found {
			return
		}
	}
}
