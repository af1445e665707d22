package config

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// AuthConfig is one registry's credentials. On disk only `auth`
// (base64 "user:password"), email and the tokens are written; Load decodes
// `auth` into Username and Password.
type AuthConfig struct {
	Username      string `json:"username,omitempty"`
	Password      string `json:"password,omitempty"`
	Auth          string `json:"auth,omitempty"`
	Email         string `json:"email,omitempty"`
	ServerAddress string `json:"serveraddress,omitempty"`
	IdentityToken string `json:"identitytoken,omitempty"`
	RegistryToken string `json:"registrytoken,omitempty"`
}

// ProxyConfig is one entry of `proxies` (key is a daemon host or "default").
type ProxyConfig struct {
	HTTPProxy  string `json:"httpProxy,omitempty"`
	HTTPSProxy string `json:"httpsProxy,omitempty"`
	NoProxy    string `json:"noProxy,omitempty"`
	FTPProxy   string `json:"ftpProxy,omitempty"`
	AllProxy   string `json:"allProxy,omitempty"`
}

// File is config.json. The typed fields are the reference's, in the
// reference's order (so a save writes keys in the same order); any other
// top-level key is kept verbatim and written back after them.
type File struct {
	AuthConfigs          map[string]AuthConfig        `json:"auths"`
	HTTPHeaders          map[string]string            `json:"HttpHeaders,omitempty"`
	PsFormat             string                       `json:"psFormat,omitempty"`
	ImagesFormat         string                       `json:"imagesFormat,omitempty"`
	NetworksFormat       string                       `json:"networksFormat,omitempty"`
	PluginsFormat        string                       `json:"pluginsFormat,omitempty"`
	VolumesFormat        string                       `json:"volumesFormat,omitempty"`
	StatsFormat          string                       `json:"statsFormat,omitempty"`
	DetachKeys           string                       `json:"detachKeys,omitempty"`
	CredentialsStore     string                       `json:"credsStore,omitempty"`
	CredentialHelpers    map[string]string            `json:"credHelpers,omitempty"`
	ServiceInspectFormat string                       `json:"serviceInspectFormat,omitempty"`
	ServicesFormat       string                       `json:"servicesFormat,omitempty"`
	TasksFormat          string                       `json:"tasksFormat,omitempty"`
	SecretFormat         string                       `json:"secretFormat,omitempty"`
	ConfigFormat         string                       `json:"configFormat,omitempty"`
	NodesFormat          string                       `json:"nodesFormat,omitempty"`
	PruneFilters         []string                     `json:"pruneFilters,omitempty"`
	Proxies              map[string]ProxyConfig       `json:"proxies,omitempty"`
	CurrentContext       string                       `json:"currentContext,omitempty"`
	CLIPluginsExtraDirs  []string                     `json:"cliPluginsExtraDirs,omitempty"`
	Plugins              map[string]map[string]string `json:"plugins,omitempty"`
	Aliases              map[string]string            `json:"aliases,omitempty"`
	Features             map[string]string            `json:"features,omitempty"`
	Experimental         string                       `json:"experimental,omitempty"`

	// Extra holds top-level keys this type does not know, raw.
	Extra map[string]json.RawMessage `json:"-"`

	path string
	// storeOnce, when set, finds the default credential store on first
	// use (CredsStore): a run that needs no credentials looks up nothing.
	storeOnce *sync.Once
}

// ParseError reports a config.json that could not be read or decoded.
// The CLI prints it as "WARNING: " + Error() and carries on with whatever
// was decoded, like the reference.
type ParseError struct {
	Path string
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("Error parsing config file (%s): %s", e.Path, jsonErrorText(e.Err))
}

func (e *ParseError) Unwrap() error { return e.Err }

// LoadError reports a config.json that could not be opened (a parent
// that is not a directory, no permission); printed like ParseError.
type LoadError struct {
	Err error
}

func (e *LoadError) Error() string { return "Error loading config file: " + e.Err.Error() }

func (e *LoadError) Unwrap() error { return e.Err }

// errInvalidAuth is the reference's text for an `auth` without "user:".
var errInvalidAuth = errors.New("Invalid auth configuration file")

// New returns an empty config that will be saved to <dir>/config.json.
func New(dir string) *File {
	return &File{AuthConfigs: map[string]AuthConfig{}, path: filepath.Join(dir, FileName)}
}

// Path is where Save writes.
func (f *File) Path() string { return f.path }

// Load reads <dir>/config.json. A missing or empty file gives an empty
// config. The returned *File is never nil: on a *ParseError it holds what
// could be decoded, and the file on disk is left alone until Save.
func Load(dir string) (*File, error) {
	f := New(dir)
	err := f.load()
	if !f.ContainsAuth() {
		f.storeOnce = new(sync.Once)
	}
	return f, err
}

// CredsStore is credsStore, or with no credential configuration at all the
// platform's default store (found once, on first use; Save persists it, as
// the reference does).
func (f *File) CredsStore() string {
	if f.storeOnce != nil {
		f.storeOnce.Do(func() { f.CredentialsStore = defaultCredsStore(f.CredentialsStore) })
	}
	return f.CredentialsStore
}

func (f *File) load() error {
	file, err := os.Open(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &LoadError{Err: err}
	}
	defer file.Close()
	return f.decode(file)
}

// decode reads config.json's content into f.
func (f *File) decode(r io.Reader) error {
	// A Decoder, as the reference uses: truncated input reads as
	// "unexpected EOF", anything after the first value is ignored, and a file
	// that never ends (a link to /dev/zero) fails at its first bad byte; what
	// is read is bounded all the same.
	var raw json.RawMessage
	if err := json.NewDecoder(newBoundedReader(r)).Decode(&raw); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		return &ParseError{Path: f.path, Err: err}
	}
	var firstErr error
	// On a type error encoding/json still fills the other fields; keep them.
	if err := json.Unmarshal(raw, f); err != nil {
		firstErr = err
	}
	if f.AuthConfigs == nil {
		f.AuthConfigs = map[string]AuthConfig{}
	}
	var all map[string]json.RawMessage
	if json.Unmarshal(raw, &all) == nil {
		for k, v := range all {
			if !isKnownKey(k) {
				if f.Extra == nil {
					f.Extra = map[string]json.RawMessage{}
				}
				f.Extra[k] = v
			}
		}
	}
	for host, ac := range f.AuthConfigs {
		if ac.Auth == "" {
			continue
		}
		user, pass, err := decodeAuth(ac.Auth)
		if err != nil {
			// Left encoded so a later save does not lose it.
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		ac.Username, ac.Password, ac.Auth = user, pass, ""
		f.AuthConfigs[host] = ac
	}
	if firstErr != nil {
		return &ParseError{Path: f.path, Err: firstErr}
	}
	return nil
}

// ContainsAuth reports whether any credential configuration is present.
func (f *File) ContainsAuth() bool {
	return f.CredentialsStore != "" || len(f.CredentialHelpers) > 0 || len(f.AuthConfigs) > 0
}

// defaultCredsStore is the reference's Linux default: "pass" when the pass
// binary exists, else "secretservice", and only when its helper is on PATH.
// The value is persisted by the next Save, as the reference does.
func defaultCredsStore(current string) string {
	if current != "" {
		return current
	}
	name := "secretservice"
	if _, err := exec.LookPath("pass"); err == nil {
		name = "pass"
	}
	if _, err := exec.LookPath("docker-credential-" + name); err != nil {
		return ""
	}
	return name
}

func decodeAuth(s string) (user, pass string, err error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", "", err
	}
	user, pass, ok := strings.Cut(string(b), ":")
	if !ok || user == "" {
		return "", "", errInvalidAuth
	}
	return user, strings.Trim(pass, "\x00"), nil
}

// encodeAuth is the on-disk `auth` value for user and password.
func encodeAuth(user, pass string) string {
	if user == "" && pass == "" {
		return ""
	}
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
}

// knownKeys are the JSON names of File's typed fields. encoding/json matches
// them case-insensitively, so Extra must too or a key would be kept twice.
// Read from the type on first use, not at start-up.
var knownKeys = sync.OnceValue(func() []string {
	t := reflect.TypeOf(File{})
	var keys []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
})

func isKnownKey(k string) bool {
	for _, known := range knownKeys() {
		if strings.EqualFold(k, known) {
			return true
		}
	}
	return false
}

// fileFields has File's fields and tags but not its methods.
type fileFields File

// MarshalJSON writes the typed fields in order, auths encoded for disk,
// then the unknown keys sorted.
func (f *File) MarshalJSON() ([]byte, error) {
	out := *f
	out.AuthConfigs = make(map[string]AuthConfig, len(f.AuthConfigs))
	for host, ac := range f.AuthConfigs {
		out.AuthConfigs[host] = diskAuth(ac)
	}
	if _, ok := f.HTTPHeaders["User-Agent"]; ok {
		out.HTTPHeaders = make(map[string]string, len(f.HTTPHeaders))
		for k, v := range f.HTTPHeaders {
			if k != "User-Agent" {
				out.HTTPHeaders[k] = v
			}
		}
	}
	b, err := json.Marshal((*fileFields)(&out))
	if err != nil || len(f.Extra) == 0 {
		return b, err
	}
	keys := make([]string, 0, len(f.Extra))
	for k := range f.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1]) // drop the closing brace; auths is never omitted
	for _, k := range keys {
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(f.Extra[k])
		if err != nil {
			return nil, fmt.Errorf("config key %s: %w", k, err)
		}
		buf.WriteByte(',')
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// diskAuth is what the reference writes for an entry: user and password
// folded into `auth`, no server address.
func diskAuth(ac AuthConfig) AuthConfig {
	if enc := encodeAuth(ac.Username, ac.Password); enc != "" {
		ac.Auth = enc
	}
	ac.Username, ac.Password, ac.ServerAddress = "", "", ""
	return ac
}

// Save writes the config atomically: a temp file in the target's directory
// renamed over it, so a reader or a concurrent writer never sees a partial
// file. A symlinked config.json stays a symlink; its target is replaced.
// A new file is 0600; an existing file's mode and owner are kept. It holds
// the lock Update takes; a change made from what is on disk now is Update's.
func (f *File) Save() error {
	unlock := f.lock()
	defer unlock()
	return f.write()
}

func (f *File) write() error {
	f.CredsStore() // the default store is written as the reference writes it
	data, err := json.MarshalIndent(f, "", "\t")
	if err != nil {
		return fmt.Errorf("encoding config file: %w", err)
	}
	target := f.path
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		target = resolved
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return fmt.Errorf("saving config file: %w", err)
	}
	return writeAtomic(target, data, 0o600)
}

// referenceTypeNames maps our type names to the reference's, so decode
// errors read exactly like the reference's.
var referenceTypeNames = strings.NewReplacer(
	"config.AuthConfig", "types.AuthConfig",
	"config.ProxyConfig", "configfile.ProxyConfig",
	"config.File", "configfile.ConfigFile",
)

func jsonErrorText(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Type == nil {
		return err.Error()
	}
	typ := referenceTypeNames.Replace(te.Type.String())
	if te.Struct == "" && te.Field == "" {
		return "json: cannot unmarshal " + te.Value + " into Go value of type " + typ
	}
	st := te.Struct
	if st == "File" {
		st = "ConfigFile"
	}
	return "json: cannot unmarshal " + te.Value + " into Go struct field " + st + "." + te.Field + " of type " + typ
}
