package builder

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func tarOf(t *testing.T, name, content string) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(content))})
	tw.Write([]byte(content))
	tw.Close()
	return b.Bytes()
}

func gzipOf(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func TestSniff(t *testing.T) {
	tarball := tarOf(t, "Dockerfile", "FROM busybox\n")
	for _, tc := range []struct {
		name string
		in   []byte
		want contentKind
	}{
		{"tar", tarball, tarArchive},
		{"gzip", gzipOf(tarball), compressedArchive},
		{"xz", []byte{0xfd, '7', 'z', 'X', 'Z', 0, 1}, compressedArchive},
		{"Dockerfile", []byte("FROM busybox\n"), notArchive},
		{"long text", bytes.Repeat([]byte("RUN true\n"), 100), notArchive},
		{"empty", nil, notArchive},
	} {
		kind, r, err := sniff(bytes.NewReader(tc.in))
		if err != nil || kind != tc.want {
			t.Errorf("%s: kind %v, %v; want %v", tc.name, kind, err, tc.want)
		}
		if all, _ := io.ReadAll(r); !bytes.Equal(all, tc.in) {
			t.Errorf("%s: the stream read back differs", tc.name)
		}
	}
}

func TestStdinContext(t *testing.T) {
	tarball := tarOf(t, "Dockerfile", "FROM busybox\n")
	bc, err := stdinContext(bytes.NewReader(tarball), "Dockerfile")
	if err != nil || bc.dockerfile != "Dockerfile" {
		t.Fatalf("tar: %+v, %v", bc, err)
	}
	if b, _ := io.ReadAll(bc.body); !bytes.Equal(b, tarball) {
		t.Error("a tar on stdin is not sent as it is")
	}
	bc, err = stdinContext(strings.NewReader("FROM busybox\n"), "")
	if err != nil || bc.dockerfile != "" {
		t.Fatalf("Dockerfile: %+v, %v", bc, err)
	}
	if names, size := sent(t, bc); strings.Join(names, ",") != "Dockerfile 0" || size != 2048 {
		t.Errorf("a Dockerfile on stdin is sent as %q (%d bytes)", names, size)
	}
	_, err = stdinContext(strings.NewReader("FROM busybox\n"), "Foo")
	if err == nil || err.Error() != "unable to prepare context: ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles" {
		t.Errorf("-f with a Dockerfile on stdin: %v", err)
	}
}

func TestURLContext(t *testing.T) {
	tarball := tarOf(t, "Dockerfile", "FROM busybox\n")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ctx.tar":
			w.Write(tarball)
		case "/Dockerfile":
			w.Write([]byte("FROM busybox\n"))
		default:
			http.Error(w, "nothing here", http.StatusNotFound)
		}
	}))
	defer srv.Close()
	var out bytes.Buffer
	shown := &uploadProgress{out: &out}

	bc, err := urlContext(srv.URL+"/ctx.tar", "", shown)
	if err != nil || !bc.downloaded {
		t.Fatalf("tar: %+v, %v", bc, err)
	}
	if b, _ := io.ReadAll(bc.body); !bytes.Equal(b, tarball) {
		t.Error("a downloaded tar is not sent as it is")
	}
	bc.body.Close()
	if want := "Downloading build context from remote url: " + srv.URL + "/ctx.tar [==================================================>]  2.048kB/2.048kB\r"; !strings.HasSuffix(out.String(), want) {
		t.Errorf("download progress %q", out.String())
	}

	out.Reset()
	bc, err = urlContext(srv.URL+"/Dockerfile", "", shown)
	if err != nil || bc.downloaded || bc.dockerfile != "Dockerfile" {
		t.Fatalf("Dockerfile: %+v, %v", bc, err)
	}
	if !strings.HasSuffix(out.String(), "13B/13B\r\r\n") {
		t.Errorf("a downloaded Dockerfile's progress ends with %q", out.String())
	}

	_, err = urlContext(srv.URL+"/nope", "", shown)
	want := "unable to prepare context: unable to download remote context " + srv.URL + "/nope: failed to GET " + srv.URL + "/nope with status 404 Not Found: nothing here"
	if err == nil || err.Error() != want {
		t.Errorf("404: %v", err)
	}
}

func TestContextKinds(t *testing.T) {
	for _, tc := range []struct {
		src        string
		url, isGit bool
	}{
		{"http://host/ctx.tar", true, false},
		{"https://host/repo.git", true, true},
		{"https://host/repo.git#main:sub", true, true},
		{"git://host/repo", false, true},
		{"git@github.com:o/r.git", false, true},
		{"github.com/o/r", false, true},
		{"./dir", false, false},
		{"-", false, false},
	} {
		if isURL(tc.src) != tc.url || isGitURL(tc.src) != tc.isGit {
			t.Errorf("%s: url %v git %v", tc.src, isURL(tc.src), isGitURL(tc.src))
		}
	}
}

// A git context is fetched with the git client, ref and subdirectory from
// the fragment.
func TestCloneGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed to build from git contexts")
	}
	repo := tree(t, map[string]string{"sub/Dockerfile": "FROM busybox\n", "README": "x\n"})
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@e", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@e")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "one")
	dir, err := cloneGit("file://" + repo + "#main:sub")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if b, err := os.ReadFile(filepath.Join(dir, "sub", "Dockerfile")); err != nil || string(b) != "FROM busybox\n" {
		t.Errorf("clone: %q, %v", b, err)
	}
	_, err = cloneGit("file://" + repo + "#nosuchref")
	if err == nil || !strings.HasPrefix(err.Error(), "error fetching: ") || !strings.HasSuffix(err.Error(), ": exit status 128") {
		t.Errorf("missing ref: %v", err)
	}
}
