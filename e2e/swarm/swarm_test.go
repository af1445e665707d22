//go:build e2e

package swarm

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestJoinTokenAndInfo(t *testing.T) {
	n1 := nodes(t)[0]
	r := e2etest.RunOK(t, "swarm", "join-token", "worker")
	want := regexp.MustCompile(`^To add a worker to this swarm, run the following command:\n\n    docker swarm join --token SWMTKN-1-[0-9a-z-]+ ` +
		regexp.QuoteMeta(n1.addr+":"+port()) + "\n\n$")
	if !want.MatchString(r.Stdout) {
		t.Fatalf("join-token worker: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "swarm", "join-token", "-q", "manager")
	if !strings.HasPrefix(r.Stdout, "SWMTKN-1-") || strings.Count(r.Stdout, "\n") != 1 {
		t.Fatalf("join-token -q manager: %q", r.Stdout)
	}
	before := r.Stdout
	r = e2etest.RunOK(t, "swarm", "join-token", "--rotate", "-q", "manager")
	if r.Stdout == before || !strings.HasPrefix(r.Stdout, "SWMTKN-1-") {
		t.Fatalf("rotated token %q, was %q", r.Stdout, before)
	}
	r = e2etest.Run(t, "swarm", "join-token", "foo")
	if r.Code != 1 || r.Stderr != "unknown role foo\n" {
		t.Fatalf("unknown role: %s", r)
	}
	r = e2etest.RunOK(t, "info")
	for _, line := range []string{" Swarm: active\n", "  Is Manager: true\n", "  Raft:\n   Snapshot Interval: ",
		"  Node Address: " + n1.addr + "\n", "  Manager Addresses:\n   " + n1.addr + ":" + port() + "\n"} {
		if !strings.Contains(r.Stdout, line) {
			t.Errorf("info lacks %q:\n%s", line, r.Stdout)
		}
	}
}

func TestInitAndJoinOnAMember(t *testing.T) {
	r := e2etest.Run(t, "swarm", "init")
	if r.Code != 1 || !strings.HasPrefix(r.Stderr, "Error response from daemon: This node is already part of a swarm.") {
		t.Fatalf("init: %s", r)
	}
	r = e2etest.Run(t, "swarm", "join", "--token", "SWMTKN-1-bogus", "127.0.0.1:2377")
	if r.Code != 1 || !strings.Contains(r.Stderr, "This node is already part of a swarm") {
		t.Fatalf("join: %s", r)
	}
	r = e2etest.Run(t, "swarm", "leave")
	if r.Code != 1 || !strings.Contains(r.Stderr, "Use `--force` to ") {
		t.Fatalf("leave as a manager: %s", r)
	}
	r = e2etest.Run(t, "swarm", "init", "--availability", "bogus")
	if r.Code != 1 || r.Stderr != "invalid availability \"bogus\", only active, pause and drain are supported\n" {
		t.Fatalf("init --availability: %s", r)
	}
	r = e2etest.Run(t, "swarm", "init", "--external-ca", "url=x")
	if r.Code != 125 || !strings.HasPrefix(r.Stderr, `invalid argument "url=x" for "--external-ca" flag: the external-ca option needs a protocol= parameter`) {
		t.Fatalf("init --external-ca: %s", r)
	}
}

func TestUpdateAndAutolock(t *testing.T) {
	defer e2etest.Run(t, "swarm", "update", "--autolock=false", "--task-history-limit", "5", "--dispatcher-heartbeat", "5s")
	r := e2etest.RunOK(t, "swarm", "update", "--task-history-limit", "7", "--dispatcher-heartbeat", "6s")
	if r.Stdout != "Swarm updated.\n" {
		t.Fatalf("update: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "info", "--format", "{{json .Swarm.Cluster.Spec.Orchestration}} {{.Swarm.Cluster.Spec.Dispatcher.HeartbeatPeriod}}")
	if r.Stdout != `{"TaskHistoryRetentionLimit":7} 6s`+"\n" {
		t.Fatalf("spec after update: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "swarm", "update", "--autolock=true")
	key := regexp.MustCompile(`SWMKEY-1-[A-Za-z0-9+/=]+`).FindString(r.Stdout)
	if !strings.HasPrefix(r.Stdout, "Swarm updated.\nTo unlock a swarm manager after it restarts, run the `docker swarm unlock`\n") || key == "" {
		t.Fatalf("autolock on: %q", r.Stdout)
	}
	if r = e2etest.RunOK(t, "swarm", "unlock-key", "-q"); r.Stdout != key+"\n" {
		t.Fatalf("unlock-key -q: %q, want %s", r.Stdout, key)
	}
	r = e2etest.RunOK(t, "swarm", "unlock-key", "--rotate")
	if !strings.HasPrefix(r.Stdout, "Successfully rotated manager unlock key.\nTo unlock a swarm manager") || strings.Contains(r.Stdout, key) {
		t.Fatalf("unlock-key --rotate: %q", r.Stdout)
	}
	r = e2etest.RunStdin(t, key+"\n", "swarm", "unlock")
	if r.Code != 1 || r.Stderr != "Error: swarm is not locked\n" {
		t.Fatalf("unlock of an unlocked manager: %s", r)
	}
	e2etest.RunOK(t, "swarm", "update", "--autolock=false")
	r = e2etest.Run(t, "swarm", "unlock-key")
	if r.Code != 1 || r.Stderr != "no unlock key is set\n" {
		t.Fatalf("unlock-key without autolock: %s", r)
	}
	r = e2etest.Run(t, "swarm", "unlock-key", "--rotate")
	if r.Code != 1 || r.Stderr != "cannot rotate because autolock is not turned on\n" {
		t.Fatalf("unlock-key --rotate without autolock: %s", r)
	}
}

func TestCARotation(t *testing.T) {
	before := e2etest.RunOK(t, "swarm", "ca").Stdout
	if !strings.HasPrefix(before, "-----BEGIN CERTIFICATE-----\n") || !strings.HasSuffix(before, "-----END CERTIFICATE-----\n") {
		t.Fatalf("swarm ca: %q", before)
	}
	r := e2etest.RunOK(t, "swarm", "ca", "--rotate")
	lines := strings.Split(r.Stdout, "\n")
	if lines[0] != "desired root digest: " || lines[1] != "  rotated TLS certificates: " || lines[2] != "  rotated CA certificates:  " ||
		!strings.HasPrefix(lines[3], "desired root digest: sha256:") || !strings.Contains(r.Stdout, "\n-----BEGIN CERTIFICATE-----\n") {
		t.Fatalf("ca --rotate:\n%s", r.Stdout)
	}
	after := e2etest.RunOK(t, "swarm", "ca").Stdout
	if after == before || !strings.HasSuffix(r.Stdout, after) {
		t.Fatalf("the root did not change, or is not the one printed:\n%s\n%s", r.Stdout, after)
	}
	r = e2etest.Run(t, "swarm", "ca", "--cert-expiry", "10h")
	if r.Code != 1 || r.Stderr != "`--cert-expiry` flag requires the `--rotate` flag to update the CA\n" {
		t.Fatalf("ca --cert-expiry: %s", r)
	}
}

// TestVolumeUpdateNeedsAPI142: the engine (20.10) has no cluster volumes.
func TestVolumeUpdateNeedsAPI142(t *testing.T) {
	r := e2etest.Run(t, "volume", "update", "--availability", "drain", "e2e-vol")
	if r.Code != 1 || !strings.HasPrefix(r.Stderr, "docker volume update requires API version 1.42, but the Docker daemon API version is 1.4") {
		t.Fatalf("volume update: %s", r)
	}
}
