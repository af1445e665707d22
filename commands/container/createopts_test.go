package container

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/config"
)

// parseCreate parses run/create flags followed by IMAGE [CMD...] and builds the request.
func parseCreate(t *testing.T, args ...string) (createRequest, error) {
	t.Helper()
	fs := pflag.NewFlagSet("create", pflag.ContinueOnError)
	fs.SetInterspersed(false)
	var f containerFlags
	addContainerFlags(fs, &f, "")
	if err := fs.Parse(args); err != nil {
		return createRequest{}, err
	}
	rest := fs.Args()
	return f.request(rest[0], rest[1:], false, [2]uint{})
}

// The golden bodies were sent by the reference CLI for the same arguments
// (captured on the wire), so field order and null/[]/{} choices must match.
func TestCreateBodyMatchesReference(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"create-default.json", []string{"compat-busybox", "echo", "hi"}},
		{"create-many.json", []string{"--name", "hx-g2", "--rm", "-i", "-p", "127.0.0.1:8080:80/udp", "--expose", "9000-9001",
			"-v", "/tmp:/host:ro", "-v", "/anon", "-e", "A=1", "-l", "k=v", "--health-cmd", "true", "--health-interval", "5s",
			"-m", "64m", "--memory-swap", "-1", "--cpus", "1.5", "--add-host", "foo=1.2.3.4", "--dns", "8.8.8.8", "--init",
			"--cap-add", "net_admin", "--stop-signal", "SIGUSR1", "--stop-timeout", "7", "--entrypoint", "/bin/sh", "-w", "/w",
			"-u", "1000", "--hostname", "hh", "--tmpfs", "/run:size=1m", "--ulimit", "nofile=1024:2048",
			"--mount", "type=tmpfs,dst=/t2,tmpfs-size=1m", "--sysctl", "net.ipv4.ip_forward=1", "--log-opt", "max-size=1m",
			"--device", "/dev/null:/dev/xnull", "--device-read-bps", "/dev/null:1mb", "compat-busybox", "-c", "echo hi"}},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
			if err != nil {
				t.Fatal(err)
			}
			req, err := parseCreate(t, tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(req.Body)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, bytes.TrimSpace(want)) {
				t.Errorf("body differs from the reference's\n got: %s\nwant: %s", got, bytes.TrimSpace(want))
			}
		})
	}
}

// field returns the compact JSON at a dotted path of the body.
func field(t *testing.T, body engine.ContainerCreateRequest, path string) string {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	_ = json.Unmarshal(raw, &v)
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return "<missing>"
		}
		if v, ok = m[k]; !ok {
			return "<missing>"
		}
	}
	out, _ := json.Marshal(v)
	return string(out)
}

func TestCreateFlagsToBody(t *testing.T) {
	tests := []struct {
		name string
		args []string
		path string
		want string
	}{
		{"no command", []string{"img"}, "Cmd", "null"},
		{"empty entrypoint resets it", []string{"--entrypoint=", "img"}, "Entrypoint", `[""]`},
		{"entrypoint unset", []string{"img"}, "Entrypoint", "null"},
		{"flags after the image belong to the command", []string{"img", "-it", "--rm"}, "Cmd", `["-it","--rm"]`},
		{"attach stdin and stderr only", []string{"-a", "stdin", "-a", "STDERR", "img"}, "AttachStdout", "false"},
		{"attach stdin without -i", []string{"-a", "stdin", "img"}, "OpenStdin", "false"},
		{"interactive", []string{"-i", "img"}, "StdinOnce", "true"},
		{"-i attaches stdin even with -a", []string{"-i", "-a", "stdout", "img"}, "AttachStdin", "true"},
		{"-i with -a stdout: stdin once", []string{"-i", "-a", "stdout", "img"}, "StdinOnce", "true"},
		{"env file first, bare unknown names dropped", []string{"-e", "X=1", "--env-file", "testdata/env", "img"}, "Env", `["A=1","C=x y","X=1"]`},
		{"bare label is empty", []string{"-l", "lab", "img"}, "Labels", `{"lab":""}`},
		{"label file", []string{"--label-file", "testdata/labels", "-l", "k=v", "img"}, "Labels", `{"k":"v","la":"1"}`},
		{"publish range", []string{"-p", "127.0.0.1:9000-9001:90-91/udp", "img"}, "HostConfig.PortBindings",
			`{"90/udp":[{"HostIp":"127.0.0.1","HostPort":"9000"}],"91/udp":[{"HostIp":"127.0.0.1","HostPort":"9001"}]}`},
		{"publish container port only", []string{"-p", "80", "img"}, "HostConfig.PortBindings", `{"80/tcp":[{"HostIp":"","HostPort":""}]}`},
		{"publish exposes", []string{"-p", "8080:80", "img"}, "ExposedPorts", `{"80/tcp":{}}`},
		{"restart policy", []string{"--restart", "on-failure:3", "img"}, "HostConfig.RestartPolicy", `{"MaximumRetryCount":3,"Name":"on-failure"}`},
		{"named network", []string{"--network", "mynet", "img"}, "NetworkingConfig.EndpointsConfig", `{}`},
		{"network mode", []string{"--network", "host", "img"}, "HostConfig.NetworkMode", `"host"`},
		{"network alias", []string{"--network", "mynet", "--network-alias", "al", "img"}, "NetworkingConfig.EndpointsConfig.mynet.Aliases", `["al"]`},
		{"capabilities normalized", []string{"--cap-add", "net_admin", "--cap-add", "ALL", "img"}, "HostConfig.CapAdd", `["CAP_NET_ADMIN","ALL"]`},
		{"init only when given", []string{"img"}, "HostConfig.Init", "<missing>"},
		{"init=false is sent", []string{"--init=false", "img"}, "HostConfig.Init", "false"},
		{"stop timeout only when given", []string{"img"}, "StopTimeout", "<missing>"},
		{"stop timeout zero is sent", []string{"--stop-timeout", "0", "img"}, "StopTimeout", "0"},
		{"memory units", []string{"-m", "1g", "img"}, "HostConfig.Memory", "1073741824"},
		{"cpus", []string{"--cpus", "0.25", "img"}, "HostConfig.NanoCpus", "250000000"},
		{"no healthcheck", []string{"--no-healthcheck", "img"}, "Healthcheck", `{"Test":["NONE"]}`},
		{"swappiness default", []string{"img"}, "HostConfig.MemorySwappiness", "-1"},
		{"gpus all", []string{"--gpus", "all", "img"}, "HostConfig.DeviceRequests",
			`[{"Capabilities":[["gpu"]],"Count":-1,"DeviceIDs":null,"Driver":"","Options":{}}]`},
		{"bind volume vs anonymous", []string{"-v", "/a:/b", "-v", "/c", "img"}, "Volumes", `{"/c":{}}`},
		{"binds sent once", []string{"-v", "/a:/b", "-v", "/c:/d", "-v", "/a:/b", "img"}, "HostConfig.Binds", `["/a:/b","/c:/d"]`},
		{"two characters are an anonymous volume", []string{"-v", ":", "img"}, "Volumes", `{":":{}}`},
		{"drive letter is no bind", []string{"-v", "a:b", "img"}, "HostConfig.Binds", "null"},
		{"bind mount", []string{"--mount", "type=bind,src=/tmp,dst=/m,readonly", "img"}, "HostConfig.Mounts",
			`[{"ReadOnly":true,"Source":"/tmp","Target":"/m","Type":"bind"}]`},
		{"platform query", []string{"--platform", "linux/arm64", "img"}, "Image", `"img"`},
		{"device paths cleaned", []string{"--device", "/dev/x/../null:/a/../b", "img"}, "HostConfig.Devices",
			`[{"CgroupPermissions":"rwm","PathInContainer":"/b","PathOnHost":"/dev/x/../null"}]`},
		{"device with mode only", []string{"--device", "/dev/x/../null:rw", "img"}, "HostConfig.Devices",
			`[{"CgroupPermissions":"rw","PathInContainer":"/dev/null","PathOnHost":"/dev/null"}]`},
		{"CDI device is a request", []string{"--device", "vendor.com/class=name", "img"}, "HostConfig.DeviceRequests",
			`[{"Capabilities":null,"Count":0,"DeviceIDs":["vendor.com/class=name"],"Driver":"cdi","Options":null}]`},
		{"empty restart count", []string{"--restart", "on-failure:", "img"}, "HostConfig.RestartPolicy", `{"MaximumRetryCount":0,"Name":"on-failure"}`},
		{"one plain network has no endpoint", []string{"--network", "none", "img"}, "NetworkingConfig.EndpointsConfig", `{}`},
		{"several networks all get endpoints", []string{"--network", "n1", "--network", "n2", "img"}, "NetworkingConfig.EndpointsConfig",
			`{"n1":{"Aliases":null,"DNSNames":null,"DriverOpts":null,"EndpointID":"","Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"GwPriority":0,"IPAMConfig":null,"IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","Links":null,"MacAddress":"","NetworkID":""},"n2":{"Aliases":null,"DNSNames":null,"DriverOpts":null,"EndpointID":"","Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"GwPriority":0,"IPAMConfig":null,"IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","Links":null,"MacAddress":"","NetworkID":""}}`},
		{"links go to a user-defined network", []string{"--network", "n1", "--link", "c:al", "img"}, "NetworkingConfig.EndpointsConfig.n1.Links", `["c:al"]`},
		{"mac address moves to the network", []string{"--mac-address", "92:d0:c6:0a:29:33", "img"}, "NetworkingConfig.EndpointsConfig.default.MacAddress", `"92:d0:c6:0a:29:33"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := parseCreate(t, tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			if got := field(t, req.Body, tc.path); got != tc.want {
				t.Errorf("%s = %s, want %s", tc.path, got, tc.want)
			}
		})
	}
}

func TestCreateFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-p", "80:80:80", "img"}, "invalid IP address: 80"},
		{[]string{"-p", "abc", "img"}, "invalid containerPort: abc"},
		{[]string{"-m", "12x", "img"}, `invalid argument "12x" for "-m, --memory" flag: invalid suffix: 'x'`},
		{[]string{"--cpus", "abc", "img"}, `invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number`},
		{[]string{"--add-host", "foo", "img"}, `invalid argument "foo" for "--add-host" flag: bad format for add-host: "foo"`},
		{[]string{"--ulimit", "foo", "img"}, `invalid argument "foo" for "--ulimit" flag: invalid ulimit argument: foo`},
		{[]string{"--mount", "type=bind,src=/tmp", "img"}, `invalid argument "type=bind,src=/tmp" for "--mount" flag: target is required`},
		{[]string{"-l", "=b", "img"}, `invalid argument "=b" for "-l, --label" flag: invalid label '=b': empty name`},
		{[]string{"--sysctl", "a.b=c", "img"}, `invalid argument "a.b=c" for "--sysctl" flag: sysctl 'a.b=c' is not allowed`},
		{[]string{"-a", "stdfoo", "img"}, `invalid argument "stdfoo" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR`},
		{[]string{"--rm", "--restart", "always", "img"}, "conflicting options: cannot specify both --restart and --rm"},
		{[]string{"--env-file", "/nonexistent/env", "img"}, "open /nonexistent/env: no such file or directory"},
		{[]string{"--no-healthcheck", "--health-cmd", "x", "img"}, "--no-healthcheck conflicts with --health-* options"},
		{[]string{"--memory-swappiness", "101", "img"}, "invalid value: 101. Valid memory swappiness range is 0-100"},
		{[]string{"--network-alias", "al", "img"}, "network-scoped aliases are only supported for user-defined networks"},
		{[]string{"--device", "/dev/null:/x:zz", "img"}, "bad mode specified: zz"},
		{[]string{"--device", "/dev/null:/x:rr", "img"}, "bad mode specified: rr"},
		{[]string{"--device", "a:b:c:d", "img"}, "bad format for path: a:b:c:d"},
		{[]string{"--device", "", "img"}, "bad format for path: "},
		{[]string{"--device", "relative", "img"}, "relative is not an absolute path"},
		{[]string{"--device", "/dev/null:rel", "img"}, "rel is not an absolute path"},
		{[]string{"--restart", ":3", "img"}, "invalid restart policy format: no policy provided before colon"},
		{[]string{"--restart", "on-failure:x", "img"}, "invalid restart policy format: maximum retry count must be an integer"},
		{[]string{"--env-file", "testdata/bad-env", "img"}, "invalid env file (testdata/bad-env): variable 'A B' contains whitespaces"},
		{[]string{"--dns", "x", "img"}, `invalid argument "x" for "--dns" flag: IP address is not correctly formatted: x`},
		{[]string{"--link", "a:b:c", "img"}, `invalid argument "a:b:c" for "--link" flag: bad format for links: a:b:c`},
		{[]string{"--mac-address", "zz", "img"}, "zz is not a valid mac address"},
		{[]string{"--network", "name=n,mac-address=zz", "img"}, "zz is not a valid mac address"},
		{[]string{"--network", "", "img"}, "no name set for network"},
		{[]string{"--network", "n", "--network", "n", "img"}, `network "n" is specified multiple times`},
		{[]string{"--network", "bridge", "--network", "n", "img"}, "conflicting options: cannot attach both user-defined and non-user-defined network-modes"},
		{[]string{"--ip", "1.2.3.4", "--network", "name=n,ip=1.2.3.5", "img"}, "conflicting options: cannot specify both --ip and per-network IPv4 address"},
		{[]string{"--ip6", "::1", "--network", "name=n,ip6=::2", "img"}, "conflicting options: cannot specify both --ip6 and per-network IPv6 address"},
		{[]string{"--network-alias", "a", "--network", "name=n,alias=b", "img"}, "conflicting options: cannot specify both --network-alias and per-network alias"},
		{[]string{"--mac-address", "92:d0:c6:0a:29:33", "--network", "name=n,mac-address=92:d0:c6:0a:29:34", "img"}, "conflicting options: cannot specify both --mac-address and per-network MAC address"},
		{[]string{"--link-local-ip", "169.254.0.1", "--network", "name=n,link-local-ip=169.254.0.2", "img"}, "conflicting options: cannot specify both --link-local-ip and per-network link-local IP addresses"},
		{[]string{"-v", ":/volume", "img"}, "invalid spec: :/volume: empty section between colons"},
		{[]string{"-v", "", "img"}, "invalid empty volume spec"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, err := parseCreate(t, tc.args...)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// A -v value the reference refuses itself fails with 125 before any request
// (the fake engine fails the test on any).
func TestVolumeSpecRefusedLocally(t *testing.T) {
	for _, tc := range []struct {
		build func(*cli.CLI) *cobra.Command
		args  []string
		want  string
	}{
		{newRunCommand, []string{"-v", ":/volume", "busybox"}, "docker: invalid spec: :/volume: empty section between colons\n\nRun 'docker run --help' for more information"},
		{newCreateCommand, []string{"-v", "", "busybox"}, "docker: invalid empty volume spec\n\nRun 'docker create --help' for more information"},
	} {
		r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, tc.build, tc.args...)
		var se *cli.StatusError
		if !errors.As(r.RunErr, &se) || se.Code != 125 || se.Msg != tc.want {
			t.Errorf("%q: got %v, want exit 125 %q", tc.args, r.RunErr, tc.want)
		}
	}
}

func TestUsageFailureExitCodes(t *testing.T) {
	cmd := newRunCommand(nil)
	(&cobra.Command{Use: "docker"}).AddCommand(cmd)
	tests := []struct {
		msg  string
		code int
	}{
		{`exec: "nosuch": executable file not found in $PATH: unknown`, 127},
		{`chdir to cwd: no such file or directory`, 127},
		{`exec: "/etc": permission denied: unknown`, 126},
		{`read /x: is a directory`, 126},
		{`Conflict. The container name "/x" is already in use`, 125},
	}
	for _, tc := range tests {
		err := usageFailure(cmd, errorString(tc.msg), true)
		want := "docker: " + tc.msg + "\n\nRun 'docker run --help' for more information"
		var se *cli.StatusError
		if !errors.As(err, &se) {
			t.Fatalf("%q: not a StatusError: %v", tc.msg, err)
		}
		if se.Msg != want || se.Code != tc.code {
			t.Errorf("got exit %d %q, want exit %d %q", se.Code, se.Msg, tc.code, want)
		}
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

func TestWithProxyEnv(t *testing.T) {
	cfg := &config.File{Proxies: map[string]config.ProxyConfig{
		"default":                     {HTTPProxy: "http://p:3128", NoProxy: "localhost"},
		"unix:///var/run/docker.sock": {HTTPSProxy: "https://s"},
	}}
	got := withProxyEnv(cfg, "tcp://other:2375", []string{"http_proxy=mine", "A=1"})
	want := []string{"http_proxy=mine", "A=1", "HTTP_PROXY=http://p:3128", "NO_PROXY=localhost", "no_proxy=localhost"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("default entry: got %q, want %q", got, want)
	}
	got = withProxyEnv(cfg, "unix:///var/run/docker.sock", nil)
	want = []string{"HTTPS_PROXY=https://s", "https_proxy=https://s"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("host entry: got %q, want %q", got, want)
	}
	if got := withProxyEnv(&config.File{}, "x", []string{"A=1"}); len(got) != 1 {
		t.Errorf("no proxies: %q", got)
	}
}

// Under `docker container`, the hint still names the short form, as the reference's does.
func TestUsageFailureHintNamesShortForm(t *testing.T) {
	create := newCreateCommand(nil)
	group := &cobra.Command{Use: "container"}
	group.AddCommand(create)
	(&cobra.Command{Use: "docker"}).AddCommand(group)
	err := usageFailure(create, errorString("invalid containerPort: abc"), false)
	var se *cli.StatusError
	if !errors.As(err, &se) || se.Code != 125 {
		t.Fatalf("got %v", err)
	}
	if want := "docker: invalid containerPort: abc\n\nRun 'docker create --help' for more information"; se.Msg != want {
		t.Errorf("got %q, want %q", se.Msg, want)
	}
}

func TestLocalhostDNS(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"1.1.1.1", "8.8.8.8"}, ""},
		{[]string{"1.1.1.1", "127.1.2.3", "::1"}, "127.1.2.3"},
		{[]string{"::1"}, "::1"},
		{[]string{"::2"}, ""},
	} {
		if got := localhostDNS(tc.in); got != tc.want {
			t.Errorf("localhostDNS(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCreateContentTrust: with content trust on, a tag is resolved through
// the notary server first (here one that refuses connections); a digest
// is used as it is.
func TestCreateContentTrust(t *testing.T) {
	t.Setenv("DOCKER_CONTENT_TRUST", "1")
	t.Setenv("DOCKER_CONTENT_TRUST_SERVER", "https://127.0.0.1:1")
	const digest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /containers/create": {Status: 201, Body: `{"Id":"abc"}`}}}
	r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, "busybox:1")
	if want := "Error: error contacting notary server: dial tcp 127.0.0.1:1: connect: connection refused"; r.ErrText() != want || len(e.Requests()) != 0 {
		t.Errorf("tag: %q, %d requests", r.ErrText(), len(e.Requests()))
	}
	r = clitest.Run(t, e, clitest.Options{}, newCreateCommand, "busybox@"+digest)
	if r.RunErr != nil || r.Out != "abc\n" {
		t.Errorf("digest: %v %q", r.RunErr, r.Out)
	}
}
