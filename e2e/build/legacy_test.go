//go:build e2e

package build

import (
	"archive/tar"
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

var builtID = regexp.MustCompile(`^Successfully built [0-9a-f]{12}$`)

// A directory context with a .dockerignore (and an exception), a build
// argument from the environment, tags and --iidfile.
func TestLegacyBuild(t *testing.T) {
	name := e2etest.ImageName(t, "bl-legacy")
	dir := context(t, map[string]string{
		"Dockerfile": "FROM " + e2etest.Image + "\nARG GREETING\nCOPY . /ctx/\nRUN echo \"greeting=$GREETING\"\n" +
			"CMD [\"sh\", \"-c\", \"cd /ctx && find . -type f | sort\"]\n",
		".dockerignore": "secret.env\nlogs/*.log\n!logs/keep.log\n",
		"keep.txt":      "a\n", "secret.env": "b\n", "logs/x.log": "c\n", "logs/keep.log": "d\n",
	})
	iid := filepath.Join(t.TempDir(), "iid")
	e2etest.CleanupImage(t, name+":two")
	r := e2etest.RunEnv(t, []string{"GREETING=hi"}, "build", "--no-cache", "--build-arg", "GREETING", "-t", name, "-t", name+":two", "--iidfile", iid, dir)
	cleanupSteps(t, r.Stdout)
	got := lines(r.Stdout)
	want := []string{
		"Sending build context to Docker daemon  5.632kB\r\r",
		step(1, 5, "FROM "+e2etest.Image),
		step(2, 5, "ARG GREETING"),
		step(3, 5, "COPY . /ctx/"),
		step(4, 5, "RUN echo \"greeting=$GREETING\""),
		"greeting=hi",
		step(5, 5, "CMD [\"sh\", \"-c\", \"cd /ctx && find . -type f | sort\"]"),
	}
	// The end: Docker's builder names the image built and each tag; Podman's
	// says COMMIT, tags the qualified names, then gives Docker's lines.
	end := got[min(len(want), len(got)):]
	if e2etest.Podman() {
		if i := slices.IndexFunc(end, builtID.MatchString); i > 0 && strings.HasPrefix(end[0], "COMMIT docker.io/library/"+name) {
			end = end[i:]
		}
		if len(end) > 3 && end[1] == "Successfully tagged "+name {
			end[1] += ":latest" // Podman names the first tag as given
		}
	}
	if r.Code != 0 || r.Stderr != legacyNotice || len(end) < 3 || strings.Join(got[:len(want)], "\n") != strings.Join(want, "\n") ||
		!builtID.MatchString(end[0]) || end[1] != "Successfully tagged "+name+":latest" || end[2] != "Successfully tagged "+name+":two" {
		t.Fatalf("build:\n%s", r)
	}
	id, err := os.ReadFile(iid)
	if inspect := e2etest.RunOK(t, "image", "inspect", "-f", "{{.Id}}", name); err != nil || string(id) != strings.TrimSpace(inspect.Stdout) {
		t.Errorf("iidfile %q (%v), image %q", id, err, inspect.Stdout)
	}
	run := e2etest.RunOK(t, "run", "--rm", name)
	if run.Stdout != "./.dockerignore\n./Dockerfile\n./keep.txt\n./logs/keep.log\n" {
		t.Errorf("the context the build saw:\n%s", run.Stdout)
	}
	// -q prints the ID alone (the same image, from the cache).
	r = e2etest.Run(t, "build", "-q", "--build-arg", "GREETING=hi", "-t", name, dir)
	printed := string(id)
	if e2etest.Podman() {
		printed = strings.TrimPrefix(printed, "sha256:") // Podman's stream gives the bare ID
	}
	if r.Code != 0 || r.Stdout != printed+"\n" {
		t.Errorf("build -q:\n%s", r)
	}
}

// -f - with a failing RUN: the daemon's message and the step's exit code.
func TestLegacyBuildFailingRun(t *testing.T) {
	dir := t.TempDir()
	r := e2etest.RunStdin(t, "FROM "+e2etest.Image+"\nRUN echo step-one\nRUN exit 3\n", "build", "--no-cache", "--force-rm", "-f", "-", dir)
	cleanupSteps(t, r.Stdout)
	got := lines(r.Stdout)
	want := []string{
		"Sending build context to Docker daemon  1.583kB\r\r",
		step(1, 3, "FROM "+e2etest.Image),
		step(2, 3, "RUN echo step-one"),
		"step-one",
		step(3, 3, "RUN exit 3"),
		"",
	}
	// Docker's message carries the step's exit code; Podman's none (exit 1).
	code, failed := 3, "The command '/bin/sh -c exit 3' returned a non-zero code: 3\n"
	if e2etest.Podman() {
		code, failed = 1, "building at STEP \"RUN exit 3\": while running runtime: exit status 3\n\n"
	}
	if r.Code != code || strings.Join(got, "\n") != strings.Join(want, "\n") || r.Stderr != legacyNotice+failed {
		t.Errorf("build -f - with RUN exit 3:\n%s", r)
	}
	// With -q what was kept back goes to stderr (Podman sends no steps then).
	r = e2etest.RunStdin(t, "FROM "+e2etest.Image+"\nRUN exit 3\n", "build", "-q", "--force-rm", "-f", "-", dir)
	kept := lines(strings.TrimPrefix(r.Stderr, legacyNotice))
	steps := step(1, 2, "FROM "+e2etest.Image) + "\n" + step(2, 2, "RUN exit 3") + "\n"
	if e2etest.Podman() {
		steps = ""
	}
	if r.Code != code || r.Stdout != "" || strings.Join(kept, "\n") != "Sending build context to Docker daemon  1.583kB\r\r\n"+steps+failed {
		t.Errorf("build -q failing:\n%s", r)
	}
}

// A tar on stdin is the context; a Dockerfile on stdin is a context of its own.
func TestLegacyBuildFromStdin(t *testing.T) {
	name := e2etest.ImageName(t, "bl-stdin")
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	df := "FROM " + e2etest.Image + "\nCOPY hello /hello\nCMD [\"cat\", \"/hello\"]\n"
	for _, f := range []struct{ name, body string }{{"Dockerfile", df}, {"hello", "from a tar\n"}} {
		tw.WriteHeader(&tar.Header{Name: f.name, Mode: 0o644, Size: int64(len(f.body))})
		tw.Write([]byte(f.body))
	}
	tw.Close()
	r := e2etest.RunWith(t, e2etest.Options{Stdin: &b}, "build", "-q", "-t", name, "-")
	if r.Code != 0 {
		t.Fatalf("build - (tar):\n%s", r)
	}
	if run := e2etest.RunOK(t, "run", "--rm", name); run.Stdout != "from a tar\n" {
		t.Errorf("image built from a tar runs %q", run.Stdout)
	}
	r = e2etest.RunStdin(t, "FROM "+e2etest.Image+"\nRUN echo from-stdin\n", "build", "--no-cache", "-")
	cleanupSteps(t, r.Stdout)
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "Sending build context to Docker daemon  2.048kB\r\r\n") || !strings.Contains(r.Stdout, "\nfrom-stdin\n") {
		t.Errorf("build - (Dockerfile):\n%s", r)
	}
}

func TestBuilderPrune(t *testing.T) {
	r := e2etest.Run(t, "builder", "prune", "-f", "--filter", "until=1h")
	if e2etest.Podman() {
		// No build cache endpoint: the engine's answer is the error.
		if want := legacyNotice + e2etest.DaemonError(t, http.MethodPost, "/build/prune") + "\n"; r.Code != 1 || r.Stderr != want {
			t.Errorf("builder prune: want %q; got %s", want, r)
		}
		return
	}
	if r.Code != 0 || !strings.HasSuffix(r.Stdout, "Total reclaimed space: 0B\n") || r.Stderr != legacyNotice {
		t.Errorf("builder prune:\n%s", r)
	}
}
