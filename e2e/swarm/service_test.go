//go:build e2e

package swarm

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestServices(t *testing.T) {
	name := e2etest.UniqueName(t, "e2e-svc")
	id := createService(t, name, 1, 0, "sh", "-c", "echo hello from the task; echo to stderr >&2; sleep 600")

	r := e2etest.RunOK(t, "service", "ls", "-f", "name="+name)
	row := regexp.MustCompile(`\n` + id[:12] + `   ` + name + `   replicated   1/1        busybox:latest   \s*\n$`)
	if !strings.HasPrefix(r.Stdout, "ID             NAME") || !row.MatchString(r.Stdout) {
		t.Fatalf("service ls:\n%q", r.Stdout)
	}
	r = e2etest.RunOK(t, "service", "ps", "--format", "{{.Name}} {{.DesiredState}} {{.Error}}", name)
	if r.Stdout != name+".1 Running \n" {
		t.Fatalf("service ps: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "service", "inspect", "--format", "{{.Spec.Name}} {{.Spec.Labels}} {{.Spec.TaskTemplate.ContainerSpec.Image}}", id[:10])
	if r.Stdout != name+" map[e2e:swarm] busybox:latest\n" {
		t.Fatalf("service inspect: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "service", "inspect", "--pretty", name)
	if !strings.HasPrefix(r.Stdout, "\nID:\t\t"+id+"\nName:\t\t"+name+"\nLabels:\n e2e=swarm\nService Mode:\tReplicated\n Replicas:\t1\n") ||
		!strings.HasSuffix(r.Stdout, "Endpoint Mode:\tvip\n\n") {
		t.Fatalf("service inspect --pretty:\n%q", r.Stdout)
	}
	waitFor(t, "the task's output", func() bool {
		return strings.Contains(e2etest.Run(t, "service", "logs", name).Stdout, "hello from the task")
	})
	r = e2etest.RunOK(t, "service", "logs", name)
	line := regexp.MustCompile(`^` + name + `\.1\.[0-9a-z]{12}@\S+    \| hello from the task\n$`)
	if !line.MatchString(r.Stdout) || !strings.HasSuffix(r.Stderr, "    | to stderr\n") {
		t.Fatalf("service logs: %s", r)
	}
	r = e2etest.RunOK(t, "service", "logs", "--raw", "--no-task-ids", name)
	if r.Stdout != "hello from the task\n" || r.Stderr != "to stderr\n" {
		t.Fatalf("service logs --raw: %s", r)
	}
	r = e2etest.RunOK(t, "node", "ps", "--format", "{{.Name}}", "-f", "desired-state=running")
	if !strings.Contains(r.Stdout, name+".1\n") && len(nodes(t)) == 1 {
		t.Fatalf("node ps does not show the task: %q", r.Stdout)
	}
	if r = e2etest.RunOK(t, "service", "rm", name); r.Stdout != name+"\n" {
		t.Fatalf("service rm: %q", r.Stdout)
	}
}

func TestServiceErrors(t *testing.T) {
	r := e2etest.Run(t, "service", "ps", "e2e-no-such-service")
	if r.Code != 1 || r.Stderr != "no such service: e2e-no-such-service\n" {
		t.Fatalf("ps: %s", r)
	}
	r = e2etest.Run(t, "service", "logs", "e2e-no-such-service")
	if r.Code != 1 || r.Stderr != "no such task or service: e2e-no-such-service\n" {
		t.Fatalf("logs: %s", r)
	}
	r = e2etest.Run(t, "service", "inspect", "e2e-no-such-service")
	if r.Code != 1 || r.Stdout != "[]\n" || r.Stderr != "Error: no such service: e2e-no-such-service\n" {
		t.Fatalf("inspect: %s", r)
	}
	r = e2etest.Run(t, "service", "rm", "e2e-no-such-service")
	if r.Code != 1 || r.Stderr != "Error response from daemon: service e2e-no-such-service not found\n" {
		t.Fatalf("rm: %s", r)
	}
}
