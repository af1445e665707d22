package opts

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

func isIP(s string) bool {
	_, err := netip.ParseAddr(s)
	return err == nil
}

// ValidateEnv expands a bare NAME from the client's environment ("NAME=value");
// a NAME that is not set is passed on as is (the daemon drops it).
func ValidateEnv(v string) (string, error) {
	if v == "" || strings.HasPrefix(v, "=") {
		return "", fmt.Errorf("invalid environment variable: %s", v)
	}
	if strings.Contains(v, "=") {
		return v, nil
	}
	if val, ok := os.LookupEnv(v); ok {
		return v + "=" + val, nil
	}
	return v, nil
}

// ReadEnvFile reads KEY=VALUE lines (env-file format): blank lines and lines
// starting with # are skipped, leading whitespace is trimmed, a bare KEY takes
// its value from lookup and is dropped when lookup does not know it. Failing
// to open the file is reported as is; anything after that names the file.
func ReadEnvFile(path string, lookup func(string) (string, bool)) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out, err := parseEnvFile(f, lookup)
	if err != nil {
		return nil, fmt.Errorf("invalid env file (%s): %w", path, err)
	}
	return out, nil
}

// parseEnvFile reads r line by line. Like the reference, a line of 64 KiB or
// more (newline included) fails with bufio's "token too long", which also
// bounds what a file that never ends (a link to /dev/zero) costs.
func parseEnvFile(r io.Reader, lookup func(string) (string, bool)) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Bytes()
		if n == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		}
		if !utf8.Valid(raw) {
			return nil, fmt.Errorf("invalid utf8 bytes at line %d: %v", n, raw)
		}
		line := strings.TrimLeftFunc(string(raw), unicode.IsSpace)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, _, hasValue := strings.Cut(line, "=")
		if key == "" {
			return nil, fmt.Errorf("no variable name on line '%s'", line)
		}
		if strings.ContainsFunc(key, unicode.IsSpace) {
			return nil, fmt.Errorf("variable '%s' contains whitespaces", key)
		}
		if hasValue {
			out = append(out, line)
			continue
		}
		if lookup != nil {
			if val, ok := lookup(line); ok {
				out = append(out, line+"="+val)
			}
		}
	}
	return out, sc.Err()
}

// ReadLabelFile reads a label file: the env-file format where a bare KEY is
// dropped.
func ReadLabelFile(path string) ([]string, error) {
	return ReadEnvFile(path, nil)
}
