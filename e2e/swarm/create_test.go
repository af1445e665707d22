//go:build e2e

package swarm

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// imageWarning is what create says when the registry of busybox (Docker
// Hub) cannot be reached, as here.
const imageWarning = "image busybox:latest could not be accessed on a registry to record\n" +
	"its digest. Each node will access busybox:latest independently,\n" +
	"possibly leading to different nodes running different\n" +
	"versions of the image.\n\n"

// TestServiceCreateUpdateRollback follows a replicated service through its
// life with the convergence progress as the reference prints it without a
// terminal. A monitor period of one second, tasks updated all at once and
// killed at once (sleep ignores SIGTERM) keep it short.
func TestServiceCreateUpdateRollback(t *testing.T) {
	name := e2etest.UniqueName(t, "e2e-life")
	r := e2etest.Run(t, "service", "create", "--name", name, "--replicas", "2", "--update-monitor", "1s", "--update-parallelism", "0",
		"--rollback-parallelism", "0", "--stop-signal", "KILL", "--env", "A=1", "busybox", "sleep", "600")
	id := strings.SplitN(r.Stdout, "\n", 2)[0]
	if len(id) == 25 {
		removeAtEnd(t, "services", id)
	}
	progress := regexp.MustCompile(`^[a-z0-9]{25}\noverall progress: 0 out of 2 tasks\n1/2:  \n2/2:  \n(overall progress: [012] out of 2 tasks\n)*` +
		`overall progress: 2 out of 2 tasks\n(verify: Waiting 1 seconds to verify that tasks are stable...\n)*verify: Service [a-z0-9]{25} converged\n$`)
	if r.Code != 0 || !progress.MatchString(r.Stdout) || r.Stderr != imageWarning || !strings.Contains(r.Stdout, "Service "+id+" converged") {
		t.Fatalf("create: %s", r)
	}

	r = e2etest.Run(t, "service", "update", "--env-add", "B=2", "--env-rm", "A", "--replicas", "3", "--label-add", "e2e=1", name)
	progress = regexp.MustCompile(`^` + name + `\noverall progress: [0-3] out of 3 tasks\n1/3:  \n2/3:  \n3/3:  \n(overall progress: [0-3] out of 3 tasks\n)*` +
		`(verify: Waiting 1 seconds to verify that tasks are stable...\n)*verify: Service ` + name + ` converged\n$`)
	if r.Code != 0 || !progress.MatchString(r.Stdout) || r.Stderr != "" {
		t.Fatalf("update: %s", r)
	}
	r = e2etest.RunOK(t, "service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.Mode.Replicated.Replicas}} {{.Spec.Labels}}", name)
	if r.Stdout != "[B=2] 3 map[e2e:1]\n" {
		t.Fatalf("after update: %q", r.Stdout)
	}

	r = e2etest.Run(t, "service", "rollback", name)
	progress = regexp.MustCompile(`^` + name + `\nrollback: manually requested rollback\noverall progress: rolling back update: [0-9] out of 2 tasks\n1/2:  \n2/2:  \n` +
		`(overall progress: rolling back update: [0-9] out of 2 tasks\n)*(verify: Waiting 1 seconds to verify that tasks are stable...\n)*` +
		`verify: Service ` + name + ` converged\n(rollback: rollback completed\n)?$`)
	if r.Code != 0 || !progress.MatchString(r.Stdout) {
		t.Fatalf("rollback: %s", r)
	}
	r = e2etest.RunOK(t, "service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.Mode.Replicated.Replicas}}", name)
	if r.Stdout != "[A=1] 2\n" {
		t.Fatalf("after rollback: %q", r.Stdout)
	}

	if r = e2etest.RunOK(t, "service", "scale", "-d", name+"=1"); r.Stdout != name+" scaled to 1\n" {
		t.Fatalf("scale: %q", r.Stdout)
	}
	waitFor(t, "one replica", func() bool {
		return e2etest.Run(t, "service", "ls", "-f", "name="+name, "--format", "{{.Replicas}}").Stdout == "1/1\n"
	})
	if r = e2etest.RunOK(t, "service", "update", "-d", "--image", "busybox:latest", "--no-resolve-image", "--force", name); r.Stdout != name+"\n" {
		t.Fatalf("update --force: %s", r)
	}
	r = e2etest.RunOK(t, "service", "inspect", "--format", "{{.Spec.TaskTemplate.ForceUpdate}} {{.Spec.TaskTemplate.ContainerSpec.Image}}", name)
	if r.Stdout != "1 busybox:latest\n" {
		t.Fatalf("after update --force: %q", r.Stdout)
	}
}

// TestServiceGlobal: a global service converges on every node, and cannot
// be scaled.
func TestServiceGlobal(t *testing.T) {
	name := e2etest.UniqueName(t, "e2e-global")
	r := e2etest.Run(t, "service", "create", "--name", name, "--mode", "global", "--update-monitor", "1s", "--no-resolve-image", "busybox", "sleep", "600")
	id := strings.SplitN(r.Stdout, "\n", 2)[0]
	if len(id) == 25 {
		removeAtEnd(t, "services", id)
	}
	n := len(nodes(t))
	done := regexp.MustCompile(`\noverall progress: ` + string(rune('0'+n)) + ` out of ` + string(rune('0'+n)) + ` tasks\n(verify: .*\n)*verify: Service ` + id + ` converged\n$`)
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, id+"\noverall progress: ") || !done.MatchString(r.Stdout) || r.Stderr != "" {
		t.Fatalf("create --mode global: %s", r)
	}
	r = e2etest.Run(t, "service", "scale", name+"=2")
	if r.Code != 1 || r.Stderr != name+": scale can only be used with replicated or replicated-job mode\n" {
		t.Fatalf("scale of a global service: %s", r)
	}
}

// TestServicePinsImage: with credentials for the local registry and
// --with-registry-auth, the image is pinned to the registry's digest and
// its platforms go into the placement.
func TestServicePinsImage(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	e2etest.RunOK(t, "login", "-u", user, "-p", pass, addr)
	name := e2etest.UniqueName(t, "e2e-pinned")
	r := e2etest.RunOK(t, "service", "create", "-d", "--with-registry-auth", "--name", name, e2etest.RegistryImage(t), "sleep", "600")
	removeAtEnd(t, "services", strings.TrimSpace(r.Stdout))
	if r.Stderr != "" {
		t.Fatalf("create: %s", r)
	}
	r = e2etest.RunOK(t, "service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}} {{json .Spec.TaskTemplate.Placement.Platforms}}", name)
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(e2etest.RegistryImage(t)) + `@sha256:[0-9a-f]{64} \[\{"Architecture":"amd64","OS":"linux"\}\]\n$`).MatchString(r.Stdout) {
		t.Fatalf("pinned image: %q", r.Stdout)
	}
}

func TestServiceCreateErrors(t *testing.T) {
	cases := []struct {
		args           []string
		code           int
		stderrPrefix   string
		createdService bool
	}{
		{[]string{"--mode", "bogus", "busybox"}, 1, "Unknown mode: bogus, only replicated and global supported\n", false},
		{[]string{"--secret", "e2e-no-such-secret", "busybox"}, 1, "secret not found: e2e-no-such-secret\n", false},
		{[]string{"--constraint", "node.role~=x", "busybox"}, 1, "Error response from daemon: rpc error: code = Unknown desc = constraint expected one operator from ==, !=\n", false},
		{[]string{"--name", "bad name", "busybox"}, 1, "Error response from daemon: rpc error: code = InvalidArgument desc = name must be valid as a DNS name component\n", false},
		{[]string{"-p", "abc", "busybox"}, 125, "invalid argument \"abc\" for \"-p, --publish\" flag: invalid containerPort: abc\n\nUsage:  docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]\n", false},
		{nil, 1, "docker: 'docker service create' requires at least 1 argument\n\nUsage:  docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]\n", false},
	}
	for _, tc := range cases {
		r := e2etest.Run(t, append([]string{"service", "create", "-d", "--no-resolve-image"}, tc.args...)...)
		if r.Code != tc.code || !strings.HasPrefix(r.Stderr, tc.stderrPrefix) || r.Stdout != "" {
			t.Errorf("%v: %s", tc.args, r)
		}
	}
	// A constraint on a node that does not exist is accepted; the task
	// waits for a node that matches.
	name := e2etest.UniqueName(t, "e2e-nonode")
	r := e2etest.RunOK(t, "service", "create", "-d", "--no-resolve-image", "--name", name, "--constraint", "node.hostname==e2e-no-such-node", "busybox", "sleep", "600")
	removeAtEnd(t, "services", strings.TrimSpace(r.Stdout))
	waitFor(t, "the task to wait for a node", func() bool {
		r := e2etest.Run(t, "service", "ps", "--no-trunc", "--format", "{{.CurrentState}} {{.Error}}", name)
		return strings.HasPrefix(r.Stdout, "Pending ") && strings.Contains(r.Stdout, `"no suitable node (scheduling constraints not satisfied on `)
	})
}

// TestStack deploys a stack of two services with a secret and a config,
// lists it, deploys it again with --prune and one service less, and
// removes it. The services stay on the manager: their overlay network
// only works there (see scripts/swarm.sh).
func TestStack(t *testing.T) {
	dir := t.TempDir()
	stack := e2etest.UniqueName(t, "e2e-st")
	files := map[string]string{
		"secret.txt": "s3cret\n", "conf.txt": "conf\n",
		"compose.yml": `version: "3.8"
services:
  web:
    image: busybox
    command: sleep 600
    environment:
      A: ${E2E_A:-default}
    secrets: [mysecret]
    configs:
      - source: myconf
        target: /etc/my.conf
    deploy:
      replicas: 2
      labels: {tier: web}
      placement: {constraints: [node.role==manager]}
  worker:
    image: busybox
    command: ["sleep", "600"]
    deploy:
      mode: global
      placement: {constraints: [node.role==manager]}
secrets:
  mysecret:
    file: ./secret.txt
configs:
  myconf:
    file: ./conf.txt
`,
		"bad.yml": "version: \"3.8\"\nservices:\n  web:\n    image: busybox\n    bogus_key: 1\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	removeStackAtEnd(t, stack)
	r := e2etest.RunWith(t, e2etest.Options{Env: []string{"E2E_A=fromenv"}}, "stack", "deploy", "-c", filepath.Join(dir, "compose.yml"), stack)
	want := "Creating network " + stack + "_default\nCreating secret " + stack + "_mysecret\nCreating config " + stack + "_myconf\n" +
		"Creating service " + stack + "_web\nCreating service " + stack + "_worker\n"
	if r.Code != 0 || r.Stdout != want || r.Stderr != "Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.\n" {
		t.Fatalf("deploy: %s", r)
	}
	r = e2etest.RunOK(t, "stack", "ls", "--format", "{{.Name}} {{.Services}}")
	if !strings.Contains(r.Stdout, stack+" 2\n") {
		t.Fatalf("stack ls: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "stack", "services", "--format", "{{.Name}} {{.Mode}} {{.Image}}", stack)
	if r.Stdout != stack+"_web replicated busybox:latest\n"+stack+"_worker global busybox:latest\n" {
		t.Fatalf("stack services: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Env}} {{index .Spec.Labels \"tier\"}}", stack+"_web")
	if r.Stdout != "[A=fromenv] web\n" {
		t.Fatalf("web: %q", r.Stdout)
	}
	waitFor(t, "the stack's tasks", func() bool {
		r := e2etest.Run(t, "stack", "ps", "-f", "desired-state=running", "--format", "{{.Name}}", stack)
		return strings.Contains(r.Stdout, stack+"_web.1\n") && strings.Contains(r.Stdout, stack+"_web.2\n")
	})

	// The worker goes, web is updated; the secret and config stay.
	if err := os.WriteFile(filepath.Join(dir, "compose.yml"), []byte(strings.Replace(files["compose.yml"], "  worker:\n    image: busybox\n    command: [\"sleep\", \"600\"]\n    deploy:\n      mode: global\n      placement: {constraints: [node.role==manager]}\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	r = e2etest.Run(t, "stack", "deploy", "-d", "--prune", "-c", filepath.Join(dir, "compose.yml"), stack)
	if r.Code != 0 || !regexp.MustCompile(`^Removing service `+stack+`_worker\nUpdating service `+stack+`_web \(id: [a-z0-9]{25}\)\n$`).MatchString(r.Stdout) || r.Stderr != imageWarning {
		t.Fatalf("deploy --prune: %s", r)
	}
	r = e2etest.RunOK(t, "stack", "services", "-q", stack)
	if strings.Count(r.Stdout, "\n") != 1 {
		t.Fatalf("services after prune: %q", r.Stdout)
	}

	r = e2etest.Run(t, "stack", "deploy", "-c", filepath.Join(dir, "bad.yml"), stack)
	if r.Code != 1 || r.Stdout != "" || r.Stderr != "services.web Additional property bogus_key is not allowed\n" {
		t.Fatalf("deploy of a bad file: %s", r)
	}

	r = e2etest.RunOK(t, "stack", "rm", stack)
	if r.Stdout != "Removing service "+stack+"_web\nRemoving secret "+stack+"_mysecret\nRemoving config "+stack+"_myconf\nRemoving network "+stack+"_default\n" {
		t.Fatalf("stack rm: %q", r.Stdout)
	}
	waitFor(t, "the stack's network to go", func() bool {
		return e2etest.Run(t, "network", "ls", "-q", "-f", "label=com.docker.stack.namespace="+stack).Stdout == ""
	})
	r = e2etest.RunOK(t, "stack", "rm", stack)
	if r.Stderr != "Nothing found in stack: "+stack+"\n" {
		t.Fatalf("stack rm again: %s", r)
	}
}
