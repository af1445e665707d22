//go:build e2e

package swarm

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestNodes(t *testing.T) {
	n1 := nodes(t)[0]
	id := selfID(t, n1)
	r := e2etest.RunOK(t, "node", "ls")
	self := regexp.MustCompile(`(?m)^` + id + ` \*   \S+ +Ready +Active +Leader +\S+$`)
	if !strings.HasPrefix(r.Stdout, "ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION\n") || !self.MatchString(r.Stdout) {
		t.Fatalf("node ls:\n%s", r.Stdout)
	}
	r = e2etest.RunOK(t, "node", "ls", "-q", "-f", "role=manager")
	if !strings.Contains(r.Stdout, id+"\n") {
		t.Fatalf("node ls -q: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "node", "ls", "--format", "{{.ID}} {{.Self}} {{.TLSStatus}}", "-f", "id="+id)
	if r.Stdout != id+" true Ready\n" {
		t.Fatalf("node ls --format: %q", r.Stdout)
	}

	// Only inspect and ps know "self".
	r = e2etest.Run(t, "node", "update", "--label-add", "e2e.zone=a", "self")
	if r.Code != 1 || r.Stderr != "Error response from daemon: node self not found\n" {
		t.Fatalf("node update self: %s", r)
	}
	defer e2etest.Run(t, "node", "update", "--label-rm", "e2e.zone", id)
	if r = e2etest.RunOK(t, "node", "update", "--label-add", "e2e.zone=a", id); r.Stdout != id+"\n" {
		t.Fatalf("node update: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "node", "inspect", "--format", `{{.ID}} {{index .Spec.Labels "e2e.zone"}} {{.Spec.Role}}`, "self")
	if r.Stdout != id+" a manager\n" {
		t.Fatalf("node inspect --format: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "node", "inspect", "--pretty", "self")
	for _, line := range []string{"ID:\t\t\t" + id + "\n", "Labels:\n", " - e2e.zone=a\n", "Status:\n State:\t\t\tReady\n",
		"Manager Status:\n Address:\t\t" + n1.addr + ":" + port() + "\n Raft Status:\t\tReachable\n Leader:\t\tYes\n", "TLS Info:\n TrustRoot:\n-----BEGIN CERTIFICATE-----\n"} {
		if !strings.Contains(r.Stdout, line) {
			t.Errorf("node inspect --pretty lacks %q:\n%s", line, r.Stdout)
		}
	}
	r = e2etest.Run(t, "node", "update", "--label-rm", "e2e.nope", id)
	if r.Code != 1 || r.Stderr != "key e2e.nope doesn't exist in node's labels\n" {
		t.Fatalf("label-rm of a missing label: %s", r)
	}
	r = e2etest.Run(t, "node", "update", "--availability", "bogus", id)
	if r.Code != 1 || r.Stderr != "Error response from daemon: invalid Availability: \"bogus\"\n" {
		t.Fatalf("bad availability: %s", r)
	}
	r = e2etest.Run(t, "node", "promote", id)
	if r.Code != 0 || r.Stdout != "Node "+id+" is already a manager.\n" {
		t.Fatalf("promote self: %s", r)
	}
}

func TestNodeErrors(t *testing.T) {
	r := e2etest.Run(t, "node", "inspect", "e2e-no-such-node")
	if r.Code != 1 || r.Stdout != "[]\n" || r.Stderr != "Error response from daemon: node e2e-no-such-node not found\n" {
		t.Fatalf("inspect: %s", r)
	}
	r = e2etest.Run(t, "node", "rm", "e2e-no-such-node")
	if r.Code != 1 || r.Stderr != "Error response from daemon: node e2e-no-such-node not found\n" {
		t.Fatalf("rm: %s", r)
	}
	r = e2etest.Run(t, "node", "ps", "e2e-no-such-node")
	if r.Code != 1 || r.Stdout != "" || r.Stderr != "Error response from daemon: node e2e-no-such-node not found\n" {
		t.Fatalf("ps: %s", r)
	}
	r = e2etest.Run(t, "node", "demote")
	if r.Code != 1 || !strings.HasPrefix(r.Stderr, "docker: 'docker node demote' requires at least 1 argument") {
		t.Fatalf("demote: %s", r)
	}
}
