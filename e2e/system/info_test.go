//go:build e2e

package system

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestInfo(t *testing.T) {
	r := e2etest.RunOK(t, "info")
	// Podman's info has a license, shown last.
	var info struct{ ProductLicense string }
	if _, body := e2etest.API(t, http.MethodGet, "/info", nil); json.Unmarshal(body, &info) != nil {
		t.Fatalf("engine info: %s", body)
	}
	end := "\n Live Restore Enabled: false\n\n"
	if info.ProductLicense != "" {
		end = "\n Live Restore Enabled: false\n Product License: " + info.ProductLicense + "\n\n"
	}
	for _, want := range []string{
		"Client:\n Version:    ",
		"\n Context:    default\n Debug Mode: false\n\nServer:\n Containers: ",
		"\n Storage Driver: ",
		"\n Swarm: inactive\n",
		end,
	} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("missing %q in:\n%s", want, r.Stdout)
		}
	}
	r = e2etest.RunOK(t, "system", "info", "--format", "{{.OSType}} {{.ClientInfo.Context}}")
	if r.Stdout != "linux default\n" {
		t.Errorf("format: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "info", "--format", "json")
	if !strings.HasPrefix(r.Stdout, `{"ID":"`) || !strings.Contains(r.Stdout, `"ClientInfo":{"Debug":false,`) {
		t.Errorf("json: %q", r.Stdout)
	}
}

func TestInfoDaemonDown(t *testing.T) {
	r := e2etest.RunEnv(t, []string{"DOCKER_HOST=unix:///nonexistent/e2e.sock"}, "info")
	if r.Code != 1 || !strings.HasSuffix(r.Stdout, "Debug Mode: false\n\nServer:\n") ||
		r.Stderr != "Cannot connect to the Docker daemon at unix:///nonexistent/e2e.sock. Is the docker daemon running?\n" {
		t.Fatalf("%s", r)
	}
}

func TestDiskUsage(t *testing.T) {
	r := runDF(t, "--format", "{{.Type}}")
	if r.Stdout != "Images\nContainers\nLocal Volumes\nBuild Cache\n" {
		t.Fatalf("df: %q", r.Stdout)
	}
}
