package context

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli"
)

// env is an isolated config dir plus a way to run `docker context ...`.
type env struct {
	t   *testing.T
	dir string
}

func newEnv(t *testing.T) *env {
	for _, k := range []string{"DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CERT_PATH", "DOCKER_TLS", "DOCKER_TLS_VERIFY"} {
		t.Setenv(k, "")
	}
	dir := t.TempDir()
	t.Setenv("DOCKER_CONFIG", dir)
	return &env{t: t, dir: dir}
}

type result struct {
	out, err string
	code     int
}

// run executes `docker [global] context args...`; global flags go in opts.
func (e *env) run(stdin string, opts func(*cli.GlobalOptions), args ...string) result {
	var out, errb bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader(stdin)), Out: cli.NewOut(&out), Err: cli.NewOut(&errb)})
	c.Opts.ConfigDir = e.dir
	if opts != nil {
		opts(&c.Opts)
	}
	cmd := Entries()[0].Build(c)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetArgs(args)
	err := cmd.Execute()
	c.Out.Flush()
	c.Err.Flush()
	r := result{out: out.String(), err: errb.String()}
	if err != nil {
		r.code = 1
		var se *cli.StatusError
		if errors.As(err, &se) {
			r.code = se.Code
		}
		r.err += err.Error() + "\n"
	}
	return r
}

func (e *env) ok(args ...string) result {
	e.t.Helper()
	r := e.run("", nil, args...)
	if r.code != 0 {
		e.t.Fatalf("context %s: exit %d: %s", strings.Join(args, " "), r.code, r.err)
	}
	return r
}

func (e *env) config() string {
	b, _ := os.ReadFile(filepath.Join(e.dir, "config.json"))
	return string(b)
}

func TestCreateListUseRemove(t *testing.T) {
	e := newEnv(t)
	r := e.ok("create", "c10", "--description", "ten", "--docker", "host=tcp://10.0.0.1:2376")
	if r.out != "c10\n" || r.err != "Successfully created context \"c10\"\n" {
		t.Errorf("create: %+v", r)
	}
	e.ok("create", "c2", "--docker", "host=unix:///run/x.sock,skip-tls-verify=true")
	e.ok("create", "c3", "--from", "c10")

	r = e.ok("ls")
	want := "NAME        DESCRIPTION                               DOCKER ENDPOINT               ERROR\n" +
		"c2                                                    unix:///run/x.sock            \n" +
		"c3          ten                                       tcp://10.0.0.1:2376           \n" +
		"c10         ten                                       tcp://10.0.0.1:2376           \n" +
		"default *   Current DOCKER_HOST based configuration   unix:///var/run/docker.sock   \n"
	if r.out != want {
		t.Errorf("ls:\n%s\nwant:\n%s", r.out, want)
	}

	r = e.ok("use", "c2")
	if r.out != "c2\n" || r.err != "Current context is now \"c2\"\n" || !strings.Contains(e.config(), `"currentContext": "c2"`) {
		t.Errorf("use: %+v, config %s", r, e.config())
	}
	r = e.ok("ls", "--format", "{{.Name}} {{.Current}}")
	if r.out != "c2 true\nc3 false\nc10 false\ndefault false\n" {
		t.Errorf("ls after use: %q", r.out)
	}
	r = e.run("", nil, "rm", "c2", "c3", "nope", "default")
	if r.code != 1 || r.out != "c3\n" || r.err != "context \"c2\" is in use, set -f flag to force remove\ncontext \"nope\" does not exist\ncontext \"default\" cannot be removed\n" {
		t.Errorf("rm: %+v", r)
	}
	r = e.ok("rm", "-f", "c2", "gone")
	if r.out != "c2\ngone\n" || strings.Contains(e.config(), "currentContext") {
		t.Errorf("rm -f: %+v, config %s", r, e.config())
	}
	if r = e.ok("show"); r.out != "default\n" {
		t.Errorf("show: %q", r.out)
	}
}

func TestCreateErrors(t *testing.T) {
	e := newEnv(t)
	e.ok("create", "dup", "--docker", "host=tcp://h:1")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"create", "dup"}, `context "dup" already exists`},
		{[]string{"create", "default"}, `"default" is a reserved context name`},
		{[]string{"create", "x!"}, `context name "x!" is invalid, names are validated against regexp "^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$"`},
		{[]string{"create", "aa", "--from", "dup", "--docker", "host=tcp://h:1"}, "cannot use --docker flag when --from is set"},
		{[]string{"create", "aa", "--docker", "foo=bar"}, "unable to create docker endpoint config: unrecognized config key: foo"},
		{[]string{"create", "aa", "--docker", "host=h:99"}, "unable to create docker endpoint config: unable to apply docker endpoint options: unable to parse docker host `h:99`"},
		{[]string{"create", "aa", "--docker", "host=ssh://u:p@h"}, "unable to create docker endpoint config: invalid docker endpoint options: ssh host connection is not valid: invalid SSH URL: plain-text password is not supported"},
		{[]string{"create", "aa", "--docker", "host=tcp://h,skip-tls-verify=yes"}, `unable to create docker endpoint config: skip-tls-verify: parsing "yes": invalid syntax`},
		{[]string{"create", "aa", "--docker", "host=tcp://h,ca=/nonexistent/ca.pem"}, "unable to create docker endpoint config: open /nonexistent/ca.pem: no such file or directory"},
		{[]string{"update", "default", "--description", "x"}, `"default" is a reserved context name`},
		{[]string{"use", "nope"}, `context "nope": context not found: open `},
	}
	for _, tt := range tests {
		r := e.run("", nil, tt.args...)
		if r.code != 1 || !strings.HasPrefix(r.err, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want prefix %q", tt.args, r.code, r.err, tt.want)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.pem")
	os.WriteFile(bad, []byte("garbage"), 0o600)
	r := e.run("", nil, "create", "aa", "--docker", "host=tcp://h,ca="+bad)
	if r.err != "unable to create docker endpoint config: invalid docker endpoint options: failed to retrieve context tls info: ca.pem seems invalid\n" {
		t.Errorf("bad ca: %q", r.err)
	}
}

func TestInspect(t *testing.T) {
	e := newEnv(t)
	e.ok("create", "ii", "--description", "d", "--docker", "host=tcp://10.0.0.9:2376")
	r := e.ok("inspect", "ii")
	for _, want := range []string{
		"[\n    {\n        \"Name\": \"ii\",\n        \"Metadata\": {\n            \"Description\": \"d\"\n        },",
		"\"Host\": \"tcp://10.0.0.9:2376\",\n                \"SkipTLSVerify\": false",
		"\"TLSMaterial\": {},",
		"\"MetadataPath\": \"" + e.dir + "/contexts/meta/",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("inspect output lacks %q:\n%s", want, r.out)
		}
	}
	r = e.ok("inspect", "--format", "{{.Name}}|{{.Metadata.Metadata.Description}}|{{json .Metadata}}|{{.Storage.TLSPath}}", "default")
	if r.out != `default||{"Name":"default","Metadata":{},"Endpoints":{"docker":{"Host":"unix:///var/run/docker.sock","SkipTLSVerify":false}}}|<IN MEMORY>`+"\n" {
		t.Errorf("inspect template: %q", r.out)
	}
	r = e.run("", nil, "inspect", "nope")
	if r.code != 1 || r.out != "[]\n" || !strings.HasPrefix(r.err, `context "nope": context not found`) {
		t.Errorf("inspect missing: %+v", r)
	}
	r = e.run("", nil, "inspect", "--format", "{{.Nope}}", "ii")
	if r.code != 1 || r.out != "\n" || !strings.HasPrefix(r.err, "template parsing error: template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type context.contextWithTLSListing") {
		t.Errorf("inspect bad field: %+v", r)
	}
	if r = e.run("", nil, "inspect", "--format", "{{.Name", "ii"); r.code != 64 {
		t.Errorf("inspect bad template: %+v", r)
	}
}

func TestListDockerHostWarningAndMissingCurrent(t *testing.T) {
	e := newEnv(t)
	os.WriteFile(filepath.Join(e.dir, "config.json"), []byte(`{"currentContext":"missing-one"}`), 0o600)
	r := e.ok("ls", "--format", "json")
	if !strings.Contains(r.out, `"Current":true,"Description":"","DockerEndpoint":"","Error":"context \"missing-one\": context not found: op…","Name":"missing-one"}`) {
		t.Errorf("missing current row: %s", r.out)
	}
	t.Setenv("DOCKER_HOST", "tcp://1.2.3.4:5")
	r = e.ok("ls", "-q") // DOCKER_HOST makes "default" current
	if r.out != "default\n" || !strings.HasPrefix(r.err, "Warning: DOCKER_HOST environment variable overrides the active context. To use a context,") {
		t.Errorf("ls with DOCKER_HOST: %+v", r)
	}
	r = e.run("", func(o *cli.GlobalOptions) { o.Context, o.Hosts = "x", []string{"tcp://h"} }, "show")
	if r.err != "conflicting options: cannot specify both --host and --context\n" {
		t.Errorf("conflict: %+v", r)
	}
}

func TestExportImport(t *testing.T) {
	e := newEnv(t)
	e.ok("create", "ex", "--docker", "host=tcp://h:1")
	r := e.ok("export", "ex", "-")
	if len(r.out) != 1536 { // meta.json block + data block + tls dir header, unterminated like the reference
		t.Errorf("export wrote %d bytes", len(r.out))
	}
	r = e.run(r.out, nil, "import", "im", "-")
	if r.code != 0 || r.out != "im\n" || r.err != "Successfully imported context \"im\"\n" {
		t.Fatalf("import: %+v", r)
	}
	if r = e.ok("inspect", "--format", "{{.Endpoints.docker.Host}}", "im"); r.out != "tcp://h:1\n" {
		t.Errorf("imported host %q", r.out)
	}
	wd, _ := os.Getwd()
	os.Chdir(t.TempDir())
	defer os.Chdir(wd)
	if r = e.ok("export", "ex"); r.err != "Written file \"ex.dockercontext\"\n" {
		t.Errorf("export to file: %+v", r)
	}
	if r = e.run("", nil, "export", "ex"); r.code != 1 || r.err != "open ex.dockercontext: file exists\n" {
		t.Errorf("export over existing file: %+v", r)
	}
	// The file is created before the context is looked up: a missing one
	// leaves it empty, and an existing file is reported first.
	if r = e.run("", nil, "export", "nosuch", "out"); r.code != 1 || !strings.HasPrefix(r.err, `context "nosuch": context not found`) {
		t.Errorf("export of a missing context: %+v", r)
	}
	if fi, err := os.Stat("out"); err != nil || fi.Size() != 0 || fi.Mode().Perm() != 0o600 {
		t.Errorf("out: %v %v", fi, err)
	}
	if r = e.run("", nil, "export", "nosuch", "out"); r.err != "open out: file exists\n" {
		t.Errorf("export of a missing context over a file: %+v", r)
	}
}

// TestListOrder: names in natural order, as the reference lists them.
func TestListOrder(t *testing.T) {
	e := newEnv(t)
	for _, name := range []string{"t10", "t8", "a-b", "a1", "t08x", "u11", "u8"} {
		if r := e.run("", nil, "create", name, "--docker", "host=unix:///x"); r.code != 0 {
			t.Fatalf("create %s: %+v", name, r)
		}
	}
	if r := e.run("", nil, "ls", "--format", "{{.Name}}"); r.out != "a1\na-b\ndefault\nt8\nt08x\nt10\nu8\nu11\n" {
		t.Errorf("order %q", r.out)
	}
}

// TestTemplateErrorsNameReferenceTypes: template errors print Go type
// names, so the types live in packages named as the reference's.
func TestTemplateErrorsNameReferenceTypes(t *testing.T) {
	e := newEnv(t)
	e.ok("create", "tt", "--description", "d", "--docker", "host=tcp://h:1")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ls", "--format", "{{.Nope}}"}, "can't evaluate field Nope in type *formatter.clientContextContext"},
		{[]string{"inspect", "-f", "{{.Metadata.Description}}", "tt"}, "can't evaluate field Description in type store.Metadata"},
		{[]string{"inspect", "-f", "{{.Metadata.Metadata.Nope}}", "tt"}, "can't evaluate field Nope in type interface {}"},
		{[]string{"inspect", "-f", "{{.Storage.Nope}}", "tt"}, "can't evaluate field Nope in type store.StorageInfo"},
	}
	for _, tt := range tests {
		r := e.run("", nil, tt.args...)
		if r.code != 1 || !strings.HasSuffix(r.err, tt.want+"\n") {
			t.Errorf("%v: exit %d, stderr %q; want suffix %q", tt.args, r.code, r.err, tt.want)
		}
	}
	if r := e.ok("inspect", "-f", "{{.Metadata.Metadata.Description}}", "tt"); r.out != "d\n" {
		t.Errorf("description through any: %q", r.out)
	}
}

// TestUseDefaultUnderDockerHost: DOCKER_HOST is the default context's own
// host, so switching to default warns of nothing.
func TestUseDefaultUnderDockerHost(t *testing.T) {
	e := newEnv(t)
	e.ok("create", "uu", "--docker", "host=tcp://h:1")
	t.Setenv("DOCKER_HOST", "tcp://1.2.3.4:5")
	if r := e.ok("use", "uu"); !strings.Contains(r.err, `To use "uu", either set the global --context flag`) {
		t.Errorf("use uu: %q", r.err)
	}
	if r := e.ok("use", "default"); r.err != "Current context is now \"default\"\n" {
		t.Errorf("use default: %q", r.err)
	}
}

// TestStoreErrorsAreBare: file system errors of the store read as the
// reference prints them, without a context prefix.
func TestStoreErrorsAreBare(t *testing.T) {
	e := newEnv(t)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	e.dir = file
	if r := e.run("", nil, "ls"); !strings.HasSuffix(r.err, "\nopen "+file+"/contexts/meta: not a directory\n") {
		t.Errorf("ls: %q", r.err)
	}
	if r := e.run("", nil, "create", "x1", "--docker", "host=tcp://h:1"); !strings.HasSuffix(r.err, "mkdir "+file+": not a directory\n") {
		t.Errorf("create: %q", r.err)
	}
}
