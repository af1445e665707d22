//go:build e2e

package container

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// Flag mistakes the client refuses before creating anything, worded and
// exited as the reference does (docker: ... + hint and 125, or a flag error).
func TestCreateRefusesBadFlags(t *testing.T) {
	dir := t.TempDir()
	badEnv := filepath.Join(dir, "bad.env")
	if err := os.WriteFile(badEnv, []byte("=x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	img := e2etest.Image
	hint := "\n\nRun 'docker create --help' for more information\n"
	tests := []struct {
		args   []string
		stderr string // exact, or a prefix when it ends with "…"
	}{
		{[]string{"--device", "/dev/null:/x:zz"}, "docker: bad mode specified: zz" + hint},
		{[]string{"--device", "/dev/null:rel"}, "docker: rel is not an absolute path" + hint},
		{[]string{"--device", "a:b:c:d"}, "docker: bad format for path: a:b:c:d" + hint},
		{[]string{"--restart", ":3"}, "docker: invalid restart policy format: no policy provided before colon" + hint},
		{[]string{"--restart", "on-failure:x"}, "docker: invalid restart policy format: maximum retry count must be an integer" + hint},
		{[]string{"--mac-address", "zz"}, "docker: zz is not a valid mac address" + hint},
		{[]string{"--network", ""}, "docker: no name set for network" + hint},
		{[]string{"--network", "bridge", "--network", "bridge"}, `docker: network "bridge" is specified multiple times` + hint},
		{[]string{"--network", "bridge", "--network", "hx-usernet"}, "docker: conflicting options: cannot attach both user-defined and non-user-defined network-modes" + hint},
		{[]string{"--ip", "1.2.3.4", "--network", "name=bridge,ip=1.2.3.5"}, "docker: conflicting options: cannot specify both --ip and per-network IPv4 address" + hint},
		{[]string{"--network-alias", "a", "--network", "name=hx-n,alias=b"}, "docker: conflicting options: cannot specify both --network-alias and per-network alias" + hint},
		{[]string{"-p", "abc/xyz"}, "docker: invalid containerPort: abc" + hint},
		{[]string{"--expose", "80-abc"}, `docker: invalid range format for --expose: 80-abc, error: strconv.ParseUint: parsing "abc": invalid syntax` + hint},
		{[]string{"--env-file", badEnv}, "docker: invalid env file (" + badEnv + "): no variable name on line '=x'" + hint},
		{[]string{"--dns", "notanip"}, `invalid argument "notanip" for "--dns" flag: IP address is not correctly formatted: notanip` + "…"},
		{[]string{"--link", "a:b:c"}, `invalid argument "a:b:c" for "--link" flag: bad format for links: a:b:c` + "…"},
		{[]string{"-e", ""}, `invalid argument "" for "-e, --env" flag: invalid environment variable: ` + "…"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := e2etest.Run(t, append(append([]string{"create"}, tc.args...), img)...)
			want, prefix := strings.CutSuffix(tc.stderr, "…")
			if r.Code != 125 || r.Stdout != "" || (prefix && !strings.HasPrefix(r.Stderr, want)) || (!prefix && r.Stderr != want) {
				t.Fatalf("want exit 125 and stderr %q; got\n%s", tc.stderr, r)
			}
		})
	}
}

// The hint after a run/create failure names the short form even when the
// command was spelled `docker container ...`.
func TestContainerRunHintNamesShortForm(t *testing.T) {
	r := e2etest.Run(t, "container", "run", "--rm", "-p", "abc", e2etest.Image)
	if r.Code != 125 || r.Stderr != "docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n" {
		t.Fatalf("got\n%s", r)
	}
}

// --platform is parsed (and normalized) by the client.
func TestCreatePlatformParsing(t *testing.T) {
	r := e2etest.Run(t, "create", "--platform", "a/b/c/d", e2etest.Image)
	if e2etest.APIBelow("1.32") {
		// Too old for --platform: refused before it is parsed.
		if r.Code != 1 || r.Stderr != e2etest.Refusal("--platform", "1.32") {
			t.Fatalf("platform at API %s: got\n%s", e2etest.APIVersion(), r)
		}
		return
	}
	if r.Code != 1 || r.Stderr != `error parsing specified platform: "a/b/c/d": cannot parse platform specifier: invalid argument`+"\n" {
		t.Fatalf("bad platform: got\n%s", r)
	}
	r = e2etest.Run(t, "run", "--rm", "--platform", "foo", e2etest.Image)
	if r.Code != 125 || !strings.HasPrefix(r.Stderr, `docker: error parsing specified platform: "foo": unknown operating system or architecture: invalid argument`) {
		t.Fatalf("run with bad platform: got\n%s", r)
	}
	name := e2etest.ContainerName(t, "hx-plat")
	e2etest.RunOK(t, "create", "--name", name, "--pull", "never", "--network", "none", "--platform", "LINUX/X86_64", e2etest.Image)
}

type inspected struct {
	Config struct {
		AttachStdin, AttachStdout, StdinOnce bool
		ExposedPorts                         map[string]struct{}
	}
	HostConfig struct {
		Devices []struct {
			PathOnHost, PathInContainer, CgroupPermissions string
		}
		DeviceRequests []struct {
			Driver    string
			DeviceIDs []string
		}
		PortBindings  map[string][]struct{ HostIp, HostPort string }
		RestartPolicy struct {
			Name              string
			MaximumRetryCount int
		}
	}
}

func inspectCreated(t *testing.T, args ...string) inspected {
	t.Helper()
	name := e2etest.ContainerName(t, "hx-flags")
	e2etest.RunOK(t, append([]string{"create", "--name", name}, args...)...)
	_, body := e2etest.API(t, http.MethodGet, "/containers/"+name+"/json", nil)
	var got inspected
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCreateFlagValuesReachTheDaemon(t *testing.T) {
	if e2etest.Podman() {
		// Podman checks a host device at create, by the path as sent, and
		// its inspect shows neither exposed ports nor attach settings nor
		// device requests: what reaches it and what it shows is checked.
		r := e2etest.Run(t, "create", "--network", "none", "--device", "/dev/x/../null:/a/../b", e2etest.Image)
		if r.Code != 1 || !strings.Contains(r.Stderr, "/dev/x/../null: no such file or directory") {
			t.Errorf("device path not sent as given: %s", r)
		}
		got := inspectCreated(t, "--network", "none", "--restart", "on-failure:", e2etest.Image)
		if rp := got.HostConfig.RestartPolicy; rp.Name != "on-failure" || rp.MaximumRetryCount != 0 {
			t.Errorf("restart policy %+v", rp)
		}
		return
	}
	got := inspectCreated(t, "--network", "none", "--device", "/dev/x/../null:/a/../b", "--device", "vendor.com/class=name",
		"-p", "80/", "-p", "81/udp/x", "--expose", "90/UDP", "--restart", "on-failure:", "-i", "-a", "stdout", e2etest.Image)
	if d := got.HostConfig.Devices; len(d) != 1 || d[0].PathOnHost != "/dev/x/../null" || d[0].PathInContainer != "/b" || d[0].CgroupPermissions != "rwm" {
		t.Errorf("devices %+v", d)
	}
	if r := got.HostConfig.DeviceRequests; len(r) != 1 || r[0].Driver != "cdi" || len(r[0].DeviceIDs) != 1 || r[0].DeviceIDs[0] != "vendor.com/class=name" {
		t.Errorf("device requests %+v", r)
	}
	for _, p := range []string{"80/tcp", "81/udp", "90/UDP"} {
		if _, ok := got.Config.ExposedPorts[p]; !ok {
			t.Errorf("%s not exposed: %v", p, got.Config.ExposedPorts)
		}
	}
	if rp := got.HostConfig.RestartPolicy; rp.Name != "on-failure" || rp.MaximumRetryCount != 0 {
		t.Errorf("restart policy %+v", rp)
	}
	if !got.Config.AttachStdin || !got.Config.AttachStdout || !got.Config.StdinOnce {
		t.Errorf("-i with -a stdout must attach stdin too: %+v", got.Config)
	}
}

// A per-network MAC address needs API 1.44; older daemons get the
// reference's refusal before anything is created.
func TestCreateMACAddressNeedsAPI144(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-mac")
	r := e2etest.Run(t, "create", "--name", name, "--mac-address", "92:d0:c6:0a:29:33", e2etest.Image)
	if e2etest.APIBelow("1.44") {
		want := `"specify mac-address per network" requires API version 1.44, but the Docker daemon API version is ` + e2etest.APIVersion() + "\n"
		if r.Code != 1 || r.Stderr != want || e2etest.Exists(t, "container", name) {
			t.Fatalf("want %q and no container; got\n%s", want, r)
		}
		return
	}
	if r.Code != 0 {
		t.Fatalf("API %s: got\n%s", e2etest.APIVersion(), r)
	}
}

func TestCreateWarnsAboutLocalhostDNS(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-dns")
	r := e2etest.RunOK(t, "create", "--name", name, "--network", "none", "--dns", "1.1.1.1", "--dns", "127.0.0.2", "--dns", "::1", e2etest.Image)
	if r.Stderr != "WARNING: Localhost DNS (127.0.0.2) may fail in containers.\n" {
		t.Fatalf("want one warning for the first loopback server; got\n%s", r)
	}
}

// run -d prints the ID before starting, so a failed start still names it.
func TestRunDetachedFailedStartPrintsID(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-dfail")
	r := e2etest.Run(t, "run", "-d", "--name", name, "--network", "none", e2etest.Image, "nosuchcommand")
	if r.Code != 127 || !regexp.MustCompile(`^[0-9a-f]{64}\n$`).MatchString(r.Stdout) || !strings.HasPrefix(r.Stderr, "docker: Error response from daemon: ") {
		t.Fatalf("want the ID, exit 127 and the daemon's error; got\n%s", r)
	}
}
