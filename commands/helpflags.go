package commands

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/spf13/pflag"
)

// flagUsages lists the visible flags of fs in the reference's layout: names
// and value type on the left, descriptions aligned in one column and wrapped
// to cols (0: no wrapping).
func flagUsages(fs *pflag.FlagSet, cols int) string {
	type row struct{ left, text string }
	var rows []row
	widest := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := flagValueName(f)
		if name != "" {
			left += " " + name
		}
		left += optionalValue(f)
		if !defaultIsZero(f) {
			if f.Value.Type() == "string" {
				usage += fmt.Sprintf(" (default %q)", f.DefValue)
			} else {
				usage += fmt.Sprintf(" (default %s)", f.DefValue)
			}
		}
		if f.Deprecated != "" {
			usage += " (DEPRECATED: " + f.Deprecated + ")"
		}
		widest = max(widest, len(left))
		rows = append(rows, row{left, usage})
	})
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r.left + strings.Repeat(" ", widest-len(r.left)+3))
		b.WriteString(wrapText(r.text, widest+3, cols) + "\n")
	}
	return b.String()
}

// flagValueName is the word after the flag name: a `quoted` word of the usage,
// else a name derived from the value type ("" for booleans).
func flagValueName(f *pflag.Flag) (name, usage string) {
	usage = f.Usage
	if i := strings.IndexByte(usage, '`'); i >= 0 {
		if j := strings.IndexByte(usage[i+1:], '`'); j >= 0 {
			name = usage[i+1 : i+1+j]
			return name, usage[:i] + name + usage[i+2+j:]
		}
	}
	switch t := f.Value.Type(); t {
	case "bool":
		return "", usage
	case "float64":
		return "float", usage
	case "int64":
		return "int", usage
	case "uint64":
		return "uint", usage
	case "stringSlice":
		return "strings", usage
	case "intSlice":
		return "ints", usage
	case "uintSlice":
		return "uints", usage
	case "boolSlice":
		return "bools", usage
	default:
		return t, usage
	}
}

// optionalValue shows the value a flag takes when given without one, unless
// it is the obvious one (true for booleans, +1 for counters).
func optionalValue(f *pflag.Flag) string {
	v := f.NoOptDefVal
	if v == "" {
		return ""
	}
	switch f.Value.Type() {
	case "string":
		return `[="` + v + `"]`
	case "bool":
		if v == "true" {
			return ""
		}
	case "count":
		if v == "+1" {
			return ""
		}
	}
	return "[=" + v + "]"
}

// defaultIsZero decides whether "(default ...)" is omitted. pflag's own value
// types compare against their zero; other types hide "", "0", "false", "<nil>".
func defaultIsZero(f *pflag.Flag) bool {
	d := f.DefValue
	if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
		return d == "false"
	}
	if t := reflect.TypeOf(f.Value); t.Kind() == reflect.Pointer && t.Elem().PkgPath() == "github.com/spf13/pflag" {
		switch f.Value.Type() {
		case "duration":
			return d == "0" || d == "0s"
		case "int", "int8", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "count", "float32", "float64":
			return d == "0"
		case "string":
			return d == ""
		case "ip", "ipMask", "ipNet":
			return d == "<nil>"
		case "intSlice", "stringSlice", "stringArray":
			return d == "[]"
		}
	}
	switch d {
	case "", "0", "false", "<nil>":
		return true
	}
	return false
}

// wrapText lays text out from column indent to column cols. The first line
// is already indented by the caller. When the column is too narrow the text
// moves below, indented by 16; when even that is too narrow the text stays
// unwrapped, its own line breaks indented by 16. A line may run 5 columns long rather than leave
// a short last word alone.
func wrapText(text string, indent, cols int) string {
	const minWidth, slack = 24, 5
	pad := func(n int) string { return "\n" + strings.Repeat(" ", n) }
	if cols == 0 {
		return strings.ReplaceAll(text, "\n", pad(indent))
	}
	prefix := ""
	if cols-indent < minWidth {
		indent = 16
		prefix = pad(indent)
		if cols-indent < minWidth {
			return strings.ReplaceAll(text, "\n", prefix)
		}
	}
	width := cols - indent - slack
	var lines []string
	for rest := text; ; {
		line, next := cutLine(rest, width, slack)
		lines = append(lines, strings.ReplaceAll(line, "\n", pad(indent)))
		if next == "" {
			break
		}
		rest = next
	}
	return prefix + strings.Join(lines, pad(indent))
}

// cutLine takes up to width bytes of s, breaking at the last blank (or at an
// earlier line break); all of s when it fits in width+slack or cannot break.
func cutLine(s string, width, slack int) (line, rest string) {
	if len(s) < width+slack {
		return s, ""
	}
	blank := strings.LastIndexAny(s[:width], " \t\n")
	if blank <= 0 {
		return s, ""
	}
	if nl := strings.LastIndexByte(s[:width], '\n'); nl > 0 && nl < blank {
		return s[:nl], s[nl+1:]
	}
	return s[:blank], s[blank+1:]
}
