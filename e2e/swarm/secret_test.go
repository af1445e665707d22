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

func TestSecrets(t *testing.T) {
	file := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(file, []byte("s3cret"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, b := e2etest.UniqueName(t, "e2e-sec"), e2etest.UniqueName(t, "e2e-sec")
	removeAtEnd(t, "secrets", a)
	removeAtEnd(t, "secrets", b)
	id := regexp.MustCompile(`^[0-9a-z]{25}\n$`)
	if r := e2etest.RunOK(t, "secret", "create", "--label", "e2e=1", "--label", "tier", a, file); !id.MatchString(r.Stdout) {
		t.Fatalf("create from a file: %q", r.Stdout)
	}
	if r := e2etest.RunWith(t, e2etest.Options{Stdin: strings.NewReader("from stdin")}, "secret", "create", b, "-"); r.Code != 0 || !id.MatchString(r.Stdout) {
		t.Fatalf("create from stdin: %s", r)
	}
	r := e2etest.RunOK(t, "secret", "ls", "--filter", "label=e2e=1", "--format", "{{.Name}} {{.Labels}} {{.Driver}}|")
	if r.Stdout != a+" e2e=1,tier= |\n" {
		t.Fatalf("ls: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "secret", "inspect", "--format", "{{.Spec.Name}} {{.Spec.Labels}} {{.Spec.Data}}", a, b)
	if r.Stdout != a+" map[e2e:1 tier:] []\n"+b+" map[] []\n" {
		t.Fatalf("inspect: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "secret", "inspect", "--pretty", a)
	if !strings.HasPrefix(r.Stdout, "ID:              ") || !strings.Contains(r.Stdout, "\nName:              "+a+"\nLabels:\n - e2e=1\n - tier\nDriver:            \nCreated at:        ") {
		t.Fatalf("inspect --pretty: %q", r.Stdout)
	}
	r = e2etest.Run(t, "secret", "create", a, file)
	if r.Code != 1 || !strings.Contains(r.Stderr, "secret "+a+" already exists") {
		t.Fatalf("create twice: %s", r)
	}
	r = e2etest.Run(t, "secret", "create", "e2e-empty", "-")
	if r.Code != 1 || r.Stderr != "error reading from STDIN: data is empty\n" {
		t.Fatalf("create from empty stdin: %s", r)
	}
	r = e2etest.Run(t, "secret", "rm", a, "e2e-no-such-secret", b)
	if r.Code != 1 || r.Stdout != a+"\n"+b+"\n" || r.Stderr != "Error response from daemon: secret e2e-no-such-secret not found\n" {
		t.Fatalf("rm: %s", r)
	}
}

func TestConfigs(t *testing.T) {
	file := filepath.Join(t.TempDir(), "conf")
	if err := os.WriteFile(file, []byte("key={{ env \"HOME\" }}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	name := e2etest.UniqueName(t, "e2e-conf")
	removeAtEnd(t, "configs", name)
	e2etest.RunOK(t, "config", "create", "--label", "e2e=1", "--template-driver", "golang", name, file)
	r := e2etest.RunOK(t, "config", "ls", "-f", "name="+name, "--format", "table {{.Name}}\t{{.Label \"e2e\"}}")
	if r.Stdout != "NAME"+strings.Repeat(" ", len(name)-1)+"e2e\n"+name+"   1\n" {
		t.Fatalf("ls: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "config", "inspect", "--format", "{{.Spec.Templating.Name}} {{printf \"%s\" .Spec.Data}}", name)
	if r.Stdout != "golang key={{ env \"HOME\" }}\n\n" {
		t.Fatalf("inspect: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "config", "inspect", "--pretty", name)
	if !strings.HasSuffix(r.Stdout, "Data:\nkey={{ env \"HOME\" }}\n\n") || !strings.Contains(r.Stdout, "Name:\t\t\t"+name+"\nLabels:\n - e2e=1\n") {
		t.Fatalf("inspect --pretty: %q", r.Stdout)
	}
	r = e2etest.Run(t, "config", "inspect", "e2e-no-such-config")
	if r.Code != 1 || r.Stdout != "[]\n" || r.Stderr != "Error response from daemon: config e2e-no-such-config not found\n" {
		t.Fatalf("inspect missing: %s", r)
	}
	r = e2etest.Run(t, "config", "create", "e2e-conf-x", filepath.Join(t.TempDir(), "missing"))
	if r.Code != 1 || !strings.HasPrefix(r.Stderr, `Error reading content from "`) {
		t.Fatalf("create from a missing file: %s", r)
	}
	if r = e2etest.RunOK(t, "config", "rm", name); r.Stdout != name+"\n" {
		t.Fatalf("rm: %q", r.Stdout)
	}
}
