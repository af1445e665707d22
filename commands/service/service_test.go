package service

import (
	"os"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const services = `[
 {"ID":"bbbbbbbbbbbbbbbbbbbbbbbbb","Spec":{"Name":"web10","Mode":{"Replicated":{"Replicas":2}},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest@sha256:00"},"Placement":{"MaxReplicas":1}}},
  "Endpoint":{"Ports":[{"Protocol":"tcp","TargetPort":81,"PublishedPort":8081,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"},
   {"Protocol":"udp","TargetPort":53,"PublishedPort":53,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":90,"PublishedPort":9090,"PublishMode":"host"}]},
  "ServiceStatus":{"RunningTasks":1,"DesiredTasks":2}},
 {"ID":"aaaaaaaaaaaaaaaaaaaaaaaaa","Spec":{"Name":"job2","Mode":{"ReplicatedJob":{"MaxConcurrent":1,"TotalCompletions":3}},"TaskTemplate":{"ContainerSpec":{"Image":"busybox"}}},
  "ServiceStatus":{"RunningTasks":0,"DesiredTasks":1,"CompletedTasks":2}},
 {"ID":"ccccccccccccccccccccccccc","Spec":{"Name":"glob","Mode":{"Global":{}},"TaskTemplate":{"ContainerSpec":{"Image":"busybox"}}},"ServiceStatus":{"RunningTasks":3,"DesiredTasks":3}}
]`

func TestList(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /services": {Body: services}}}
	r := clitest.Run(t, e, clitest.Options{}, newListCommand)
	want := "ID             NAME      MODE             REPLICAS               IMAGE            PORTS\n" +
		"cccccccccccc   glob      global           3/3                    busybox          \n" +
		"aaaaaaaaaaaa   job2      replicated job   0/1 (2/3 completed)    busybox          \n" +
		"bbbbbbbbbbbb   web10     replicated       1/2 (max 1 per node)   busybox:latest   *:8080-8081->80-81/tcp, *:53->53/udp\n"
	if r.RunErr != nil || r.Out != want || e.Requests()[0].Query != "status=true" {
		t.Fatalf("err %v query %q\n%s", r.RunErr, e.Requests()[0].Query, r.Out)
	}
	e = &clitest.Engine{Replies: map[string]clitest.Reply{"GET /services": {Body: services}}}
	if r = clitest.Run(t, e, clitest.Options{}, newListCommand, "-q"); r.Out != "cccccccccccc\naaaaaaaaaaaa\nbbbbbbbbbbbb\n" || e.Requests()[0].Query != "" {
		t.Fatalf("-q: %q %q", r.Out, e.Requests()[0].Query)
	}
}

// The fixtures are what a 20.10 manager sent for a service with most
// settings and the reference's --pretty of it.
func TestInspectPretty(t *testing.T) {
	raw, err := os.ReadFile("testdata/service.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/service-pretty.golden")
	if err != nil {
		t.Fatal(err)
	}
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /services/s":    {Body: string(raw)},
		"GET /services/nope": {Status: 404, Body: `{"message":"service nope not found"}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newInspectCommand, "--pretty", "s")
	if r.RunErr != nil || r.Out != string(want) {
		t.Fatalf("err %v\n%q\nwant\n%q", r.RunErr, r.Out, want)
	}
	if e.Requests()[0].Query != "insertDefaults=true" {
		t.Fatalf("query %q", e.Requests()[0].Query)
	}
	r = clitest.Run(t, e, clitest.Options{}, newInspectCommand, "s", "nope")
	if !strings.HasPrefix(r.Out, "[\n    {\n        \"ID\": ") || r.ErrText() != "Error: no such service: nope" {
		t.Fatalf("inspect: %q %q", r.Out[:20], r.ErrText())
	}
}

// frame is one frame of a multiplexed stream.
func frame(stream byte, s string) string {
	n := len(s)
	return string([]byte{stream, 0, 0, 0, byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}) + s
}

func TestLogs(t *testing.T) {
	const details = "com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1,env%3Dx=a%2Cb"
	replies := map[string]clitest.Reply{
		"GET /services/web":      {Body: `{"ID":"s1","Spec":{"Name":"web","Mode":{"Replicated":{"Replicas":10}},"TaskTemplate":{"ContainerSpec":{}}}}`},
		"GET /services/web/logs": {Body: frame(1, details+" hello\n") + frame(2, details+" oops\n")},
		"GET /tasks/t1":          {Body: `{"ID":"t1aaaaaaaaaaaaaaaaaaaaaaa","ServiceID":"s1","Slot":3,"NodeID":"n1"}`},
		"GET /services/s1":       {Body: `{"ID":"s1","Spec":{"Name":"web"}}`},
		"GET /nodes/n1":          {Body: `{"ID":"n1","Description":{"Hostname":"host1"}}`},
		"GET /services/tty":      {Body: `{"ID":"s2","Spec":{"Name":"tty","TaskTemplate":{"ContainerSpec":{"TTY":true}}}}`},
		"GET /services/nope":     {Status: 404, Body: `{"message":"service nope not found"}`},
		"GET /tasks/nope":        {Status: 404, Body: `{"message":"task nope not found"}`},
	}
	cases := []struct {
		args             []string
		out, err, runErr string
	}{
		{[]string{"web"}, "web.3.t1aaaaaaaaaa@host1     | hello\n", "web.3.t1aaaaaaaaaa@host1     | oops\n", ""},
		{[]string{"--no-task-ids", "--details", "web"}, "web.3@host1     | env=x=a,b hello\n", "web.3@host1     | env=x=a,b oops\n", ""},
		{[]string{"--no-resolve", "--no-trunc", "web"}, "s1.3.t1aaaaaaaaaaaaaaaaaaaaaaa@n1     | hello\n", "s1.3.t1aaaaaaaaaaaaaaaaaaaaaaa@n1     | oops\n", ""},
		{[]string{"tty"}, "", "", "tty service logs only supported with --raw"},
		{[]string{"nope"}, "", "", "no such task or service: nope"},
		{[]string{"--since", "bogus", "web"}, "", "", `invalid value for "since": failed to parse value as time or duration: "bogus"`},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: replies}
		r := clitest.Run(t, e, clitest.Options{}, newLogsCommand, tc.args...)
		if r.Out != tc.out || r.Err != tc.err || r.ErrText() != tc.runErr {
			t.Errorf("%v: out %q err %q run %q", tc.args, r.Out, r.Err, r.ErrText())
		}
	}
	e := &clitest.Engine{Replies: replies}
	clitest.Run(t, e, clitest.Options{}, newLogsCommand, "-n", "5", "web")
	if q := e.Requests()[1].Query; q != "details=1&stderr=1&stdout=1&tail=5" {
		t.Errorf("logs query %q", q)
	}
}
