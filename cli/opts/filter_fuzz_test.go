package opts

import (
	"strings"
	"testing"
)

// -f/--filter values are typed by users and scripts: Set never panics and
// accepts exactly the name=value forms, and an empty value (ignored).
func FuzzFilter(f *testing.F) {
	for _, s := range []string{"status=exited", "label=com.example=1", "dangling=true", " Name = x ", "noequals", "=v", "before=c1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := NewFilter()
		err := v.Set(s)
		if (err == nil) != (s == "" || strings.Contains(s, "=")) {
			t.Fatalf("Set(%q) = %v", s, err)
		}
		_ = v.Value()
	})
}
