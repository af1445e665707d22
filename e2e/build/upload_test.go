//go:build e2e

package build

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// Files big enough to be sent by sendfile(2) reach the build whole.
func TestLegacyBuildSendsLargeFiles(t *testing.T) {
	big := make([]byte, 3<<20+5)
	rand.Read(big)
	dir := context(t, map[string]string{
		"Dockerfile": "FROM " + e2etest.Image + "\nCOPY . /ctx/\nRUN cd /ctx && sha256sum big small\n",
		"big":        string(big), "small": "tiny\n",
	})
	r := e2etest.Run(t, "build", "--no-cache", "--force-rm", dir)
	cleanupSteps(t, r.Stdout)
	sums := fmt.Sprintf("%x  big\n%x  small\n", sha256.Sum256(big), sha256.Sum256([]byte("tiny\n")))
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "Sending build context to Docker daemon   3.15MB\r\r\n") || !strings.Contains(r.Stdout, "\n"+sums) {
		t.Errorf("build of a context with a large file:\n%s\nwant the sums\n%s", r, sums)
	}
}

var logTime = regexp.MustCompile(`(?m)^time="[^"]+" `)

// The daemon refuses the build before it has read the context: the upload
// stops, the archiver says where (as the reference's does), and the
// daemon's error is the command's.
func TestLegacyBuildEarlyAnswer(t *testing.T) {
	dir := context(t, map[string]string{"Dockerfile": "FROM " + e2etest.Image + "\n"})
	f, err := os.Create(filepath.Join(dir, "huge"))
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(256 << 20) // sparse: nothing written to disk
	f.Close()
	r := e2etest.Run(t, "build", "--isolation=xyz", dir)
	if e2etest.Podman() {
		// Podman ignores the isolation: the whole context goes and the build
		// succeeds, with the reference as with us.
		if r.Code != 0 || !strings.Contains(r.Stdout, "Sending build context to Docker daemon  268.4MB") ||
			!strings.Contains(r.Stdout, "Successfully built ") {
			t.Errorf("build with an isolation Podman ignores:\n%s", r)
		}
		return
	}
	want := legacyNotice +
		`level=error msg="Can't add file ` + filepath.Join(dir, "huge") + ` to tar: io: read/write on closed pipe"` + "\n" +
		`level=error msg="Can't close tar writer: io: read/write on closed pipe"` + "\n" +
		`Error response from daemon: Unsupported isolation: "xyz"` + "\n"
	if r.Code != 1 || r.Stdout != "" || logTime.ReplaceAllString(r.Stderr, "") != want {
		t.Errorf("build with a bad isolation:\n%s", r)
	}
}
