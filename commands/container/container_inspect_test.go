package container

import (
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const inspectRawC1 = `{"Id":"c1id","Name":"/c1","State":{"Status":"exited","Pid":1234567,"Health":null},"Config":{"Env":["A=1"],"Entrypoint":null,"Labels":{"z":"1","a":"<b>"},"Cmd":["echo","hi"]},"HostConfig":{"PidsLimit":null,"Binds":null},"Empty":{},"List":[]}` + "\n"

func inspectEngine() *clitest.Engine {
	return &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /containers/c1/json":   {Body: inspectRawC1},
		"GET /containers/nope/json": clitest.NotFound("No such container: nope"),
	}}
}

func TestContainerInspect(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		out, err string
		code     int
	}{
		{
			// The reference runs templates on its typed container: nulls and
			// missing fields print as typed zero values, json follows the
			// type's field order (a map's keys sorted) and does not escape.
			name: "template: runs on the typed container", args: []string{"-f",
				`{{.Name}} {{.Config.Cmd}} {{index .Config.Env 0}} {{.State.Pid}} {{.Config.Entrypoint}} {{.HostConfig.PidsLimit}} {{.Config.Healthcheck}} {{json .Config.Labels}} {{json .State}}`, "c1"},
			out: `/c1 [echo hi] A=1 1234567 [] <nil> <nil> {"a":"<b>","z":"1"} {"Status":"exited","Running":false,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":1234567,"ExitCode":0,"Error":"","StartedAt":"","FinishedAt":""}` + "\n",
		},
		{
			name: "container inspect reports the daemon's error", args: []string{"-f", "{{.Id}}", "nope", "c1", "nope"},
			out: "c1id\n", err: "Error response from daemon: No such container: nope\nError response from daemon: No such container: nope", code: 1,
		},
		{
			name: "template errors fall back like the reference's raw pass", args: []string{"-f", "{{.Bogus}}", "c1"},
			out: "\n", err: `template parsing error: template: :1:2: executing "" at <.Bogus>: map has no entry for key "Bogus"`, code: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clitest.Run(t, inspectEngine(), clitest.Options{}, newContainerInspectCommand, tt.args...)
			if r.Out != tt.out || r.ErrText() != tt.err {
				t.Errorf("stdout %q\nerror %q\nwant stdout %q\nerror %q", r.Out, r.ErrText(), tt.out, tt.err)
			}
			if code := r.ExitCode(); code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
		})
	}
}
