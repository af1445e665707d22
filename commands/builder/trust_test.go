package builder

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const notaryRefused = "Error: error contacting notary server: dial tcp 127.0.0.1:1: connect: connection refused"

// TestResolveFrom: which FROM lines content trust resolves (here through
// a notary server that refuses connections), in the reference's way.
func TestResolveFrom(t *testing.T) {
	t.Setenv("DOCKER_CONTENT_TRUST_SERVER", "https://127.0.0.1:1")
	const digest = "@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	tests := []struct{ dockerfile, err string }{
		{"FROM scratch\nCOPY x /\n", ""},
		{"FROM busybox" + digest + " AS b\nFROM b" + digest + "\n", ""},
		{"# FROM busybox\nRUN echo FROM busybox\n", ""},
		{"from busybox\n", notaryRefused},
		{"  FROM\tbusybox AS b\n", notaryRefused},
		{"FROM scratch:latest\n", notaryRefused},
		{"FROM busybox:1" + digest + "\n", notaryRefused}, // a tag is resolved, digest or not
		{"FROM --platform=linux/amd64 busybox\n", "invalid reference format"},
		{"FROM B@D\n", "invalid reference format: repository name (library/B@D) must be lowercase"},
	}
	for _, tt := range tests {
		_, err := resolveFrom(context.Background(), t.TempDir(), []byte(tt.dockerfile))
		if got := fmt.Sprint(err); tt.err == "" && err != nil || tt.err != "" && got != tt.err {
			t.Errorf("%q: got %v, want %q", tt.dockerfile, err, tt.err)
		}
	}
}

// TestBuildContentTrust: with content trust on, the upload fails once the
// Dockerfile has been read from the context (nothing sent yet), the
// archiver says where it stopped, and the build fails as the reference's.
func TestBuildContentTrust(t *testing.T) {
	t.Setenv("DOCKER_CONTENT_TRUST", "1")
	t.Setenv("DOCKER_CONTENT_TRUST_SERVER", "https://127.0.0.1:1")
	root := tree(t, map[string]string{"Dockerfile": "FROM busybox\n", "Dockerfile.other": "x", "z": "y"})
	e := &clitest.Engine{Handlers: map[string]http.HandlerFunc{"POST /build": func(w http.ResponseWriter, r *http.Request) {}}}
	r := clitest.Run(t, e, clitest.Options{}, NewBuildCommand, root)
	if !strings.HasSuffix(r.ErrText(), "/build?dockerfile=Dockerfile&version=1\": "+notaryRefused) || !strings.HasPrefix(r.ErrText(), "error during connect: Post ") {
		t.Errorf("error %q", r.ErrText())
	}
	if r.Out != "Sending build context to Docker daemon \r\n\r\n" {
		t.Errorf("stdout %q", r.Out)
	}
	logged := "msg=\"Can't add file " + filepath.Join(root, "Dockerfile.other") + " to tar: io: read/write on closed pipe\"\n"
	if !strings.Contains(r.Err, logged) || !strings.HasSuffix(r.Err, "msg=\"Can't close tar writer: io: read/write on closed pipe\"\n") {
		t.Errorf("stderr %q", r.Err)
	}
	// --disable-content-trust sends the context as it is.
	e = &clitest.Engine{Replies: map[string]clitest.Reply{"POST /build": {Body: builtStream}}}
	if r = clitest.Run(t, e, clitest.Options{}, NewBuildCommand, "-q", "--disable-content-trust", root); r.RunErr != nil {
		t.Errorf("untrusted: %v", r.RunErr)
	}
}

// TestContextTarLogsWhatItCannotAdd: a socket is logged and left out, the
// rest is sent.
func TestContextTarLogsWhatItCannotAdd(t *testing.T) {
	root := tree(t, map[string]string{"Dockerfile": "FROM busybox\n", "z": "y"})
	l, err := net.Listen("unix", filepath.Join(root, "s.sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var logged []string
	bc, err := dirContext(root, "", nil, func(f string, a ...any) { logged = append(logged, fmt.Sprintf(f, a...)) })
	if err != nil {
		t.Fatal(err)
	}
	names := tarNames(t, bc.body)
	if want := "Can't add file " + filepath.Join(root, "s.sock") + " to tar: archive/tar: sockets not supported"; len(logged) != 1 || logged[0] != want {
		t.Errorf("logged %q", logged)
	}
	if strings.Join(names, " ") != "Dockerfile z" {
		t.Errorf("sent %v", names)
	}
}

// TestCheckContext: what cannot be read stops the build before anything
// is sent; an excluded file is not looked at, FIFOs and links not opened.
func TestCheckContext(t *testing.T) {
	root := tree(t, map[string]string{"Dockerfile": "FROM busybox\n", "secret": "x", "dangling": "->/nonexistent", "sub/f": "y"})
	if err := syscall.Mkfifo(filepath.Join(root, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func(open func(string) (*os.File, error)) { openFile = open }(openFile)
	openFile = func(p string) (*os.File, error) {
		if filepath.Base(p) == "secret" {
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
		}
		return os.Open(p)
	}
	if err := checkContext(root, nil); err == nil || err.Error() != "error checking context: no permission to read from '"+filepath.Join(root, "secret")+"'" {
		t.Errorf("unreadable file: %v", err)
	}
	pm, err := readDockerignore(writeIgnore(t, root, "secret\n"), "Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkContext(root, pm); err != nil {
		t.Errorf("excluded file: %v", err)
	}
}

func writeIgnore(t *testing.T, root, content string) string {
	t.Helper()
	if err := os.WriteFile(filepath.Join(root, ".dockerignore"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func tarNames(t *testing.T, r io.Reader) []string {
	t.Helper()
	var names []string
	err := rewriteTar(io.Discard, r, func(name string, b []byte) ([]byte, error) { names = append(names, name); return b, nil })
	if err != nil {
		t.Fatal(err)
	}
	return names
}
