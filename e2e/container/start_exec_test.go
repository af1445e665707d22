//go:build e2e

package container

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// Checkpoint flags are refused unless the daemon runs experimental features.
func TestStartCheckpointNeedsExperimental(t *testing.T) {
	for _, flag := range []string{"--checkpoint", "--checkpoint-dir"} {
		missing := e2etest.UniqueName(t, "hx-none")
		r := e2etest.Run(t, "start", flag, "x", missing)
		want := `"` + flag + `" is only supported on a Docker daemon with experimental features enabled` + "\n"
		if e2etest.Experimental() {
			// Podman's /_ping says experimental: the start goes to the engine.
			want = e2etest.NoSuchContainer(t, missing) + "\n"
			if flag == "--checkpoint-dir" {
				want += "Error: failed to start containers: " + missing + "\n"
			}
		}
		if r.Code != 1 || r.Stderr != want {
			t.Errorf("want %q; got\n%s", want, r)
		}
	}
}

// start -ai does not ask for a terminal, even for a TTY container.
func TestStartAttachTTYWithoutTerminal(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-sti")
	e2etest.RunOK(t, "create", "--name", name, "-t", "-i", "--network", "none", e2etest.Image, "echo", "hi")
	r := e2etest.Run(t, "start", "-ai", name)
	if r.Code != 0 || r.Stderr != "" {
		t.Fatalf("want exit 0 and no error; got\n%s", r)
	}
}

// Names are trimmed of surrounding spaces before any request, as the
// reference's client does; start still prints the name as typed.
func TestContainerArgumentsAreTrimmed(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-trim")
	e2etest.RunOK(t, "run", "-d", "--name", name, "--network", "none", e2etest.Image, "sleep", "300")
	if r := e2etest.Run(t, "exec", " "+name+" ", "echo", "in"); r.Code != 0 || r.Stdout != "in\n" {
		t.Errorf("exec: got\n%s", r)
	}
	stopped := e2etest.ContainerName(t, "hx-trim2")
	e2etest.RunOK(t, "create", "--name", stopped, "--network", "none", e2etest.Image, "true")
	if r := e2etest.Run(t, "start", " "+stopped+" "); r.Code != 0 || r.Stdout != " "+stopped+" \n" {
		t.Errorf("start: got\n%s", r)
	}
	img := e2etest.ImageName(t, "hx-trimimg")
	id := regexp.MustCompile(`^sha256:[0-9a-f]{64}\n$`)
	if e2etest.Podman() {
		id = regexp.MustCompile(`^[0-9a-f]{64}\n$`) // Podman's Id has no algorithm
	}
	if r := e2etest.Run(t, "commit", " "+stopped+" ", img); r.Code != 0 || !id.MatchString(r.Stdout) {
		t.Errorf("commit: got\n%s", r)
	}
	if r := e2etest.Run(t, "commit", "", "UPPER"); r.Code != 1 || r.Stderr != "invalid container name or ID: value is empty\n" {
		t.Errorf("commit with an empty name: got\n%s", r)
	}
}

// exec reports a missing container before a TTY problem, and the env file
// before either.
func TestExecErrorOrder(t *testing.T) {
	missing := e2etest.UniqueName(t, "hx-nope")
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"exec", "-it", missing, "true"}, e2etest.NoSuchContainer(t, missing) + "\n"},
		{[]string{"exec", "-it", "", "true"}, "invalid container name or ID: value is empty\n"},
		{[]string{"exec", "--env-file", "/nonexistent/env", "", "true"}, "open /nonexistent/env: no such file or directory\n"},
	}
	if e2etest.APIBelow("1.25") {
		tests[2].stderr = e2etest.Refusal("--env-file", "1.25") // too old for it: refused first
	}
	for _, tc := range tests {
		if r := e2etest.Run(t, tc.args...); r.Code != 1 || r.Stderr != tc.stderr {
			t.Errorf("%q: want %q; got\n%s", tc.args, tc.stderr, r)
		}
	}
	stopped := e2etest.ContainerName(t, "hx-exst")
	e2etest.RunOK(t, "create", "--name", stopped, "--network", "none", e2etest.Image, "true")
	if r := e2etest.Run(t, "exec", "-it", stopped, "true"); r.Code != 1 || r.Stderr != "the input device is not a TTY\n" {
		t.Errorf("exec -it on a stopped container without a terminal: got\n%s", r)
	}
}

// A refused attach upgrade is reported by its status only, as the reference does.
func TestAttachBadDetachKeys(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-adk")
	e2etest.RunOK(t, "run", "-d", "--name", name, "--network", "none", e2etest.Image, "sleep", "300")
	r := e2etest.Run(t, "attach", "--detach-keys", "ctrl-", name)
	// The status is the engine's (Podman's is 500).
	code, _ := e2etest.API(t, http.MethodPost, "/containers/"+name+"/attach?detachKeys=ctrl-&stderr=1&stdout=1&stream=1", nil)
	if r.Code != 1 || r.Stderr != fmt.Sprintf("unable to upgrade to tcp, received %d\n", code) {
		t.Fatalf("got\n%s", r)
	}
}

// --time is the hidden, deprecated spelling of --timeout.
func TestStopRestartDeprecatedTime(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-time")
	e2etest.RunOK(t, "create", "--name", name, "--network", "none", e2etest.Image, "sleep", "300")
	for _, cmd := range []string{"restart", "stop"} {
		r := e2etest.Run(t, cmd, "--time", "0", name)
		if r.Code != 0 || r.Stdout != "Flag --time has been deprecated, use --timeout instead\n"+name+"\n" {
			t.Errorf("%s --time: got\n%s", cmd, r)
		}
	}
}
