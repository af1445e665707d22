package node

import (
	"os"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const nodeList = `[
 {"ID":"bbbb","Spec":{"Role":"worker","Availability":"drain"},"Description":{"Hostname":"node10","Engine":{"EngineVersion":"20.10"},"TLSInfo":{"CertIssuerSubject":"AA=="}},"Status":{"State":"down"}},
 {"ID":"aaaa","Spec":{"Role":"manager","Availability":"active"},"Description":{"Hostname":"node2","Engine":{"EngineVersion":"20.10"},"TLSInfo":{"CertIssuerSubject":"AQ=="}},"Status":{"State":"ready"},"ManagerStatus":{"Leader":true,"Reachability":"reachable"}}
]`

func TestList(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, "ID        HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION\n" +
			"aaaa *    node2      Ready     Active         Leader           20.10\n" +
			"bbbb      node10     Down      Drain                           20.10\n"},
		{[]string{"-q"}, "aaaa\nbbbb\n"},
		{[]string{"--format", "{{.ID}} {{.Self}} {{.TLSStatus}}"}, "aaaa true Ready\nbbbb false Needs Rotation\n"},
		{[]string{"--format", "json"}, `{"Availability":"Active","EngineVersion":"20.10","Hostname":"node2","ID":"aaaa","ManagerStatus":"Leader","Self":true,"Status":"Ready","TLSStatus":"Ready"}` + "\n" +
			`{"Availability":"Drain","EngineVersion":"20.10","Hostname":"node10","ID":"bbbb","ManagerStatus":"","Self":false,"Status":"Down","TLSStatus":"Needs Rotation"}` + "\n"},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{
			"GET /nodes": {Body: nodeList},
			"GET /info":  {Body: `{"Swarm":{"NodeID":"aaaa","Cluster":{"TLSInfo":{"CertIssuerSubject":"AQ=="}}}}`},
		}}
		r := clitest.Run(t, e, clitest.Options{}, newListCommand, tc.args...)
		if r.RunErr != nil || r.Out != tc.want {
			t.Errorf("%v: err %v\n%s\nwant\n%s", tc.args, r.RunErr, r.Out, tc.want)
		}
	}
}

// The fixtures are a 20.10 manager's node and the reference's --pretty of it.
func TestInspectPretty(t *testing.T) {
	raw, err := os.ReadFile("testdata/node.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/node-pretty.golden")
	if err != nil {
		t.Fatal(err)
	}
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /nodes/n1": {Body: string(raw)}}}
	r := clitest.Run(t, e, clitest.Options{}, newInspectCommand, "--pretty", "n1", "n1")
	if r.RunErr != nil || r.Out != string(want)+string(want) {
		t.Fatalf("err %v\n%s", r.RunErr, r.Out)
	}
	e.Replies["GET /nodes/nope"] = clitest.Reply{Status: 404, Body: `{"message":"node nope not found"}`}
	r = clitest.Run(t, e, clitest.Options{}, newInspectCommand, "--pretty", "n1", "nope")
	if r.Out != "" || r.ErrText() != "Error response from daemon: node nope not found" {
		t.Fatalf("pretty with a missing node: %q %q", r.Out, r.ErrText())
	}
	r = clitest.Run(t, e, clitest.Options{}, newInspectCommand, "-f", "{{.Spec.Role}} {{.Status}}", "n1", "nope")
	if !strings.HasPrefix(r.Out, "manager {ready  127.0.225.2}\n") || r.ErrText() != "Error response from daemon: node nope not found" {
		t.Fatalf("template: %q %q", r.Out, r.ErrText())
	}
}

func TestUpdateAndRoles(t *testing.T) {
	replies := map[string]clitest.Reply{
		"GET /nodes/w":           {Body: `{"ID":"wid","Version":{"Index":4},"Spec":{"Labels":{"old":"1"},"Role":"worker","Availability":"active"}}`},
		"POST /nodes/wid/update": {},
	}
	e := &clitest.Engine{Replies: replies}
	r := clitest.Run(t, e, clitest.Options{}, newUpdateCommand, "--label-add", "a=b", "--label-add", "c", "--label-rm", "old", "--availability", "drain", "w")
	if r.Out != "w\n" || e.Requests()[1].Body != `{"Labels":{"a":"b","c":""},"Role":"worker","Availability":"drain"}` || e.Requests()[1].Query != "version=4" {
		t.Fatalf("update: %q %v", r.Out, e.Requests())
	}
	r = clitest.Run(t, &clitest.Engine{Replies: replies}, clitest.Options{}, newUpdateCommand, "--label-rm", "nope", "w")
	if r.ErrText() != "key nope doesn't exist in node's labels" {
		t.Fatalf("label-rm: %q", r.ErrText())
	}
	e = &clitest.Engine{Replies: replies}
	r = clitest.Run(t, e, clitest.Options{}, newPromoteCommand, "w", "w")
	if r.Out != "Node w promoted to a manager in the swarm.\nNode w promoted to a manager in the swarm.\n" {
		t.Fatalf("promote: %q", r.Out)
	}
	r = clitest.Run(t, &clitest.Engine{Replies: replies}, clitest.Options{}, newDemoteCommand, "w")
	if r.Out != "Node wid is already a worker.\n" {
		t.Fatalf("demote: %q", r.Out)
	}
}
