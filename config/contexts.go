package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
)

// DockerEndpoint is the "docker" endpoint of a context.
type DockerEndpoint struct {
	Host          string `json:",omitempty"`
	SkipTLSVerify bool
}

// Context is one stored context (meta.json). Metadata keys other than
// Description and endpoints other than "docker" are kept as decoded.
type Context struct {
	Name        string
	Description string
	// Docker is nil when meta.json has no "docker" endpoint.
	Docker *DockerEndpoint
	// ExtraMetadata and OtherEndpoints round-trip what we do not interpret.
	ExtraMetadata  map[string]any
	OtherEndpoints map[string]any
}

// contextJSON is meta.json's schema.
type contextJSON struct {
	Name      string
	Metadata  map[string]any
	Endpoints map[string]any `json:",omitempty"`
}

// MarshalJSON writes meta.json's schema: Metadata always an object
// (Description first when set, then other keys sorted), docker endpoint
// with Host and SkipTLSVerify only.
func (c Context) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`{"Name":`)
	if err := writeJSON(&buf, c.Name); err != nil {
		return nil, err
	}
	buf.WriteString(`,"Metadata":{`)
	n := 0
	if c.Description != "" {
		buf.WriteString(`"Description":`)
		if err := writeJSON(&buf, c.Description); err != nil {
			return nil, err
		}
		n++
	}
	for _, k := range sortedKeys(c.ExtraMetadata) {
		if k == "Description" {
			continue
		}
		if n > 0 {
			buf.WriteByte(',')
		}
		n++
		if err := writeJSON(&buf, k); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := writeJSON(&buf, c.ExtraMetadata[k]); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	endpoints := map[string]any{}
	for k, v := range c.OtherEndpoints {
		endpoints[k] = v
	}
	if c.Docker != nil {
		endpoints["docker"] = c.Docker
	}
	if len(endpoints) > 0 {
		buf.WriteString(`,"Endpoints":`)
		if err := writeJSON(&buf, endpoints); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// UnmarshalJSON reads meta.json's schema.
func (c *Context) UnmarshalJSON(b []byte) error {
	var cj contextJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // keep big numbers in extra metadata exact
	if err := dec.Decode(&cj); err != nil {
		return err
	}
	*c = Context{Name: cj.Name}
	for k, v := range cj.Metadata {
		if k == "Description" {
			if s, ok := v.(string); ok {
				c.Description = s
				continue
			}
		}
		if c.ExtraMetadata == nil {
			c.ExtraMetadata = map[string]any{}
		}
		c.ExtraMetadata[k] = v
	}
	for k, v := range cj.Endpoints {
		if k == "docker" {
			raw, _ := json.Marshal(v)
			var ep DockerEndpoint
			if err := json.Unmarshal(raw, &ep); err != nil {
				return err
			}
			c.Docker = &ep
			continue
		}
		if c.OtherEndpoints == nil {
			c.OtherEndpoints = map[string]any{}
		}
		c.OtherEndpoints[k] = v
	}
	return nil
}

func writeJSON(buf *bytes.Buffer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	buf.Write(b)
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// DefaultContextName is the in-memory context that cannot be stored.
const DefaultContextName = "default"

// ErrContextNotFound matches (errors.Is) every "no such context" error.
var ErrContextNotFound = errors.New("context not found")

// notFoundError reads "context not found: <cause>" like the reference.
type notFoundError struct{ cause error }

func (e *notFoundError) Error() string        { return ErrContextNotFound.Error() + ": " + e.cause.Error() }
func (e *notFoundError) Unwrap() []error      { return []error{ErrContextNotFound, e.cause} }
func (e *notFoundError) Is(target error) bool { return target == ErrContextNotFound }

// missingContextError is Remove's `context "x" does not exist`.
type missingContextError struct{ name string }

func (e *missingContextError) Error() string        { return fmt.Sprintf("context %q does not exist", e.name) }
func (e *missingContextError) Is(target error) bool { return target == ErrContextNotFound }

// contextNameRE is compiled on first use, not at start-up.
var contextNameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$`) })

// ValidateContextName checks a name for create and import, with the
// reference's messages.
func ValidateContextName(name string) error {
	if name == "" {
		return errors.New("context name cannot be empty")
	}
	if name == DefaultContextName {
		return fmt.Errorf("%q is a reserved context name", name)
	}
	if !contextNameRE().MatchString(name) {
		return fmt.Errorf("context name %q is invalid, names are validated against regexp %q", name, contextNameRE().String())
	}
	return nil
}

// ContextStore is the on-disk store under <configdir>/contexts: metadata in
// meta/<sha256(name)>/meta.json, TLS files in tls/<sha256(name)>/<endpoint>/.
type ContextStore struct {
	root string
}

// NewContextStore opens the store of a config directory; nothing is read
// or created until used.
func NewContextStore(configDir string) *ContextStore {
	return &ContextStore{root: filepath.Join(configDir, "contexts")}
}

func contextID(name string) string {
	sum := sha256.Sum256([]byte(name))
	return hex.EncodeToString(sum[:])
}

// MetaDir is the directory holding a context's meta.json.
func (s *ContextStore) MetaDir(name string) string {
	return filepath.Join(s.root, "meta", contextID(name))
}

// TLSDir is the directory holding a context's TLS files, per endpoint.
func (s *ContextStore) TLSDir(name string) string {
	return filepath.Join(s.root, "tls", contextID(name))
}

// Get reads one context. A missing one gives an error matching
// ErrContextNotFound: `context "x": context not found: open …: no such file or directory`.
func (s *ContextStore) Get(name string) (Context, error) {
	c, err := readMeta(filepath.Join(s.MetaDir(name), "meta.json"))
	if err != nil {
		return Context{}, fmt.Errorf("context %q: %w", name, err)
	}
	return c, nil
}

// Exists reports whether a context of that name is stored.
func (s *ContextStore) Exists(name string) bool {
	_, err := os.Stat(filepath.Join(s.MetaDir(name), "meta.json"))
	return err == nil
}

func readMeta(path string) (Context, error) {
	b, err := readFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Context{}, &notFoundError{cause: err}
		}
		return Context{}, err
	}
	var c Context
	if err := json.Unmarshal(b, &c); err != nil {
		return Context{}, fmt.Errorf("parsing %s: %w", path, err)
	}
	return c, nil
}

// List returns every stored context sorted by name. Directories without
// meta.json are skipped, as the reference does; a malformed one fails.
func (s *ContextStore) List() ([]Context, error) {
	entries, err := os.ReadDir(filepath.Join(s.root, "meta"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err // bare, as the reference prints it
	}
	var out []Context
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		c, err := readMeta(filepath.Join(s.root, "meta", e.Name(), "meta.json"))
		if errors.Is(err, ErrContextNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("failed to read metadata: %w", err)
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Create stores a new context after validating its name.
func (s *ContextStore) Create(c Context) error {
	if err := ValidateContextName(c.Name); err != nil {
		return err
	}
	if s.Exists(c.Name) {
		return fmt.Errorf("context %q already exists", c.Name)
	}
	return s.Save(c)
}

// Save writes meta.json (dirs 0755, file 0644, atomic), replacing any
// previous metadata of that context.
func (s *ContextStore) Save(c Context) error {
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("context %q: %w", c.Name, err)
	}
	dir := s.MetaDir(c.Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err // bare, as the reference prints it
	}
	path := filepath.Join(dir, "meta.json")
	if err := writeAtomicMode(path, b, 0o644); err != nil {
		return fmt.Errorf("context %q: %w", c.Name, err)
	}
	return nil
}

// Remove deletes a context's metadata and TLS files.
func (s *ContextStore) Remove(name string) error {
	dir := s.MetaDir(name)
	if _, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &missingContextError{name: name}
		}
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("failed to remove metadata: %w", err)
	}
	if err := os.RemoveAll(s.TLSDir(name)); err != nil {
		return fmt.Errorf("failed to remove TLS data: %w", err)
	}
	return nil
}

// TLSData is an endpoint's TLS material; empty fields are absent files.
type TLSData struct {
	CA, Cert, Key []byte
}

var tlsFiles = []struct {
	name string
	get  func(*TLSData) *[]byte
}{
	{"ca.pem", func(d *TLSData) *[]byte { return &d.CA }},
	{"cert.pem", func(d *TLSData) *[]byte { return &d.Cert }},
	{"key.pem", func(d *TLSData) *[]byte { return &d.Key }},
}

// ReadTLS returns an endpoint's TLS files; nil when it has none.
func (s *ContextStore) ReadTLS(name, endpoint string) (*TLSData, error) {
	dir := filepath.Join(s.TLSDir(name), endpoint)
	var d TLSData
	found := false
	for _, f := range tlsFiles {
		b, err := readFile(filepath.Join(dir, f.name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("context %q: %w", name, err)
		}
		*f.get(&d) = b
		found = true
	}
	if !found {
		return nil, nil
	}
	return &d, nil
}

// SaveTLS replaces an endpoint's TLS files (dirs 0700, files 0600);
// nil or empty data removes them.
func (s *ContextStore) SaveTLS(name, endpoint string, d *TLSData) error {
	dir := filepath.Join(s.TLSDir(name), endpoint)
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("context %q: %w", name, err)
	}
	if d == nil || (len(d.CA) == 0 && len(d.Cert) == 0 && len(d.Key) == 0) {
		// Drop the context's tls dir too if that was its last endpoint.
		os.Remove(s.TLSDir(name))
		return nil
	}
	for _, p := range []string{filepath.Join(s.root, "tls"), s.TLSDir(name), dir} {
		if err := os.MkdirAll(p, 0o700); err != nil {
			return fmt.Errorf("context %q: %w", name, err)
		}
	}
	for _, f := range tlsFiles {
		b := *f.get(d)
		if len(b) == 0 {
			continue
		}
		if err := writeAtomicMode(filepath.Join(dir, f.name), b, 0o600); err != nil {
			return fmt.Errorf("context %q: %w", name, err)
		}
	}
	return nil
}

// TLSMaterial lists the TLS file names per endpoint (sorted), as
// `context inspect` shows them.
func (s *ContextStore) TLSMaterial(name string) (map[string][]string, error) {
	out := map[string][]string{}
	eps, err := os.ReadDir(s.TLSDir(name))
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for _, ep := range eps {
		if !ep.IsDir() {
			continue
		}
		files, err := os.ReadDir(filepath.Join(s.TLSDir(name), ep.Name()))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if f.Type().IsRegular() {
				out[ep.Name()] = append(out[ep.Name()], f.Name())
			}
		}
	}
	return out, nil
}
