package system

import (
	"reflect"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const inspectRawC1 = `{"Id":"c1id","Name":"/c1","State":{"Status":"exited","Pid":1234567,"Health":null},"Config":{"Env":["A=1"],"Entrypoint":null,"Labels":{"z":"1","a":"<b>"},"Cmd":["echo","hi"]},"HostConfig":{"PidsLimit":null,"Binds":null},"Empty":{},"List":[]}` + "\n"

func inspectEngine() *clitest.Engine {
	return &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /containers/c1/json":     {Body: inspectRawC1},
		"GET /containers/nope/json":   clitest.NotFound("No such container: nope"),
		"GET /images/nope/json":       {Status: 404, Body: `{"message":"No such image: nope:latest"}`},
		"GET /networks/nope":          {Status: 404, Body: `{"message":"network nope not found"}`},
		"GET /volumes/nope":           {Status: 404, Body: `{"message":"get nope: no such volume"}`},
		"GET /info":                   {Body: `{"Swarm":{"ControlAvailable":false}}`},
		"GET /plugins/nope/json":      {Status: 404, Body: `{"message":"plugin \"nope\" not found"}`},
		"GET /containers/UPPER/json":  clitest.NotFound("No such container: UPPER"),
		"GET /images/UPPER/json":      {Status: 400, Body: `{"message":"no such image: UPPER: invalid reference format: repository name must be lowercase"}`},
		"GET /networks/UPPER":         {Status: 404, Body: `{"message":"network UPPER not found"}`},
		"GET /volumes/UPPER":          {Status: 404, Body: `{"message":"get UPPER: no such volume"}`},
		"GET /plugins/UPPER/json":     {Status: 404, Body: `{"message":"plugin \"UPPER\" not found"}`},
		"GET /containers/bridge/json": clitest.NotFound("No such container: bridge"),
		"GET /images/bridge/json":     {Status: 404, Body: `{"message":"No such image: bridge:latest"}`},
		"GET /networks/bridge":        {Body: `{"Name":"bridge","Id":"n1"}`},
		"GET /containers/down/json":   {Status: 500, Body: `{"message":"boom"}`},
	}}
}

func TestInspect(t *testing.T) {
	tests := []struct {
		name     string
		top      bool
		args     []string
		out, err string
		code     int
	}{
		{
			name: "indented array in the daemon's key order", top: true, args: []string{"c1", "bridge"},
			out: "[\n    {\n        \"Id\": \"c1id\",\n        \"Name\": \"/c1\",\n        \"State\": {\n            \"Status\": \"exited\",\n            \"Pid\": 1234567,\n            \"Health\": null\n        },\n" +
				"        \"Config\": {\n            \"Env\": [\n                \"A=1\"\n            ],\n            \"Entrypoint\": null,\n            \"Labels\": {\n                \"z\": \"1\",\n                \"a\": \"<b>\"\n            },\n" +
				"            \"Cmd\": [\n                \"echo\",\n                \"hi\"\n            ]\n        },\n        \"HostConfig\": {\n            \"PidsLimit\": null,\n            \"Binds\": null\n        },\n        \"Empty\": {},\n        \"List\": []\n    },\n" +
				"    {\n        \"Name\": \"bridge\",\n        \"Id\": \"n1\"\n    }\n]\n",
		},
		{
			name: "json is one compact line", top: true, args: []string{"-f", "json", "c1"},
			out: `[{"Id":"c1id","Name":"/c1","State":{"Status":"exited","Pid":1234567,"Health":null},"Config":{"Env":["A=1"],"Entrypoint":null,"Labels":{"z":"1","a":"<b>"},"Cmd":["echo","hi"]},"HostConfig":{"PidsLimit":null,"Binds":null},"Empty":{},"List":[]}]` + "\n",
		},
		{
			name: "top-level inspect runs a template on the found kind's type", top: true,
			args: []string{"-f", "{{.Name}} {{.EnableIPv4}} {{.Containers}} {{json .IPAM}}", "bridge"},
			out:  "bridge false map[] {\"Driver\":\"\",\"Options\":null,\"Config\":null}\n",
		},
		{
			name: "nothing found: [] and the reference's message", top: true, args: []string{"nope"},
			out: "[]\n", err: "Error: No such object: nope", code: 1,
		},
		{
			name: "an invalid reference is 'not found' too", top: true, args: []string{"-f", "{{.Id}}", "UPPER"},
			out: "\n", err: "Error: No such object: UPPER", code: 1,
		},
		{
			name: "template parse error exits 64 before any request", top: true, args: []string{"-f", "{{.Name", "c1"},
			err: "template parsing error: template: :1: unclosed action", code: 64,
		},
		{
			name: "bad type", top: true, args: []string{"--type", "bogus", "c1"},
			err: `unknown type: "bogus": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"`, code: 1,
		},
		{
			name: "--type image gives the daemon's error", top: true, args: []string{"--type", "image", "nope"},
			out: "[]\n", err: "Error response from daemon: No such image: nope:latest", code: 1,
		},
		{
			name: "other errors stop the search", top: true, args: []string{"down"},
			out: "[]\n", err: "Error response from daemon: boom", code: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clitest.Run(t, inspectEngine(), clitest.Options{}, newInspectCommand, tt.args...)
			if r.Out != tt.out || r.ErrText() != tt.err {
				t.Errorf("stdout %q\nerror %q\nwant stdout %q\nerror %q", r.Out, r.ErrText(), tt.out, tt.err)
			}
			if code := r.ExitCode(); code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
		})
	}
}

func TestInspectLookupOrder(t *testing.T) {
	e := inspectEngine()
	e.Replies["GET /info"] = clitest.Reply{Body: `{"Swarm":{"ControlAvailable":true}}`}
	for _, p := range []string{"/nodes/nope", "/services/nope", "/tasks/nope", "/secrets/nope", "/configs/nope"} {
		e.Replies["GET "+p] = clitest.Reply{Status: 404, Body: `{"message":"not found"}`}
	}
	clitest.Run(t, e, clitest.Options{}, newInspectCommand, "-s", "nope", "nope")
	one := []string{"GET /containers/nope/json?size=1", "GET /images/nope/json", "GET /networks/nope", "GET /volumes/nope",
		"GET /nodes/nope", "GET /services/nope", "GET /tasks/nope", "GET /secrets/nope", "GET /configs/nope", "GET /plugins/nope/json"}
	want := append([]string{}, one[:4]...)
	want = append(want, "GET /info")
	want = append(want, one[4:]...)
	want = append(want, one...)
	if got := e.Lines(); !reflect.DeepEqual(got, want) {
		t.Errorf("requests\n%q\nwant\n%q", got, want)
	}
}
