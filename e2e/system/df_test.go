//go:build e2e

package system

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestDiskUsageVerbose(t *testing.T) {
	vol := e2etest.VolumeName(t, "fdfv") // removed after the container
	name := e2etest.ContainerName(t, "fdf")
	e2etest.RunOK(t, "create", "--name", name, "-v", vol+":/data", "busybox:latest", "true")
	r := e2etest.RunOK(t, "system", "df", "-v")
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
	if !strings.Contains(row, ` busybox:latest "true" 1 0B `) || !strings.Contains(e2etest.Squeeze(r.Stdout), "\n"+vol+"  1  0B\n") {
		t.Errorf("container row %q\n%s", row, r.Stdout)
	}
	r = e2etest.RunOK(t, "system", "df", "-v", "--format", "{{range .Volumes}}{{.Name}}={{.Links}} {{end}}")
	if !strings.Contains(r.Stdout, vol+"=1 ") || strings.HasSuffix(r.Stdout, "\n") {
		t.Errorf("template: %q", r.Stdout)
	}
}
