package builder

import (
	"archive/tar"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree writes files (path -> content; "dir/" makes a directory, "->x" a
// symlink to x) under a new directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasSuffix(name, "/"):
			err = os.MkdirAll(path, 0o755)
		case strings.HasPrefix(content, "->"):
			err = os.Symlink(content[2:], path)
		default:
			err = os.WriteFile(path, []byte(content), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// sent reads a context the way the daemon would and returns the entries
// ("name type") and the byte count the CLI reports as sent.
func sent(t *testing.T, bc *buildContext) ([]string, int) {
	t.Helper()
	raw, err := io.ReadAll(bc.body)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	tr := tar.NewReader(bytes.NewReader(raw))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s is owned by %d:%d (%s:%s)", h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		entry := h.Name + " " + string(h.Typeflag)
		if h.Linkname != "" {
			entry += " " + h.Linkname
		}
		names = append(names, entry)
	}
	return names, len(raw)
}

var longName = strings.Repeat("n", 120)

// Sizes are the reference's for the same trees ("Sending build context").
func TestContextTar(t *testing.T) {
	ctx3 := map[string]string{
		"Dockerfile":      "FROM busybox\nCOPY . /ctx/\n",
		".dockerignore":   "secret.env\nlogs/*.log\n!logs/keep.log\n",
		"secret.env":      "s\n",
		"logs/a.log":      "a\n",
		"logs/keep.log":   "k\n",
		"sub/deep/f.txt":  "x\n",
		"sub/" + longName: "long\n",
		"link":            "->sub/deep/f.txt",
		"emptydir/":       "",
	}
	tests := []struct {
		name       string
		files      map[string]string
		dockerfile string
		stdin      string // -f -
		want       []string
		wantSize   int
	}{
		{"dockerignore with an exception", ctx3, "", "", []string{
			".dockerignore 0", "Dockerfile 0", "emptydir/ 5", "link 2 sub/deep/f.txt", "logs/ 5", "logs/keep.log 0",
			"sub/ 5", "sub/deep/ 5", "sub/deep/f.txt 0", "sub/" + longName + " 0"}, 9728},
		{"Dockerfile from stdin, .dockerignore extended", ctx3, "-", "FROM busybox\n", []string{
			".dockerignore 0", "Dockerfile 0", "emptydir/ 5", "link 2 sub/deep/f.txt", "logs/ 5", "logs/keep.log 0",
			"sub/ 5", "sub/deep/ 5", "sub/deep/f.txt 0", "sub/" + longName + " 0", ".dockerfile.X 0"}, 9229},
		{"Dockerfile from stdin, empty context", map[string]string{"d/": ""}, "-", "FROM busybox\nRUN exit 3\n", []string{
			"d/ 5", ".dockerfile.X 0", ".dockerignore 0"}, 2095},
		{"excluded directory with a re-included file", map[string]string{
			"Dockerfile": "FROM busybox\n", "a": "a\n", "sub/b": "b\n", ".dockerignore": "*\n!sub/b\n"}, "", "",
			[]string{".dockerignore 0", "Dockerfile 0", "sub/b 0"}, 4096},
		{"Dockerfile and .dockerignore are sent even when ignored", map[string]string{
			"Dockerfile": "FROM busybox\n", "a": "a\n", "sub/b": "b\n", ".dockerignore": "Dockerfile\n.dockerignore\nsub\n"}, "", "",
			[]string{".dockerignore 0", "Dockerfile 0", "a 0"}, 4096},
		{"a wildcard exception does not reach into an excluded directory", map[string]string{
			"Dockerfile": "FROM busybox\n", "z.txt": "\n", "sub/x.txt": "\n", ".dockerignore": "*\n!**/*.txt\n"}, "", "",
			[]string{".dockerignore 0", "Dockerfile 0", "z.txt 0"}, 4096},
		{"lower-case dockerfile", map[string]string{"dockerfile": "FROM busybox\n"}, "", "",
			[]string{"dockerfile 0"}, 2048},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := tree(t, tt.files)
			var stdin []byte
			if tt.dockerfile == "-" {
				stdin = []byte(tt.stdin)
			}
			bc, err := dirContext(root, strings.TrimPrefix(tt.dockerfile, "-"), stdin, nil)
			if err != nil {
				t.Fatal(err)
			}
			names, size := sent(t, bc)
			for i, n := range names {
				if strings.HasPrefix(n, ".dockerfile.") {
					names[i] = ".dockerfile.X 0"
				}
			}
			if strings.Join(names, "\n") != strings.Join(tt.want, "\n") || size != tt.wantSize {
				t.Errorf("sent %d bytes:\n%s\nwant %d bytes:\n%s", size, strings.Join(names, "\n"), tt.wantSize, strings.Join(tt.want, "\n"))
			}
			if tt.dockerfile == "-" && !strings.HasPrefix(bc.dockerfile, ".dockerfile.") {
				t.Errorf("dockerfile = %q", bc.dockerfile)
			}
		})
	}
}

func TestContextTarHardLinks(t *testing.T) {
	root := tree(t, map[string]string{"Dockerfile": "FROM busybox\n", "a": "data\n"})
	if err := os.Link(filepath.Join(root, "a"), filepath.Join(root, "b")); err != nil {
		t.Fatal(err)
	}
	bc, err := dirContext(root, "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if names, _ := sent(t, bc); strings.Join(names, ",") != "Dockerfile 0,a 0,b 1 a" {
		t.Errorf("entries %q", names)
	}
}

func TestDirContextErrors(t *testing.T) {
	root := tree(t, map[string]string{"file": "x", "Dockerfile": "FROM busybox\n"})
	wd, _ := os.Getwd()
	tests := []struct {
		dir, dockerfile, want string
	}{
		{filepath.Join(root, "nope"), "", `unable to prepare context: path "` + filepath.Join(root, "nope") + `" not found`},
		{filepath.Join(root, "file"), "", "unable to prepare context: context must be a directory: " + filepath.Join(root, "file")},
		{root, "missing", "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat " + filepath.Join(wd, "missing") + ": no such file or directory"},
		{t.TempDir(), "", "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "},
	}
	for _, tt := range tests {
		_, err := dirContext(tt.dir, tt.dockerfile, nil, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("dirContext(%s, %q, nil) = %v, want %q", tt.dir, tt.dockerfile, err, tt.want)
		}
	}
	// A Dockerfile outside the context is sent under a name of its own.
	outside := filepath.Join(t.TempDir(), "Other.Dockerfile")
	os.WriteFile(outside, []byte("FROM busybox\n"), 0o644)
	bc, err := dirContext(root, outside, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if names, _ := sent(t, bc); !strings.HasPrefix(bc.dockerfile, ".dockerfile.") || len(names) != 4 {
		t.Errorf("outside Dockerfile: %q sent as %q", names, bc.dockerfile)
	}
}
