package format

import (
	"bytes"
	"encoding/json"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"
)

// FuncMap returns the template functions every format, inspect and version
// template gets, on top of text/template's builtins. A new map is returned
// each time so callers may extend it.
func FuncMap() template.FuncMap {
	return template.FuncMap{
		"json":     jsonString,
		"split":    strings.Split,
		"join":     strings.Join,
		"title":    title,
		"lower":    strings.ToLower,
		"upper":    strings.ToUpper,
		"pad":      pad,
		"truncate": truncate,
	}
}

// headerFuncs replace the functions whose output would not be a column
// title: in the header pass they hand back the title unchanged. They take
// strings on purpose, like the reference: `table {{json .}}` renders an
// empty header because the call fails and the error is ignored.
var headerFuncs = template.FuncMap{
	"json":     func(s string) string { return s },
	"split":    func(s, _ string) string { return s },
	"join":     func(s, _ string) string { return s },
	"title":    func(s string) string { return s },
	"lower":    func(s string) string { return s },
	"upper":    func(s string) string { return s },
	"truncate": func(s string, _ int) string { return s },
}

// jsonString encodes v without HTML escaping; values that marshal
// themselves (rows) keep whatever escaping they chose.
func jsonString(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSpace(buf.String()), nil
}

// pad surrounds a non-empty s with spaces; empty cells stay empty so a
// missing value does not turn into blanks.
func pad(s string, prefix, suffix int) string {
	if s == "" {
		return s
	}
	return strings.Repeat(" ", prefix) + s + strings.Repeat(" ", suffix)
}

// truncate cuts s to n bytes. A negative n panics inside the template
// engine, which reports it as "error calling truncate: runtime error: ...",
// exactly as the reference does.
func truncate(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

// title upper-cases (title-cases) the first letter of every word. A word
// starts after any rune that is not a letter, digit or underscore, so
// "ab'cd x.y" becomes "Ab'Cd X.Y" and "hello_world" stays one word.
func title(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prevSep := true
	for _, r := range s {
		if prevSep {
			r = unicode.ToTitle(r)
		}
		b.WriteRune(r)
		prevSep = wordSeparator(r)
	}
	return b.String()
}

func wordSeparator(r rune) bool {
	if r < utf8.RuneSelf {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}
