//go:build e2e && swarm3

package swarm

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// These run on the three-node swarm of make swarm3 only.

func TestDrainAndActive(t *testing.T) {
	n2 := multiNode(t)[1]
	id := selfID(t, n2)
	defer e2etest.Run(t, "node", "update", "--availability", "active", id)
	if r := e2etest.RunOK(t, "node", "update", "--availability", "drain", id); r.Stdout != id+"\n" {
		t.Fatalf("drain: %q", r.Stdout)
	}
	r := e2etest.RunOK(t, "node", "ls", "-f", "id="+id, "--format", "{{.Availability}} {{.Status}}")
	if r.Stdout != "Drain Ready\n" {
		t.Fatalf("after drain: %q", r.Stdout)
	}
	// A drained node runs none of a new service's tasks.
	name := e2etest.UniqueName(t, "e2e-drain")
	createService(t, name, 2, 0, "sleep", "600")
	r = e2etest.RunOK(t, "service", "ps", "--no-resolve", "-f", "desired-state=running", "--format", "{{.Node}}", name)
	if strings.Contains(r.Stdout, id) || strings.Count(r.Stdout, "\n") != 2 {
		t.Fatalf("tasks on a drained node: %q", r.Stdout)
	}
	e2etest.RunOK(t, "node", "update", "--availability", "active", id)
	r = e2etest.RunOK(t, "node", "inspect", "--pretty", id)
	if !strings.Contains(r.Stdout, " Availability:         \tActive\n") {
		t.Fatalf("after active:\n%s", r.Stdout)
	}
}

func TestPromoteDemote(t *testing.T) {
	n3 := multiNode(t)[2]
	id := selfID(t, n3)
	status := func() string {
		return e2etest.RunOK(t, "node", "ls", "-f", "id="+id, "--format", "{{.ManagerStatus}}").Stdout
	}
	defer e2etest.Run(t, "node", "demote", id)
	if r := e2etest.RunOK(t, "node", "promote", id); r.Stdout != "Node "+id+" promoted to a manager in the swarm.\n" {
		t.Fatalf("promote: %q", r.Stdout)
	}
	// The new manager joins the raft cluster in the background; a demotion
	// before that fails (in the reference too).
	waitFor(t, "the new manager to be reachable", func() bool { return status() == "Reachable\n" })
	if r := e2etest.RunOK(t, "node", "promote", id); r.Stdout != "Node "+id+" is already a manager.\n" {
		t.Fatalf("promote again: %q", r.Stdout)
	}
	waitFor(t, "the new manager to answer", func() bool {
		return on(t, n3, "node", "ls", "-q", "-f", "id="+id).Stdout == id+"\n"
	})
	if r := e2etest.RunOK(t, "node", "demote", id); r.Stdout != "Manager "+id+" demoted in the swarm.\n" {
		t.Fatalf("demote: %q", r.Stdout)
	}
	waitFor(t, "the node to be a worker", func() bool {
		return status() == "\n" && on(t, n3, "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}").Stdout == "active false\n"
	})
	r := on(t, n3, "node", "ls")
	if r.Code != 1 || !strings.Contains(r.Stderr, "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state.") {
		t.Fatalf("node ls on a worker: %s", r)
	}
}

// TestLogsFromTwoNodes: one task per node, and the logs of both.
func TestLogsFromTwoNodes(t *testing.T) {
	multiNode(t)
	name := e2etest.UniqueName(t, "e2e-logs")
	svc := createService(t, name, 2, 1, "sh", "-c", "echo task on $(hostname); sleep 600")
	waitFor(t, "both tasks' output", func() bool {
		return strings.Count(e2etest.Run(t, "service", "logs", name).Stdout, "task on") == 2
	})
	r := e2etest.RunOK(t, "service", "logs", "--no-resolve", "--no-task-ids", name)
	line := regexp.MustCompile(`(?m)^(\S+)\.([12])@([0-9a-z]{25})    \| task on \S+$`)
	m := line.FindAllStringSubmatch(r.Stdout, -1)
	if len(m) != 2 || m[0][3] == m[1][3] || m[0][2] == m[1][2] {
		t.Fatalf("logs of two tasks on two nodes:\n%s", r.Stdout)
	}
	r = e2etest.RunOK(t, "node", "ps", "--no-resolve", "--format", "{{.Name}} {{.Node}}", m[0][3], m[1][3])
	// Listed again for the second node: the reference adds each node to
	// the filter of the previous ones.
	if strings.Count(r.Stdout, svc+".") != 3 {
		t.Fatalf("node ps of both nodes: %q", r.Stdout)
	}
}

// TestReplicatedAcrossNodes: one task per node, the convergence counted
// over the three, then scaled down and updated.
func TestReplicatedAcrossNodes(t *testing.T) {
	multiNode(t)
	name := e2etest.UniqueName(t, "e2e-spread")
	r := e2etest.Run(t, "service", "create", "--name", name, "--replicas", "3", "--replicas-max-per-node", "1", "--update-monitor", "1s",
		"--update-parallelism", "0", "--stop-signal", "KILL", "--no-resolve-image", "busybox", "sleep", "600")
	id := strings.SplitN(r.Stdout, "\n", 2)[0]
	if len(id) == 25 {
		removeAtEnd(t, "services", id)
	}
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, id+"\noverall progress: 0 out of 3 tasks\n1/3:  \n2/3:  \n3/3:  \n") ||
		!strings.Contains(r.Stdout, "\noverall progress: 3 out of 3 tasks\n") || !strings.HasSuffix(r.Stdout, "verify: Service "+id+" converged\n") {
		t.Fatalf("create: %s", r)
	}
	r = e2etest.RunOK(t, "service", "ps", "--no-resolve", "-f", "desired-state=running", "--format", "{{.Node}}", name)
	if nodes := strings.Fields(r.Stdout); len(nodes) != 3 || nodes[0] == nodes[1] || nodes[1] == nodes[2] || nodes[0] == nodes[2] {
		t.Fatalf("tasks not spread over the nodes: %q", r.Stdout)
	}
	if r = e2etest.RunOK(t, "service", "scale", name+"=1"); !strings.HasPrefix(r.Stdout, name+" scaled to 1\noverall progress: ") ||
		!strings.HasSuffix(r.Stdout, "verify: Service "+name+" converged\n") {
		t.Fatalf("scale: %s", r)
	}
	r = e2etest.RunOK(t, "service", "update", "--env-add", "X=1", name)
	if !strings.HasPrefix(r.Stdout, name+"\noverall progress: ") || !strings.HasSuffix(r.Stdout, "verify: Service "+name+" converged\n") {
		t.Fatalf("update: %s", r)
	}
}
