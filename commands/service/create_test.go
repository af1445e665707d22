package service

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// lookups are the replies to the name lookups of create and update.
var lookups = map[string]clitest.Reply{
	"GET /distribution/busybox:latest/json": {Status: 500, Body: `{"message":"no such host"}`},
	"GET /secrets":                          {Body: `[{"ID":"sid1","Spec":{"Name":"s1"}},{"ID":"sid2","Spec":{"Name":"s2"}}]`},
	"GET /configs":                          {Body: `[{"ID":"cid1","Spec":{"Name":"c1"}}]`},
	"GET /networks/net1":                    {Body: `{"Name":"net1","Id":"nid1"}`},
	"GET /networks/nope":                    clitest.NotFound("network nope not found"),
	"POST /services/create":                 {Status: 201, Body: `{"ID":"newid"}`},
}

func replies(extra map[string]clitest.Reply) map[string]clitest.Reply {
	out := map[string]clitest.Reply{}
	for k, v := range lookups {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

const imageWarning = "image busybox:latest could not be accessed on a registry to record\n" +
	"its digest. Each node will access busybox:latest independently,\n" +
	"possibly leading to different nodes running different\n" +
	"versions of the image.\n\n"

// The bodies are what the reference sent for the same flags (through a
// logging proxy to a 20.10 manager).
func TestCreate(t *testing.T) {
	cases := []struct {
		name string
		args []string
		body string
	}{
		{"plain", []string{"--name", "web", "--replicas", "3", "busybox", "sleep", "3600"},
			`{"Name":"web","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Args":["sleep","3600"],"Init":false,"DNSConfig":{}},"Resources":{"Limits":{},"Reservations":{}},"Placement":{},"ForceUpdate":0},"Mode":{"Replicated":{"Replicas":3}},"EndpointSpec":{"Mode":"vip"}}`},
		{"many", []string{"--name", "big", "--mode", "global", "--publish", "published=8095,target=80,protocol=udp,mode=host", "-p", "8096:81",
			"--secret", "source=s1,target=x,uid=5,gid=6,mode=0400", "--config", "c1", "--constraint", "node.role==manager",
			"--placement-pref", "spread=node.labels.dc", "--label", "a=b", "--container-label", "c=d", "--env", "X=1", "--dns", "1.1.1.1",
			"--dns-option", "ndots:2", "--dns-search", "example.com", "--host", "h1:1.2.3.4", "--hostname", "hh", "--user", "nobody",
			"--workdir", "/tmp", "--entrypoint", "sh -c", "--init", "--isolation", "default", "--group", "10", "--cap-add", "NET_ADMIN",
			"--cap-drop", "CHOWN", "--sysctl", "net.core.somaxconn=100", "--ulimit", "nofile=100:200", "--limit-cpu", "0.5",
			"--limit-memory", "64m", "--limit-pids", "50", "--reserve-cpu", "0.1", "--reserve-memory", "10m", "--generic-resource", "gpu=1",
			"--log-driver", "json-file", "--log-opt", "max-size=1m", "--read-only", "--stop-signal", "SIGTERM", "--stop-grace-period", "3s",
			"--tty", "--health-cmd", "true", "--health-interval", "5s", "--health-retries", "3", "--health-timeout", "2s",
			"--health-start-period", "1s", "--rollback-delay", "1s", "--rollback-failure-action", "continue", "--rollback-max-failure-ratio", "0.5",
			"--rollback-monitor", "2s", "--rollback-order", "start-first", "--rollback-parallelism", "3", "--update-delay", "4s",
			"--update-failure-action", "rollback", "--update-max-failure-ratio", "0.2", "--update-monitor", "3s", "--update-order", "start-first",
			"--update-parallelism", "0", "--restart-condition", "any", "--restart-delay", "2s", "--restart-max-attempts", "4", "--restart-window", "10s",
			"--endpoint-mode", "vip", "--network", "name=net1,alias=foo,driver-opt=a=b", "--mount", "type=tmpfs,target=/t,tmpfs-size=1m",
			"--no-resolve-image", "busybox", "sleep", "100"},
			`{"Name":"big","Labels":{"a":"b"},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Labels":{"c":"d"},"Command":["sh","-c"],"Args":["sleep","100"],"Hostname":"hh","Env":["X=1"],"Dir":"/tmp","User":"nobody","Groups":["10"],"Init":true,"StopSignal":"SIGTERM","TTY":true,"ReadOnly":true,"Mounts":[{"Type":"tmpfs","Target":"/t","TmpfsOptions":{"SizeBytes":1048576}}],"StopGracePeriod":3000000000,"Healthcheck":{"Test":["CMD-SHELL","true"],"Interval":5000000000,"Timeout":2000000000,"StartPeriod":1000000000,"Retries":3},"Hosts":["1.2.3.4 h1"],"DNSConfig":{"Nameservers":["1.1.1.1"],"Search":["example.com"],"Options":["ndots:2"]},"Secrets":[{"File":{"Name":"x","UID":"5","GID":"6","Mode":256},"SecretID":"sid1","SecretName":"s1"}],"Configs":[{"File":{"Name":"c1","UID":"0","GID":"0","Mode":292},"ConfigID":"cid1","ConfigName":"c1"}],"Isolation":"default","Sysctls":{"net.core.somaxconn":"100"},"CapabilityAdd":["CAP_NET_ADMIN"],"CapabilityDrop":["CAP_CHOWN"],"Ulimits":[{"Name":"nofile","Hard":200,"Soft":100}]},"Resources":{"Limits":{"NanoCPUs":500000000,"MemoryBytes":67108864,"Pids":50},"Reservations":{"NanoCPUs":100000000,"MemoryBytes":10485760,"GenericResources":[{"DiscreteResourceSpec":{"Kind":"gpu","Value":1}}]}},"RestartPolicy":{"Condition":"any","Delay":2000000000,"MaxAttempts":4,"Window":10000000000},"Placement":{"Constraints":["node.role==manager"],"Preferences":[{"Spread":{"SpreadDescriptor":"node.labels.dc"}}]},"Networks":[{"Target":"nid1","Aliases":["foo"],"DriverOpts":{"a":"b"}}],"LogDriver":{"Name":"json-file","Options":{"max-size":"1m"}},"ForceUpdate":0},"Mode":{"Global":{}},"UpdateConfig":{"Parallelism":0,"Delay":4000000000,"FailureAction":"rollback","Monitor":3000000000,"MaxFailureRatio":0.2,"Order":"start-first"},"RollbackConfig":{"Parallelism":3,"Delay":1000000000,"FailureAction":"continue","Monitor":2000000000,"MaxFailureRatio":0.5,"Order":"start-first"},"EndpointSpec":{"Mode":"vip","Ports":[{"Protocol":"udp","TargetPort":80,"PublishedPort":8095,"PublishMode":"host"},{"Protocol":"tcp","TargetPort":81,"PublishedPort":8096,"PublishMode":"ingress"}]}}`},
		{"job", []string{"--mode", "replicated-job", "--replicas", "3", "--replicas-max-per-node", "2", "--no-healthcheck", "--credential-spec", "config://c1", "busybox", "true"},
			`{"Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Args":["true"],"Privileges":{"CredentialSpec":{"Config":"cid1","File":"","Registry":""},"SELinuxContext":null,"NoNewPrivileges":false},"Init":false,"Healthcheck":{"Test":["NONE"]},"DNSConfig":{},"Configs":[{"Runtime":{},"ConfigID":"cid1","ConfigName":"c1"}]},"Resources":{"Limits":{},"Reservations":{}},"Placement":{"MaxReplicas":2},"ForceUpdate":0},"Mode":{"ReplicatedJob":{"MaxConcurrent":3,"TotalCompletions":3}},"EndpointSpec":{"Mode":"vip"}}`},
		{"restart and update defaults", []string{"--restart-window", "3s", "--rollback-order", "start-first", "busybox"},
			`{"Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Init":false,"DNSConfig":{}},"Resources":{"Limits":{},"Reservations":{}},"RestartPolicy":{"Condition":"any","Delay":5000000000,"MaxAttempts":0,"Window":3000000000},"Placement":{},"ForceUpdate":0},"Mode":{"Replicated":{}},"RollbackConfig":{"Parallelism":1,"FailureAction":"pause","Monitor":5000000000,"MaxFailureRatio":0,"Order":"start-first"},"EndpointSpec":{"Mode":"vip"}}`},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: replies(nil)}
		r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, append([]string{"-d"}, tc.args...)...)
		reqs := e.Requests()
		body := reqs[len(reqs)-1].Body
		if r.RunErr != nil || r.Out != "newid\n" || body != tc.body {
			t.Errorf("%s: err %v out %q\nbody %s\nwant %s", tc.name, r.RunErr, r.Out, body, tc.body)
		}
		if resolved := strings.Contains(strings.Join(e.Lines(), " "), "/distribution/"); resolved != (r.Err == imageWarning) {
			t.Errorf("%s: stderr %q after %v", tc.name, r.Err, e.Lines())
		}
	}
}

func TestCreateErrors(t *testing.T) {
	cases := []struct {
		args []string
		err  string
		code int
	}{
		{[]string{"--mode", "bogus", "busybox"}, "Unknown mode: bogus, only replicated and global supported", 1},
		{[]string{"--secret", "nosuch", "busybox"}, "secret not found: nosuch", 1},
		{[]string{"--network", "nope", "busybox"}, "Error response from daemon: network nope not found", 1},
		{[]string{"--mode", "global", "--replicas", "2", "busybox"}, "replicas can only be used with replicated or replicated-job mode", 1},
		{[]string{"--max-concurrent", "2", "busybox"}, "max-concurrent can only be used with replicated-job mode", 1},
		{[]string{"--generic-resource", "gpu=abc", "busybox"}, "invalid generic-resource request `gpu=abc`, Named Generic Resources is not supported for service create or update", 1},
		{[]string{"-p", "abc", "busybox"}, `invalid argument "abc" for "-p, --publish" flag: invalid containerPort: abc`, 1}, // 125 from the root
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: replies(nil)}
		r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, append([]string{"-d"}, tc.args...)...)
		if !strings.HasPrefix(r.ErrText(), tc.err) || r.ExitCode() != tc.code {
			t.Errorf("%v: %q (%d)", tc.args, r.ErrText(), r.ExitCode())
		}
		for _, l := range e.Lines() {
			if strings.HasPrefix(l, "POST") {
				t.Errorf("%v: sent %s", tc.args, l)
			}
		}
	}
}

// With the registry reachable, the image is pinned to its digest and the
// platforms go into the placement; --with-registry-auth sends the stored
// credentials.
func TestCreatePinsImage(t *testing.T) {
	e := &clitest.Engine{Replies: replies(map[string]clitest.Reply{
		"GET /distribution/busybox:latest/json": {Body: `{"Descriptor":{"digest":"sha256:abc"},"Platforms":[{"architecture":"amd64","os":"linux"}]}`},
	})}
	r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, "-d", "--with-registry-auth", "busybox")
	reqs := e.Requests()
	want := `{"Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest@sha256:abc","Init":false,"DNSConfig":{}},"Resources":{"Limits":{},"Reservations":{}},"Placement":{"Platforms":[{"Architecture":"amd64","OS":"linux"}]},"ForceUpdate":0},"Mode":{"Replicated":{}},"EndpointSpec":{"Mode":"vip"}}`
	if r.RunErr != nil || r.Err != "" || reqs[1].Body != want {
		t.Fatalf("err %v stderr %q\n%s", r.RunErr, r.Err, reqs[1].Body)
	}
	for _, req := range reqs {
		if req.Header.Get("X-Registry-Auth") != "e30=" {
			t.Errorf("%s: auth %q", req.Line(), req.Header.Get("X-Registry-Auth"))
		}
	}
}
