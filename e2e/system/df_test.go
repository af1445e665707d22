//go:build e2e

package system

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// runDF runs `docker system df args...`, which must succeed. Podman's
// answer fails while another test removes a container ("... does not exist
// in database"): a few tries get past that race of the engine's.
func runDF(t *testing.T, args ...string) e2etest.Result {
	t.Helper()
	for try := 0; ; try++ {
		r := e2etest.Run(t, append([]string{"system", "df"}, args...)...)
		if r.Code == 0 {
			return r
		}
		if !e2etest.Podman() || try == 4 || !strings.Contains(r.Stderr, "does not exist in database") {
			t.Fatalf("system df %q: %s", args, r)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func TestDiskUsageVerbose(t *testing.T) {
	vol := e2etest.VolumeName(t, "fdfv") // removed after the container
	name := e2etest.ContainerName(t, "fdf")
	e2etest.RunOK(t, "create", "--name", name, "-v", vol+":/data", "busybox:latest", "true")
	r := runDF(t, "-v")
	for _, want := range []string{
		"Images space usage:\n\nREPOSITORY ",
		"\nContainers space usage:\n\nCONTAINER ID ",
		"\nLocal Volumes space usage:\n\nVOLUME NAME ",
		"\nBuild cache usage: ",
		"\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n",
	} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("no %q in\n%s", want, r.Stdout)
		}
	}
	var row string
	for _, l := range strings.Split(r.Stdout, "\n") {
		if strings.HasSuffix(l, " "+name) {
			row = strings.Join(strings.Fields(l), " ")
		}
	}
	// Image and volume count as the engine reports the container: Podman
	// names its image by ID and counts no volumes there.
	var du struct {
		Containers []struct {
			Names  []string
			Image  string
			Mounts []struct{ Type string }
		}
	}
	if _, body := e2etest.API(t, http.MethodGet, "/system/df", nil); json.Unmarshal(body, &du) != nil {
		t.Fatalf("engine df: %s", body)
	}
	image, volumes := "", 0
	for _, c := range du.Containers {
		if slices.Contains(c.Names, "/"+name) || slices.Contains(c.Names, name) { // Podman: no "/"
			image = c.Image
			if regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(image) {
				image = image[:12]
			}
			for _, m := range c.Mounts {
				if m.Type == "volume" {
					volumes++
				}
			}
		}
	}
	if !e2etest.Podman() && (image != "busybox:latest" || volumes != 1) {
		t.Errorf("engine's df: image %q, %d volumes", image, volumes)
	}
	if !strings.Contains(row, fmt.Sprintf(` %s "true" %d 0B `, image, volumes)) || !strings.Contains(e2etest.Squeeze(r.Stdout), "\n"+vol+"  1  0B\n") {
		t.Errorf("container row %q\n%s", row, r.Stdout)
	}
	r = runDF(t, "-v", "--format", "{{range .Volumes}}{{.Name}}={{.Links}} {{end}}")
	if !strings.Contains(r.Stdout, vol+"=1 ") || strings.HasSuffix(r.Stdout, "\n") {
		t.Errorf("template: %q", r.Stdout)
	}
}
