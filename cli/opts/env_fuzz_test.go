package opts

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// An env or label file may come from anywhere: parsing never panics, and
// every variable it yields is a valid one-line NAME[=value].
func FuzzEnvFile(f *testing.F) {
	f.Add([]byte("\xef\xbb\xbf# comment\nA=1\n  B = 2\nPATH\nUNSET_X\n\nC=a=b\r\n"))
	f.Add([]byte("=novar\n"))
	f.Add([]byte("bad key=1\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		lookup := func(k string) (string, bool) { return "v", k == "PATH" }
		vars, err := parseEnvFile(bytes.NewReader(in), lookup)
		if err != nil {
			return
		}
		for _, v := range vars {
			key, _, _ := strings.Cut(v, "=")
			if key == "" || strings.ContainsAny(key, " \t\n") || strings.Contains(v, "\n") || !utf8.ValidString(v) {
				t.Fatalf("bad variable %q", v)
			}
		}
	})
}
