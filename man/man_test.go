package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/commands"
)

// The pages are not committed (the command tree changes with every flag);
// this test regenerates them and checks what `make man` promises.

func generated(t *testing.T) string {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000") // Nov 2023
	t.Setenv("DOCKER_HOST", "unix://"+filepath.Join(t.TempDir(), "no-daemon.sock"))
	dir := filepath.Join(t.TempDir(), "man1")
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEveryCommandHasAPage(t *testing.T) {
	dir := generated(t)
	var discard bytes.Buffer
	root := commands.NewRootCommand(cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&discard), Err: cli.NewOut(&discard)}))
	want := map[string]bool{}
	var walk func(*cobra.Command)
	walk = func(cmd *cobra.Command) {
		if cmd.HasParent() && !cmd.IsAvailableCommand() {
			return
		}
		want[strings.ReplaceAll(cmd.CommandPath(), " ", "-")+".1"] = true
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, e := range entries {
		got[e.Name()] = true
	}
	for name := range want {
		if !got[name] {
			t.Errorf("missing page %s", name)
		}
	}
	for name := range got {
		if !want[name] {
			t.Errorf("page %s for a hidden or unknown command", name)
		}
	}
	for _, hidden := range []string{"docker-completion.1", "docker-help.1", "docker-__complete.1"} {
		if got[hidden] {
			t.Errorf("page for hidden command: %s", hidden)
		}
	}
}

func TestPageContent(t *testing.T) {
	dir := generated(t)
	page, err := os.ReadFile(filepath.Join(dir, "docker.1"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		`.TH "DOCKER" "1" "Nov 2023" "Docker Community" "Docker User Manuals"`,
		"docker - A self-sufficient runtime for containers",
		`\fB-H\fP, \fB--host\fP`,
		`--log-level\fP="info"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("docker.1 lacks %q", want)
		}
	}
	if strings.Contains(s, "Auto generated") || strings.Contains(s, "--help") {
		t.Errorf("docker.1 has the auto-gen tag or the hidden help flag:\n%s", s)
	}
}

func TestReproducible(t *testing.T) {
	a, b := generated(t), generated(t)
	entries, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		pa, _ := os.ReadFile(filepath.Join(a, e.Name()))
		pb, err := os.ReadFile(filepath.Join(b, e.Name()))
		if err != nil || !bytes.Equal(pa, pb) {
			t.Errorf("%s differs between two runs", e.Name())
		}
	}
}

// man(1) renders every page without groff warnings.
func TestPagesRender(t *testing.T) {
	if _, err := exec.LookPath("man"); err != nil {
		t.Fatal("man is not installed: run make engine, which installs what the tests drive")
	}
	dir := generated(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command("man", "--warnings", "-l", filepath.Join(dir, e.Name()))
		cmd.Env = append(os.Environ(), "MANWIDTH=80", "MANPAGER=cat", "PAGER=cat")
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Errorf("man %s: %v\n%s", e.Name(), err, stderr.String())
			continue
		}
		name := strings.TrimSuffix(e.Name(), ".1")
		words := strings.Join(strings.Fields(stdout.String()), " ") // man justifies lines
		if !strings.Contains(words, "NAME "+name+" - ") || !strings.Contains(words, "SYNOPSIS") {
			t.Errorf("man %s: unexpected rendering:\n%s", e.Name(), stdout.String())
		}
	}
}
