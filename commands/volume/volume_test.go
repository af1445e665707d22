package volume

import (
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const volList = `{"Volumes":[
 {"Name":"v10","Driver":"local","Mountpoint":"/m/v10","Scope":"local","Labels":{"b":"2","a":"1"}},
 {"Name":"v2","Driver":"local","Mountpoint":"/m/v2","Scope":"local","Labels":null}
],"Warnings":null}`

func TestList(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"table in natural order", nil, "DRIVER    VOLUME NAME\nlocal     v2\nlocal     v10\n"},
		{"quiet", []string{"-q"}, "v2\nv10\n"},
		{"an empty filter is ignored", []string{"-q", "-f", ""}, "v2\nv10\n"},
		{"fields", []string{"--format", `{{.Name}} {{.Labels}} {{.Label "a"}} {{.Links}} {{.Size}} {{.Group}} {{.Status}}`},
			"v2   N/A N/A N/A N/A\nv10 a=1,b=2 1 N/A N/A N/A N/A\n"},
		{"json", []string{"--format", "json", "-f", "name=v2"},
			`{"Availability":"N/A","Driver":"local","Group":"N/A","Labels":"","Links":"N/A","Mountpoint":"/m/v2","Name":"v2","Scope":"local","Size":"N/A","Status":"N/A"}` + "\n" +
				`{"Availability":"N/A","Driver":"local","Group":"N/A","Labels":"a=1,b=2","Links":"N/A","Mountpoint":"/m/v10","Name":"v10","Scope":"local","Size":"N/A","Status":"N/A"}` + "\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /volumes": {Body: volList}}}
			r := clitest.Run(t, e, clitest.Options{}, newListCommand, tc.args...)
			if r.RunErr != nil || r.Out != tc.want {
				t.Fatalf("err %v out\n%q\nwant\n%q", r.RunErr, r.Out, tc.want)
			}
		})
	}
	// The header knows ID, which no row has (shown when nothing is listed).
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /volumes": {Body: `{"Volumes":[]}`}}}
	if r := clitest.Run(t, e, clitest.Options{}, newListCommand, "--format", "table {{.ID}}\t{{.Name}}\t{{.Foo}}"); r.Out != "ID        VOLUME NAME   <no value>\n" {
		t.Errorf("header %q", r.Out)
	}
	r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newListCommand, "--cluster")
	if r.ErrText() != `"--cluster" requires API version 1.42, but the Docker daemon API version is 1.41` {
		t.Fatalf("cluster: %q", r.ErrText())
	}
}

func TestCreateBody(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, `{"Driver":"local"}`},
		{[]string{"--name", "v1"}, `{"Driver":"local","Name":"v1"}`},
		{[]string{"-d", "other", "--label", "a=b", "--label", "c", "-o", "type=tmpfs", "v2"}, `{"Driver":"other","DriverOpts":{"type":"tmpfs"},"Labels":{"a":"b","c":""},"Name":"v2"}`},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /volumes/create": {Status: 201, Body: `{"Name":"made"}`}}}
		r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, tc.args...)
		if r.RunErr != nil || r.Out != "made\n" || e.Requests()[0].Body != tc.want {
			t.Errorf("%v: err %v out %q body %s", tc.args, r.RunErr, r.Out, e.Requests()[0].Body)
		}
	}
	r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newCreateCommand, "--name", "a", "b")
	if r.ErrText() != "conflicting options: cannot specify a volume-name through both --name and as a positional arg" {
		t.Errorf("got %q", r.ErrText())
	}
}

func TestRemove(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"DELETE /volumes/a":    {Status: 204},
		"DELETE /volumes/nope": {Status: 404, Body: `{"message":"get nope: no such volume"}`},
		"DELETE /volumes/b":    {Status: 204},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newRemoveCommand, "-f", "a", "nope", "b")
	if r.Out != "a\nb\n" || r.ErrText() != "Error response from daemon: get nope: no such volume" {
		t.Fatalf("got %q %q", r.Out, r.ErrText())
	}
	if got := e.Lines(); got[0] != "DELETE /volumes/a?force=1" {
		t.Fatalf("requests %v", got)
	}
}

func TestInspectTemplateOnTypedVolume(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /volumes/v": {Body: `{"Name":"v","Driver":"local","Labels":{"a":"b"},"Extra":1}`}}}
	r := clitest.Run(t, e, clitest.Options{}, newInspectCommand, "-f", "{{.Name}} {{.Labels}}", "v")
	if r.Out != "v map[a:b]\n" || r.RunErr != nil {
		t.Fatalf("got %q %v", r.Out, r.RunErr)
	}
	r = clitest.Run(t, e, clitest.Options{}, newInspectCommand, "-f", "{{.Extra}}", "v")
	if want := `template parsing error: template: :1:2: executing "" at <.Extra>: can't evaluate field Extra in type volume.Volume`; r.ErrText() != want {
		t.Fatalf("got %q", r.ErrText())
	}
}

func TestPrune(t *testing.T) {
	const anon = "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] "
	const all = "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] "
	reply := map[string]clitest.Reply{"POST /volumes/prune": {Body: `{"VolumesDeleted":["v1"],"SpaceReclaimed":2048}`}}
	cases := []struct {
		name, api, stdin string
		args             []string
		out, err, query  string
	}{
		{"old engine prunes all", "1.41", "y\n", nil, all + "Deleted Volumes:\nv1\n\nTotal reclaimed space: 2.048kB\n", "", ""},
		{"new engine: anonymous", "1.43", "y\n", nil, anon + "Deleted Volumes:\nv1\n\nTotal reclaimed space: 2.048kB\n", "", ""},
		{"new engine: all", "1.43", "", []string{"-a", "-f"}, "Deleted Volumes:\nv1\n\nTotal reclaimed space: 2.048kB\n", "", "filters=%7B%22all%22%3A%7B%22true%22%3Atrue%7D%7D"},
		{"all needs 1.42", "1.41", "", []string{"-a"}, "", `"--all" requires API version 1.42, but the Docker daemon API version is 1.41`, ""},
		{"declined", "1.43", "", nil, anon, "", "-"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &clitest.Engine{API: tc.api, Replies: reply}
			r := clitest.Run(t, e, clitest.Options{Stdin: tc.stdin}, newPruneCommand, tc.args...)
			if r.Out != tc.out || r.ErrText() != tc.err {
				t.Fatalf("out %q err %q", r.Out, r.ErrText())
			}
			reqs := e.Requests()
			switch {
			case tc.query == "-" && len(reqs) != 0:
				t.Fatalf("requests %v", e.Lines())
			case tc.query != "" && tc.query != "-" && (len(reqs) != 1 || reqs[0].Query != tc.query):
				t.Fatalf("requests %v", e.Lines())
			}
		})
	}
}

func TestUpdateClusterVolume(t *testing.T) {
	replies := map[string]clitest.Reply{
		"GET /volumes/cv":  {Body: `{"Name":"cv","ClusterVolume":{"ID":"abc","Version":{"Index":7},"Spec":{"Group":"g","AccessMode":{"Scope":"single","Sharing":"none","BlockVolume":{}},"Availability":"pause"}}}`},
		"PUT /volumes/abc": {},
		"GET /volumes/lv":  {Body: `{"Name":"lv","Driver":"local"}`},
	}
	e := &clitest.Engine{API: "1.43", Replies: replies}
	r := clitest.Run(t, e, clitest.Options{}, newUpdateCommand, "--availability", "drain", "cv")
	put := e.Requests()[1]
	if r.RunErr != nil || r.Out != "" || put.Query != "version=7" ||
		put.Body != `{"Spec":{"Group":"g","AccessMode":{"Scope":"single","Sharing":"none","BlockVolume":{}},"Availability":"drain"}}` {
		t.Fatalf("update: %v %q %v", r.RunErr, r.Out, put)
	}
	r = clitest.Run(t, &clitest.Engine{API: "1.43", Replies: replies}, clitest.Options{}, newUpdateCommand, "lv")
	if r.ErrText() != "can only update cluster volumes" {
		t.Fatalf("local volume: %q", r.ErrText())
	}
	// An engine without cluster volumes is refused by the tree's gates
	// (commands.TestAPIGateOrder).
}
