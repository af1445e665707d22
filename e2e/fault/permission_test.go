//go:build e2e

package fault

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// A user outside the socket's group gets the reference's permission
// message, not "Is the docker daemon running?".
func TestSocketPermissionDenied(t *testing.T) {
	e := engine(t)
	if _, err := exec.LookPath("setpriv"); err != nil {
		t.Fatal("setpriv (util-linux) is needed")
	}
	bin, err := e2etest.Binary()
	if err != nil {
		t.Fatal(err)
	}
	// A copy nobody may run, and a config directory nobody may read.
	dir, err := os.MkdirTemp("", "fault-perm-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	nobodyBin := filepath.Join(dir, "docker")
	if err := os.WriteFile(nobodyBin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", nobodyBin, "ps")
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + dir, "DOCKER_CONFIG=" + dir, "DOCKER_HOST=" + e.Host()}
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	e2etest.Record(t, stdout.String()+stderr.String())
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	want := "permission denied while trying to connect to the Docker daemon socket at " + e.Host() +
		`: Get "http://` + strings.ReplaceAll(e.sock, "/", "%2F") + `/v1.50/containers/json": dial unix ` + e.sock +
		": connect: permission denied\n"
	if code != 1 || stderr.String() != want || stdout.Len() != 0 {
		t.Fatalf("exit %d, stderr %q\nwant %q", code, stderr.String(), want)
	}
}
