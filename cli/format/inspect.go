package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/template"
)

// templateErrorPrefix starts every inspect template error, parse or
// execution, as with the reference.
const templateErrorPrefix = "template parsing error: "

// Inspect renders `inspect` output for any kind of object:
//
//   - no format: the objects' JSON, keys in the order given, as one array
//     indented by four spaces ("[]" when there is none);
//   - "json": the same array, compact on one line;
//   - a template: its output for each object followed by a newline (a lone
//     newline when nothing was rendered).
//
// Everything is buffered until Flush, so objects that fail leave no partial
// output; callers report their errors after Flush.
type Inspect struct {
	out     io.Writer
	compact bool

	typed   *template.Template // on shaped values; map lookups are lenient
	raw     *template.Template // on decoded JSON; a missing key is an error
	ordered *template.Template // raw, with a json that keeps key order
	order   keyOrder

	raws [][]byte
	buf  bytes.Buffer
}

// NewInspect parses an inspect --format value. Its only error is a template
// that does not parse, which the reference reports before any request with
// exit status 64; the message already has the "template parsing error: "
// prefix.
func NewInspect(out io.Writer, spec string) (*Inspect, error) {
	w := &Inspect{out: out}
	switch spec {
	case "":
		return w, nil
	case jsonKey:
		w.compact = true
		return w, nil
	}
	tmpl, err := ParseTemplate("", spec)
	if err != nil {
		return nil, fmt.Errorf("%s%w", templateErrorPrefix, err)
	}
	w.typed = tmpl
	if w.raw, err = tmpl.Clone(); err != nil {
		return nil, err
	}
	w.raw.Option("missingkey=error")
	if w.ordered, err = w.raw.Clone(); err != nil {
		return nil, err
	}
	w.order = keyOrder{}
	w.ordered.Funcs(template.FuncMap{"json": w.order.json})
	return w, nil
}

// Add renders one object given as the daemon's JSON.
//
// shape, when not nil, points at a zero value of the reference's type for
// the object (see package shapes). As with the reference, a template runs
// on the JSON decoded into it first; when the JSON does not fit or the
// template fails there (a key the type lacks), it runs again on the plain
// decoded JSON, where a missing key is an error and that error is the one
// returned. Without a shape only the second pass happens, but {{json}}
// keeps the daemon's key order, which is closer to what a typed value
// prints than the sorted keys of a map.
//
// A template that fails adds nothing; the error is for the caller to
// report after Flush.
func (w *Inspect) Add(raw []byte, shape any) error {
	if w.typed == nil {
		w.raws = append(w.raws, raw)
		return nil
	}
	var out bytes.Buffer
	if shape != nil && json.Unmarshal(raw, shape) == nil && w.typed.Execute(&out, shape) == nil {
		w.emit(&out)
		return nil
	}
	out.Reset()
	tmpl, order := w.raw, keyOrder(nil)
	if shape == nil {
		clear(w.order) // earlier objects' maps are gone; their addresses may be reused
		tmpl, order = w.ordered, w.order
	}
	v, err := order.decode(raw)
	if err != nil {
		return fmt.Errorf("unable to read inspect data: %w", err)
	}
	if err := tmpl.Execute(&out, v); err != nil {
		return fmt.Errorf("%s%w", templateErrorPrefix, err)
	}
	w.emit(&out)
	return nil
}

// AddValue renders a value the command built itself: its JSON is what
// encoding/json makes of it and templates run on v alone, so a missing
// field is reported against v's type.
func (w *Inspect) AddValue(v any) error {
	if w.typed == nil {
		raw, err := json.Marshal(v)
		if err != nil {
			return err
		}
		w.raws = append(w.raws, raw)
		return nil
	}
	var out bytes.Buffer
	if err := w.typed.Execute(&out, v); err != nil {
		return fmt.Errorf("%s%w", templateErrorPrefix, err)
	}
	w.emit(&out)
	return nil
}

func (w *Inspect) emit(out *bytes.Buffer) {
	w.buf.Write(out.Bytes())
	w.buf.WriteByte('\n')
}

// Flush writes everything rendered.
func (w *Inspect) Flush() error {
	if w.typed != nil {
		if w.buf.Len() == 0 {
			w.buf.WriteByte('\n')
		}
		_, err := w.out.Write(w.buf.Bytes())
		return err
	}
	all := []byte{'['}
	for i, r := range w.raws {
		if i > 0 {
			all = append(all, ',')
		}
		all = append(all, bytes.TrimSpace(r)...)
	}
	all = append(all, ']')
	var out bytes.Buffer
	var err error
	if w.compact {
		err = json.Compact(&out, all)
	} else {
		err = json.Indent(&out, all, "", "    ")
	}
	if err != nil {
		return fmt.Errorf("unable to read inspect data: %w", err)
	}
	out.WriteByte('\n')
	_, err = w.out.Write(out.Bytes())
	return err
}

// InspectUsage is the help text of every inspect command's --format flag.
const InspectUsage = "Format output using a custom template:\n" +
	"'json':             Print in JSON format\n" +
	"'TEMPLATE':         Print output using the given Go template.\n" +
	"Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

// Each adds the object of every name with add, in order, then flushes what
// was rendered; the errors of the names that failed (not found, a template
// error) come back joined, after the output, as with the reference.
func (w *Inspect) Each(names []string, add func(name string) error) error {
	var errs []error
	for _, name := range names {
		if err := add(name); err != nil {
			errs = append(errs, err)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return errors.Join(errs...)
}
