package plugin

import (
	"archive/tar"
	"bytes"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// pluginDir makes a plugin data directory: config.json (unless config is
// empty) and rootfs/ with one file.
func pluginDir(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "rootfs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "rootfs", "bin"), []byte("x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if config != "" {
		if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCreateChecksFirst: what the reference refuses before sending
// anything, with its messages, in its order.
func TestCreateChecksFirst(t *testing.T) {
	good := pluginDir(t, `{"description":"d"}`)
	tests := []struct {
		name string
		args []string
		err  string
	}{
		{"a bad name before a missing directory", []string{"B@D", "/nonexistent"}, "invalid reference format: repository name (library/B@D) must be lowercase"},
		{"an empty name", []string{"", good}, "invalid reference format"},
		{"a missing directory", []string{"p", "/nonexistent"}, "lstat /nonexistent: no such file or directory"},
		{"a relative one, made absolute", []string{"p", "nosuch"}, "lstat " + filepath.Join(cwd(t), "nosuch") + ": no such file or directory"},
		{"a file", []string{"p", filepath.Join(good, "config.json")}, "context must be a directory"},
		{"no config.json", []string{"p", pluginDir(t, "")}, "open " + "CFG" + ": no such file or directory"},
		{"a config.json that is no JSON", []string{"p", pluginDir(t, "{bad")}, "invalid character 'b' looking for beginning of object key string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Replace(tt.err, "CFG", filepath.Join(tt.args[1], "config.json"), 1)
			e := &clitest.Engine{}
			r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, tt.args...)
			if r.ErrText() != want || len(e.Requests()) != 0 {
				t.Errorf("got %q, %d requests; want %q and none", r.ErrText(), len(e.Requests()), want)
			}
		})
	}
}

// TestCreateSends: the directory goes as a tar (a socket in it logged and
// left out, as the reference's archiver does), the name as typed, printed
// back; an argument past the directory is ignored.
func TestCreateSends(t *testing.T) {
	dir := pluginDir(t, `{"description":"d"}`)
	l, err := net.Listen("unix", filepath.Join(dir, "rootfs", "s.sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /plugins/create": {}}}
	r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, "my-plug", dir, "extra")
	if r.RunErr != nil || r.Out != "my-plug\n" {
		t.Fatalf("got %v %q", r.RunErr, r.Out)
	}
	logged := regexp.MustCompile(`^time="[^"]+" level=error msg="Can't add file .*/rootfs/s.sock to tar: archive/tar: sockets not supported"\n$`)
	if !logged.MatchString(r.Err) {
		t.Errorf("stderr %q", r.Err)
	}
	req := e.Requests()[0]
	if req.Query != "name=my-plug" || req.Header.Get("Content-Type") != "application/x-tar" {
		t.Errorf("request %v", req)
	}
	var names []string
	tr := tar.NewReader(bytes.NewReader([]byte(req.Body)))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
	}
	if got := strings.Join(names, " "); got != "config.json rootfs rootfs/bin" {
		t.Errorf("tar holds %q", got)
	}
}

// TestListHeaders: the plugin reference's column is IMAGE.
func TestListHeaders(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /plugins": {Body: `[]`}}}
	r := clitest.Run(t, e, clitest.Options{}, newListCommand, "--format", "table {{.ID}}\t{{.Name}}\t{{.PluginReference}}\t{{.Description}}\t{{.Enabled}}")
	if want := "ID        NAME      IMAGE     DESCRIPTION   ENABLED\n"; r.Out != want || r.RunErr != nil {
		t.Errorf("got %q %v, want %q", r.Out, r.RunErr, want)
	}
}

func cwd(t *testing.T) string {
	t.Helper()
	d, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
