package format

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

// Header maps a row's field names to column titles ("ID" -> "CONTAINER ID").
// In table mode the row template is executed once against the Header to
// produce the title row.
type Header map[string]string

// WithUpper adds the fields whose title is their name upper-cased ("Driver"
// -> "DRIVER"), the common case, to h and returns it.
func (h Header) WithUpper(fields ...string) Header {
	for _, f := range fields {
		h[f] = strings.ToUpper(f)
	}
	return h
}

// Label is the header-pass counterpart of a row's Label(name) method: the
// last dot-separated segment with '-' and '_' turned into spaces
// ("com.example.build-id" -> "build id"). Case is kept.
func (h Header) Label(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return strings.NewReplacer("-", " ", "_", " ").Replace(name)
}

// Table layout of the reference's list commands.
const (
	tableMinWidth = 10
	tablePadding  = 3
)

// Writer renders rows with a parsed Format. Templates stream each row
// straight through a buffered writer; tables are held until Flush because
// every row can change a column's width.
//
// After a failed Write the Writer is spent: later calls return the same
// error and Flush discards what was not yet written, so a template error
// does not leave a half-printed listing behind.
type Writer struct {
	f      *Format
	header Header
	out    *bufio.Writer
	table  *TabWriter // nil unless f is a table
	row    bytes.Buffer
	began  bool
	err    error
}

// NewWriter returns a Writer printing rows to out. header is only used in
// table mode.
func NewWriter(out io.Writer, f *Format, header Header) *Writer {
	w := &Writer{f: f, header: header, out: bufio.NewWriter(out)}
	if f.table {
		w.table = NewTabWriter(w.out, tableMinWidth, tablePadding)
	}
	return w
}

// Write renders one row followed by "\n". The error is the template's
// execution error, unwrapped.
func (w *Writer) Write(row any) error {
	if w.err != nil {
		return w.err
	}
	w.begin()
	w.row.Reset()
	if err := w.f.row.Execute(&w.row, row); err != nil {
		w.err = err
		return err
	}
	w.row.WriteByte('\n')
	var err error
	if w.table != nil {
		_, err = w.table.Write(w.row.Bytes())
	} else {
		_, err = w.out.Write(w.row.Bytes())
	}
	if err != nil {
		w.err = err
	}
	return err
}

// Flush writes everything rendered so far. A table gets its header even
// when there were no rows.
func (w *Writer) Flush() error {
	if w.err != nil {
		w.out.Reset(io.Discard)
		return w.err
	}
	w.begin()
	if w.table != nil {
		if err := w.table.Flush(); err != nil {
			w.err = err
			return err
		}
	}
	if err := w.out.Flush(); err != nil {
		w.err = err
		return err
	}
	return nil
}

// begin emits the header row once, before the first row.
func (w *Writer) begin() {
	if w.began {
		return
	}
	w.began = true
	if w.table == nil {
		return
	}
	var buf bytes.Buffer
	// A header that cannot be rendered (a function given a non-string,
	// a field missing from the Header) keeps whatever was produced before
	// the failure, as the reference does; the rows report real errors.
	_ = w.f.header.Execute(&buf, w.header)
	buf.WriteByte('\n')
	_, _ = w.table.Write(buf.Bytes()) // buffered in memory, cannot fail
}
