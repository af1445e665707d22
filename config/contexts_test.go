package config

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestContextMetaFormat(t *testing.T) {
	s := NewContextStore(t.TempDir())
	tests := []struct {
		ctx  Context
		want string
	}{
		// Both observed from the reference's `docker context create`.
		{Context{Name: "hx-c", Description: "d", Docker: &DockerEndpoint{Host: "unix:///x"}},
			`{"Name":"hx-c","Metadata":{"Description":"d"},"Endpoints":{"docker":{"Host":"unix:///x","SkipTLSVerify":false}}}`},
		{Context{Name: "hx-t", Docker: &DockerEndpoint{Host: "tcp://1.2.3.4:2376", SkipTLSVerify: true}},
			`{"Name":"hx-t","Metadata":{},"Endpoints":{"docker":{"Host":"tcp://1.2.3.4:2376","SkipTLSVerify":true}}}`},
		{Context{Name: "hx-e", Docker: &DockerEndpoint{}},
			`{"Name":"hx-e","Metadata":{},"Endpoints":{"docker":{"SkipTLSVerify":false}}}`},
		{Context{Name: "hx-n"}, `{"Name":"hx-n","Metadata":{}}`},
	}
	for _, tt := range tests {
		if err := s.Create(tt.ctx); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(s.MetaDir(tt.ctx.Name), "meta.json")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.want {
			t.Errorf("meta.json = %s\nwant        %s", b, tt.want)
		}
		for path, mode := range map[string]os.FileMode{p: 0o644, filepath.Dir(p): 0o755} {
			if fi, _ := os.Stat(path); fi.Mode().Perm() != mode {
				t.Errorf("%s mode %v, want %v", path, fi.Mode().Perm(), mode)
			}
		}
		got, err := s.Get(tt.ctx.Name)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.ctx) {
			t.Errorf("Get = %+v, want %+v", got, tt.ctx)
		}
	}
	// The hash directory name matches the reference's for "hx-c".
	if want := "85dfc3e8f051ec637d7ce449cb6f9a00ea938d738b469ec36a65b8f71f22134e"; filepath.Base(s.MetaDir("hx-c")) != want {
		t.Errorf("MetaDir = %s", s.MetaDir("hx-c"))
	}
}

func TestContextExtraFieldsRoundTrip(t *testing.T) {
	s := NewContextStore(t.TempDir())
	p := filepath.Join(s.MetaDir("hx-c"), "meta.json")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	in := `{"Name":"hx-c","Metadata":{"zz":1,"Description":"d","aa":{"c":12345678901234567890,"b":2}},` +
		`"Endpoints":{"docker":{"Host":"unix:///x","SkipTLSVerify":false,"Extra":5},"kubernetes":{"x":1}},"Other":3}`
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := s.Get("hx-c")
	if err != nil {
		t.Fatal(err)
	}
	c.Description = "e"
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	// What the reference writes after `docker context update --description e`
	// (plus exact big numbers).
	want := `{"Name":"hx-c","Metadata":{"Description":"e","aa":{"b":2,"c":12345678901234567890},"zz":1},` +
		`"Endpoints":{"docker":{"Host":"unix:///x","SkipTLSVerify":false},"kubernetes":{"x":1}}}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestContextErrors(t *testing.T) {
	dir := t.TempDir()
	s := NewContextStore(dir)
	_, err := s.Get("nope")
	want := `context "nope": context not found: open ` + filepath.Join(s.MetaDir("nope"), "meta.json") + `: no such file or directory`
	if err == nil || err.Error() != want {
		t.Errorf("Get missing: %v\nwant %s", err, want)
	}
	if !errors.Is(err, ErrContextNotFound) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing context error does not match ErrContextNotFound/ErrNotExist")
	}
	if err := s.Remove("nope"); err == nil || err.Error() != `context "nope" does not exist` || !errors.Is(err, ErrContextNotFound) {
		t.Errorf("Remove missing: %v", err)
	}

	if err := s.Create(Context{Name: "hx-c"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(Context{Name: "hx-c"}); err == nil || err.Error() != `context "hx-c" already exists` {
		t.Errorf("duplicate: %v", err)
	}
	p := filepath.Join(s.MetaDir("hx-c"), "meta.json")
	os.WriteFile(p, []byte("garb"), 0o644)
	parse := "parsing " + p + ": invalid character 'g' looking for beginning of value"
	if _, err := s.Get("hx-c"); err == nil || err.Error() != `context "hx-c": `+parse {
		t.Errorf("Get malformed: %v", err)
	}
	if _, err := s.List(); err == nil || err.Error() != "failed to read metadata: "+parse {
		t.Errorf("List malformed: %v", err)
	}
}

func TestValidateContextName(t *testing.T) {
	re := `"^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$"`
	tests := map[string]string{
		"hx-c":    "",
		"a1_.+-b": "",
		"":        "context name cannot be empty",
		"default": `"default" is a reserved context name`,
		"a":       `context name "a" is invalid, names are validated against regexp ` + re,
		"x!":      `context name "x!" is invalid, names are validated against regexp ` + re,
		"-ab":     `context name "-ab" is invalid, names are validated against regexp ` + re,
	}
	for name, want := range tests {
		err := ValidateContextName(name)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("ValidateContextName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestContextListAndRemove(t *testing.T) {
	s := NewContextStore(t.TempDir())
	if l, err := s.List(); err != nil || len(l) != 0 {
		t.Fatalf("empty store: %v %v", l, err)
	}
	for _, n := range []string{"hx-b", "hx-a", "hx-c"} {
		if err := s.Create(Context{Name: n, Docker: &DockerEndpoint{Host: "unix:///" + n}}); err != nil {
			t.Fatal(err)
		}
	}
	// A directory without meta.json is skipped, as the reference does.
	os.MkdirAll(filepath.Join(filepath.Dir(s.MetaDir("x")), "empty"), 0o755)
	if err := s.SaveTLS("hx-b", "docker", &TLSData{CA: []byte("ca")}); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove("hx-b"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.TLSDir("hx-b")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("TLS dir left behind: %v", err)
	}
	l, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range l {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "hx-a,hx-c" {
		t.Errorf("List = %v", names)
	}
}

func TestContextTLS(t *testing.T) {
	s := NewContextStore(t.TempDir())
	if d, err := s.ReadTLS("hx-t", "docker"); d != nil || err != nil {
		t.Fatalf("no TLS: %v %v", d, err)
	}
	in := &TLSData{CA: []byte("ca"), Cert: []byte("cert"), Key: []byte("key")}
	if err := s.SaveTLS("hx-t", "docker", in); err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(s.TLSDir("hx-t"))
	for p, mode := range map[string]os.FileMode{
		root: 0o700, s.TLSDir("hx-t"): 0o700, filepath.Join(s.TLSDir("hx-t"), "docker"): 0o700,
		filepath.Join(s.TLSDir("hx-t"), "docker", "ca.pem"):   0o600,
		filepath.Join(s.TLSDir("hx-t"), "docker", "cert.pem"): 0o600,
		filepath.Join(s.TLSDir("hx-t"), "docker", "key.pem"):  0o600,
	} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), mode)
		}
	}
	got, err := s.ReadTLS("hx-t", "docker")
	if err != nil || !reflect.DeepEqual(got, in) {
		t.Errorf("ReadTLS = %+v, %v", got, err)
	}
	m, err := s.TLSMaterial("hx-t")
	if err != nil || !reflect.DeepEqual(m, map[string][]string{"docker": {"ca.pem", "cert.pem", "key.pem"}}) {
		t.Errorf("TLSMaterial = %v, %v", m, err)
	}
	// Replacing with CA only drops the old cert and key.
	if err := s.SaveTLS("hx-t", "docker", &TLSData{CA: []byte("ca2")}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ReadTLS("hx-t", "docker"); !reflect.DeepEqual(got, &TLSData{CA: []byte("ca2")}) {
		t.Errorf("after replace: %+v", got)
	}
}

func tarEntries(t *testing.T, b []byte) []string {
	t.Helper()
	var out []string
	tr := tar.NewReader(bytes.NewReader(b))
	for {
		h, err := tr.Next()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatalf("reading tar: %v", err)
			}
			return out
		}
		body := new(bytes.Buffer)
		body.ReadFrom(tr)
		out = append(out, strings.Join([]string{h.Name, string(h.Typeflag), os.FileMode(h.Mode).String(),
			h.ModTime.UTC().Format("2006"), h.Uname, body.String()}, "|"))
	}
}

func TestContextExportImport(t *testing.T) {
	s := NewContextStore(t.TempDir())
	c := Context{Name: "hx-t", Description: "d", Docker: &DockerEndpoint{Host: "tcp://1.2.3.4:2376", SkipTLSVerify: true}}
	if err := s.Create(c); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTLS("hx-t", "docker", &TLSData{CA: []byte("ca"), Key: []byte("key")}); err != nil {
		t.Fatal(err)
	}
	tls, err := s.ReadTLS("hx-t", "docker")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteContextArchive(&buf, c, map[string]*TLSData{"docker": tls}); err != nil {
		t.Fatal(err)
	}
	meta, _ := json.Marshal(c)
	want := []string{
		"meta.json|0|-rw-r--r--|1970||" + string(meta),
		"tls|5|-rwx------|1970||",
		"tls/docker|5|-rwx------|1970||",
		"tls/docker/ca.pem|0|-rw-------|1970||ca",
		"tls/docker/key.pem|0|-rw-------|1970||key",
	}
	if got := tarEntries(t, buf.Bytes()); !reflect.DeepEqual(got, want) {
		t.Errorf("export entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	if err := s.Import("hx-t", bytes.NewReader(buf.Bytes())); err == nil || err.Error() != `context "hx-t" already exists` {
		t.Errorf("import over existing: %v", err)
	}
	if err := s.Import("default", bytes.NewReader(buf.Bytes())); err == nil || err.Error() != `"default" is a reserved context name` {
		t.Errorf("import default: %v", err)
	}
	if err := s.Import("hx-u", strings.NewReader("garbage")); err == nil || err.Error() != "unexpected EOF" {
		t.Errorf("import garbage: %v", err)
	}
	// Like the reference's, the archive stops right after the last file's data.
	if err := s.Import("hx-u", bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get("hx-u")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name = "hx-u"; !reflect.DeepEqual(got, c) {
		t.Errorf("imported = %+v", got)
	}
	if d, _ := s.ReadTLS("hx-u", "docker"); !reflect.DeepEqual(d, &TLSData{CA: []byte("ca"), Key: []byte("key")}) {
		t.Errorf("imported TLS = %+v", d)
	}
}

func TestContextImportReferenceAndZip(t *testing.T) {
	s := NewContextStore(t.TempDir())
	f, err := os.Open("testdata/reference-export.tar") // made by the reference CLI
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := s.Import("hx-imp", f); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(s.MetaDir("hx-imp"), "meta.json"))
	if want := `{"Name":"hx-imp","Metadata":{},"Endpoints":{"docker":{"Host":"unix:///y","SkipTLSVerify":false}}}`; string(b) != want {
		t.Errorf("meta.json = %s", b)
	}

	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for name, body := range map[string]string{
		"meta.json":            `{"Name":"x","Metadata":{},"Endpoints":{"docker":{"Host":"unix:///z"}}}`,
		"tls/docker/cert.pem":  "cert",
		"tls/../../escape.pem": "no",
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	if err := s.Import("hx-zip", &zbuf); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Get("hx-zip"); err != nil || c.Docker.Host != "unix:///z" {
		t.Errorf("zip import: %+v %v", c, err)
	}
	if d, _ := s.ReadTLS("hx-zip", "docker"); d == nil || string(d.Cert) != "cert" {
		t.Errorf("zip TLS = %+v", d)
	}
}
