package format

import "fmt"

// ListUsage is the help text of the --format flag of list-like commands.
const ListUsage = "Format output using a custom template:\n" +
	"'table':            Print output in table format with column headers (default)\n" +
	"'table TEMPLATE':   Print output in table format using the given Go template\n" +
	"'json':             Print in JSON format\n" +
	"'TEMPLATE':         Print output using the given Go template.\n" +
	"Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

// ListSpec picks a list command's template: spec (--format), else
// configured (the config file's), else table; quiet replaces only the
// table, with quietFormat, so a custom format wins over -q.
func ListSpec(spec, configured string, quiet bool, table, quietFormat string) string {
	if spec == "" {
		spec = configured
	}
	if spec == "" || spec == "table" {
		if quiet {
			return quietFormat
		}
		return table
	}
	return spec
}

// WriteRows writes row(&items[i]) for each item, then flushes. A failing
// row stops the listing and leaves nothing unflushed behind; the error
// carries the "template parsing error: " prefix, as with the reference.
func WriteRows[T any](w *Writer, items []T, row func(*T) any) error {
	for i := range items {
		if err := w.Write(row(&items[i])); err != nil {
			break // Flush reports it and discards the rest
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("%s%w", templateErrorPrefix, err)
	}
	return nil
}
