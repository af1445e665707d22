//go:build e2e

package network

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestNetworkLifecycle(t *testing.T) {
	name := e2etest.NetworkName(t, "e2e-net")
	r := e2etest.RunOK(t, "network", "create", "--subnet", "172.31.250.0/24", "--gateway", "172.31.250.1",
		"--label", "e2e=1", "--internal", "--attachable", name)
	if !regexp.MustCompile(`^[0-9a-f]{64}\n$`).MatchString(r.Stdout) {
		t.Fatalf("create printed %q", r.Stdout)
	}

	r = e2etest.RunOK(t, "network", "ls", "--filter", "name="+name, "--format", "{{.Name}} {{.Driver}} {{.Internal}} {{.Label \"e2e\"}}")
	if r.Stdout != name+" bridge true 1\n" {
		t.Fatalf("ls: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "network", "ls", "-f", "", "--filter", "name="+name)
	if !strings.HasPrefix(r.Stdout, "NETWORK ID     NAME") || !strings.Contains(r.Stdout, name) {
		t.Fatalf("ls table: %q", r.Stdout)
	}

	r = e2etest.RunOK(t, "network", "inspect", "-f", "{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Attachable}}", name)
	// Attachable as the engine keeps it: Podman has no such setting.
	var net struct{ Attachable bool }
	if _, body := e2etest.API(t, http.MethodGet, "/networks/"+name, nil); json.Unmarshal(body, &net) != nil || net.Attachable == e2etest.Podman() {
		t.Fatalf("--attachable not kept as the engine keeps it: %s", body)
	}
	if r.Stdout != fmt.Sprintf("%s 172.31.250.0/24 172.31.250.1 %t\n", name, net.Attachable) {
		t.Fatalf("inspect: %q", r.Stdout)
	}

	ctr := e2etest.ContainerName(t, "e2e-netc")
	e2etest.RunOK(t, "create", "--name", ctr, e2etest.Image, "true")
	e2etest.RunOK(t, "network", "connect", "--alias", "web", name, ctr)
	r = e2etest.RunOK(t, "inspect", "-f", `{{index (index .NetworkSettings.Networks "`+name+`").Aliases 0}}`, ctr)
	if r.Stdout != "web\n" {
		t.Fatalf("alias after connect: %q", r.Stdout)
	}
	e2etest.RunOK(t, "network", "disconnect", name, ctr)

	noSuch := e2etest.DaemonError(t, http.MethodDelete, "/networks/e2e-no-such-net")
	r = e2etest.Run(t, "network", "rm", name, "e2e-no-such-net")
	if r.Code != 1 || r.Stdout != name+"\n" || r.Stderr != noSuch+"\nexit status 1\n" {
		t.Fatalf("rm: %s", r)
	}
}

func TestNetworkPrune(t *testing.T) {
	name := e2etest.NetworkName(t, "e2e-netp")
	label := "e2e-prune-" + name
	e2etest.RunOK(t, "network", "create", "--label", label, name)

	r := e2etest.RunStdin(t, "n\n", "network", "prune", "--filter", "label="+label)
	if r.Code != 0 || r.Stdout != "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] " {
		t.Fatalf("declined prune: %s", r)
	}
	r = e2etest.RunOK(t, "network", "prune", "-f", "--filter", "", "--filter", "label="+label)
	if r.Stdout != "Deleted Networks:\n"+name+"\n\n" {
		t.Fatalf("prune: %q", r.Stdout)
	}
}
