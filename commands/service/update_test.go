package service

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// current is the service the updates start from, as a 20.10 manager
// returns it (created with many list flags).
const current = `{"ID":"uid","Version":{"Index":297},"Spec":{"Name":"u","Labels":{"l1":"y","l2":"x"},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Labels":{"c1":"1"},"Args":["sleep","600"],"Env":["Z=1","A=1","M=1"],"Groups":["20"],"Init":false,"Mounts":[{"Type":"volume","Target":"/z"},{"Type":"volume","Target":"/a"}],"Hosts":["1.1.1.1 b","2.2.2.2 a"],"DNSConfig":{"Nameservers":["8.8.8.8"]},"Secrets":[{"File":{"Name":"s1","UID":"0","GID":"0","Mode":292},"SecretID":"sid1","SecretName":"s1"}],"Configs":[{"File":{"Name":"c1","UID":"0","GID":"0","Mode":292},"ConfigID":"cid1","ConfigName":"c1"}],"Isolation":"default","Sysctls":{"a.y":"2","b.x":"1"},"CapabilityAdd":["CAP_NET_ADMIN"],"CapabilityDrop":["CAP_CHOWN"],"Ulimits":[{"Name":"nproc","Hard":5,"Soft":5}]},"Resources":{"Limits":{},"Reservations":{"GenericResources":[{"DiscreteResourceSpec":{"Kind":"gpu","Value":2}}]}},"Placement":{"Constraints":["node.role==manager","node.hostname!=x"],"Preferences":[{"Spread":{"SpreadDescriptor":"node.id"}}]},"ForceUpdate":0,"Runtime":"container"},"Mode":{"Replicated":{"Replicas":1}},"EndpointSpec":{"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8100,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":81,"PublishedPort":8101,"PublishMode":"ingress"}]}}}`

func TestUpdate(t *testing.T) {
	cases := []struct {
		name  string
		args  []string
		query string
		body  string // the spec's part after "Image":"busybox:latest", when the whole body is long
	}{
		{"lists", []string{"--env-add", "B=2", "--env-add", "Z=9", "--env-rm", "M", "--label-add", "l0=z", "--label-rm", "l2", "--container-label-add", "c0=0",
			"--mount-add", "type=volume,target=/m", "--mount-rm", "/z", "--publish-add", "8099:79", "--publish-add", "8102:82", "--publish-rm", "81",
			"--secret-add", "s2", "--secret-rm", "s1", "--config-rm", "c1", "--constraint-add", "node.role!=worker", "--constraint-rm", "node.hostname!=x",
			"--dns-add", "1.1.1.1", "--dns-rm", "8.8.8.8", "--host-add", "c:3.3.3.3", "--host-rm", "a:2.2.2.2", "--group-add", "10", "--group-rm", "20",
			"--sysctl-add", "c.z=3", "--sysctl-rm", "b.x", "--ulimit-add", "nofile=10:20", "--ulimit-rm", "nproc", "--cap-add", "SYS_ADMIN",
			"--cap-drop", "NET_ADMIN", "--placement-pref-add", "spread=node.labels.x", "--placement-pref-rm", "spread=node.id",
			"--generic-resource-add", "fpga=1", "--generic-resource-rm", "gpu", "u"},
			"registryAuthFrom=spec&version=297",
			`{"Name":"u","Labels":{"l0":"z","l1":"y"},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Labels":{"c0":"0","c1":"1"},"Args":["sleep","600"],"Env":["Z=9","A=1","B=2"],"Groups":["10"],"Init":false,"Mounts":[{"Type":"volume","Target":"/a"},{"Type":"volume","Target":"/m"}],"Hosts":["1.1.1.1 b","3.3.3.3 c"],"DNSConfig":{"Nameservers":["1.1.1.1"]},"Secrets":[{"File":{"Name":"s2","UID":"0","GID":"0","Mode":292},"SecretID":"sid2","SecretName":"s2"}],"Isolation":"default","Sysctls":{"a.y":"2","c.z":"3"},"CapabilityAdd":["CAP_SYS_ADMIN"],"CapabilityDrop":["CAP_CHOWN"],"Ulimits":[{"Name":"nofile","Hard":20,"Soft":10}]},"Resources":{"Limits":{},"Reservations":{"GenericResources":[{"DiscreteResourceSpec":{"Kind":"fpga","Value":1}}]}},"Placement":{"Constraints":["node.role!=worker","node.role==manager"],"Preferences":[{"Spread":{"SpreadDescriptor":"node.labels.x"}}]},"ForceUpdate":0,"Runtime":"container"},"Mode":{"Replicated":{"Replicas":1}},"EndpointSpec":{"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":79,"PublishedPort":8099,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":80,"PublishedPort":8100,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":82,"PublishedPort":8102,"PublishMode":"ingress"}]}}`},
		{"policies and scalars", []string{"--restart-window", "3s", "--rollback-delay", "1s", "--update-monitor", "2s", "--limit-cpu", "1", "--replicas", "3",
			"--force", "--args", "sleep 5", "--entrypoint", "sh -c", "--cap-add", "ALL", "u"},
			"registryAuthFrom=spec&version=297",
			`"Args":["sleep","5"],"Env":["Z=1","A=1","M=1"],"Groups":["20"],"Init":false,"Mounts":[{"Type":"volume","Target":"/z"},{"Type":"volume","Target":"/a"}],"Hosts":["1.1.1.1 b","2.2.2.2 a"],"DNSConfig":{"Nameservers":["8.8.8.8"]},"Secrets":[{"File":{"Name":"s1","UID":"0","GID":"0","Mode":292},"SecretID":"sid1","SecretName":"s1"}],"Configs":[{"File":{"Name":"c1","UID":"0","GID":"0","Mode":292},"ConfigID":"cid1","ConfigName":"c1"}],"Isolation":"default","Sysctls":{"a.y":"2","b.x":"1"},"CapabilityAdd":["ALL"],"CapabilityDrop":["CAP_CHOWN"],"Ulimits":[{"Name":"nproc","Hard":5,"Soft":5}]},"Resources":{"Limits":{"NanoCPUs":1000000000},"Reservations":{"GenericResources":[{"DiscreteResourceSpec":{"Kind":"gpu","Value":2}}]}},"RestartPolicy":{"Condition":"any","Delay":5000000000,"MaxAttempts":0,"Window":3000000000},"Placement":{"Constraints":["node.role==manager","node.hostname!=x"],"Preferences":[{"Spread":{"SpreadDescriptor":"node.id"}}]},"ForceUpdate":1,"Runtime":"container"},"Mode":{"Replicated":{"Replicas":3}},"UpdateConfig":{"Parallelism":1,"FailureAction":"pause","Monitor":2000000000,"MaxFailureRatio":0,"Order":"stop-first"},"RollbackConfig":{"Parallelism":1,"Delay":1000000000,"FailureAction":"pause","Monitor":5000000000,"MaxFailureRatio":0,"Order":"stop-first"},"EndpointSpec":{"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8100,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":81,"PublishedPort":8101,"PublishMode":"ingress"}]}}`},
		{"rollback flag", []string{"--rollback", "u"}, "registryAuthFrom=spec&rollback=previous&version=297", ""},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: replies(map[string]clitest.Reply{
			"GET /services/u":           {Body: current},
			"POST /services/uid/update": {Body: `{"Warnings":["careful"]}`},
		})}
		r := clitest.Run(t, e, clitest.Options{}, newUpdateCommand, append([]string{"-d"}, tc.args...)...)
		reqs := e.Requests()
		last := reqs[len(reqs)-1]
		if r.RunErr != nil || r.Out != "u\n" || r.Err != "careful\n" || last.Query != tc.query || !strings.HasSuffix(last.Body, tc.body) {
			t.Errorf("%s: err %v out %q stderr %q query %q\nbody %s\nwant %s", tc.name, r.RunErr, r.Out, r.Err, last.Query, last.Body, tc.body)
		}
	}
}

func TestUpdateErrors(t *testing.T) {
	global := `{"ID":"gid","Version":{"Index":5},"Spec":{"Name":"g","TaskTemplate":{"ContainerSpec":{"Image":"busybox"}},"Mode":{"Global":{}},"Networks":[]}}`
	withNet := `{"ID":"gid","Version":{"Index":5},"Spec":{"Name":"n","TaskTemplate":{"ContainerSpec":{"Image":"busybox"},"Networks":[{"Target":"nid1"}]},"Mode":{"Replicated":{}}}}`
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"--replicas", "3", "g"}, "replicas can only be used with replicated mode"},
		{[]string{"--env-add", "A=1", "nope"}, "Error response from daemon: service nope not found"},
		{[]string{"--network-add", "net1", "n"}, "service is already attached to network net1"},
		{[]string{"--secret-add", "nosuch", "g"}, "secret not found: nosuch"},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: replies(map[string]clitest.Reply{
			"GET /services/g": {Body: global}, "GET /services/n": {Body: withNet},
			"GET /services/nope": clitest.NotFound("service nope not found"),
		})}
		if r := clitest.Run(t, e, clitest.Options{}, newUpdateCommand, append([]string{"-d"}, tc.args...)...); r.ErrText() != tc.err {
			t.Errorf("%v: %q", tc.args, r.ErrText())
		}
	}
}

func TestScaleAndRollback(t *testing.T) {
	svc := `{"ID":"wid","Version":{"Index":7},"Spec":{"Name":"web","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox"}},"Mode":{"Replicated":{"Replicas":1}}}}`
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /services/web":         {Body: svc},
		"GET /services/glob":        {Body: `{"ID":"gid","Spec":{"Name":"glob","Mode":{"Global":{}}}}`},
		"GET /services/nope":        clitest.NotFound("service nope not found"),
		"POST /services/wid/update": {Body: `{"Warnings":null}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newScaleCommand, "-d", "web=3", "nope=2", "glob=2", "web=x")
	want := "nope: Error response from daemon: service nope not found\nglob: scale can only be used with replicated or replicated-job mode\n" +
		`web: invalid replicas value x: strconv.ParseUint: parsing "x": invalid syntax`
	reqs := e.Requests()
	if r.Out != "web scaled to 3\n" || r.ErrText() != want || reqs[1].Query != "version=7" ||
		!strings.Contains(reqs[1].Body, `"Mode":{"Replicated":{"Replicas":3}}`) {
		t.Errorf("scale: out %q err %q %v", r.Out, r.ErrText(), reqs[1])
	}
	r = clitest.Run(t, e, clitest.Options{}, newScaleCommand, "web")
	if r.ErrText() != "invalid scale specifier 'web'.\nSee 'scale --help'.\n\nUsage:  scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services" {
		t.Errorf("scale web: %q", r.ErrText())
	}
	e = &clitest.Engine{Replies: e.Replies}
	r = clitest.Run(t, e, clitest.Options{}, newRollbackCommand, "-d", "web")
	if reqs := e.Requests(); r.Out != "web\n" || reqs[1].Query != "rollback=previous&version=7" {
		t.Errorf("rollback: %q %v", r.Out, reqs)
	}
}
