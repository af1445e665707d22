package plugin

import (
	"net/http"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const privilegesReply = `[{"Name":"network","Description":"permissions to access a network","Value":["host"]},` +
	`{"Name":"capabilities","Description":"list of additional capabilities required","Value":["CAP_SYS_ADMIN","CAP_NET_ADMIN"]}]`

const pullStream = `{"status":"Pulling from 127.0.0.1:5000/fp/plug","id":"1"}
{"status":"Digest: sha256:138c1a9c7253e5f063302622bedd748ef43cffc6679df9e7d12a9d890c881996"}
{"status":"Complete","progressDetail":{},"id":"6f5ad0f7e64e"}
`

const pulledOut = "1: Pulling from 127.0.0.1:5000/fp/plug\n" +
	"Digest: sha256:138c1a9c7253e5f063302622bedd748ef43cffc6679df9e7d12a9d890c881996\n" +
	"6f5ad0f7e64e: Complete\n"

const privilegesPrompt = `Plugin "127.0.0.1:5000/fp/plug:1" is requesting the following privileges:
 - network: [host]
 - capabilities: [CAP_SYS_ADMIN CAP_NET_ADMIN]
Do you grant the above permissions? [y/N] `

// streamAs answers a pull or upgrade with the progress stream, naming the
// plugin as the engine does when name is set.
func streamAs(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if name != "" {
			w.Header().Set("Docker-Plugin-Name", name)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(pullStream))
	}
}

func pluginEngine(installed string) *clitest.Engine {
	return &clitest.Engine{
		Replies: map[string]clitest.Reply{
			"GET /plugins/privileges":                {Body: privilegesReply},
			"POST /plugins/" + installed + "/set":    {Status: 204},
			"POST /plugins/" + installed + "/enable": {Status: 200},
		},
		Handlers: map[string]http.HandlerFunc{"POST /plugins/pull": streamAs(installed)},
	}
}

// checkRun compares what a run printed, returned and asked the engine.
func checkRun(t *testing.T, e *clitest.Engine, r clitest.Result, out, err string, lines []string) {
	t.Helper()
	if r.Out != out || r.ErrText() != err {
		t.Fatalf("out %q\nerr %v", r.Out, r.RunErr)
	}
	if got := strings.Join(e.Lines(), "\n"); got != strings.Join(lines, "\n") {
		t.Fatalf("requests\n%s\nwant\n%s", got, strings.Join(lines, "\n"))
	}
}

func TestInstall(t *testing.T) {
	const remote = "127.0.0.1%3A5000%2Ffp%2Fplug%3A1"
	for _, tt := range []struct {
		name, stdin, installed string
		args                   []string
		out, err               string
		lines                  []string
	}{
		{
			name: "declined", stdin: "n\n", installed: "127.0.0.1:5000/fp/plug:1",
			args:  []string{"127.0.0.1:5000/fp/plug:1"},
			out:   privilegesPrompt,
			err:   "permission denied while installing plugin 127.0.0.1:5000/fp/plug:1",
			lines: []string{"GET /plugins/privileges?remote=" + remote},
		},
		{
			name: "granted, set and enabled under the alias", stdin: "y\n", installed: "fpal:latest",
			args: []string{"--alias", "fpal", "127.0.0.1:5000/fp/plug:1", "DEBUG=1", "X=2"},
			out:  privilegesPrompt + pulledOut + "Installed plugin 127.0.0.1:5000/fp/plug:1\n",
			lines: []string{
				"GET /plugins/privileges?remote=" + remote,
				"POST /plugins/pull?name=fpal%3Alatest&remote=" + remote,
				"POST /plugins/fpal:latest/set",
				"POST /plugins/fpal:latest/enable?timeout=0",
			},
		},
		{
			name: "all granted, left disabled, Hub name normalized", installed: "vieux/sshfs:latest",
			args:  []string{"--grant-all-permissions", "--disable", "vieux/sshfs"},
			out:   pulledOut + "Installed plugin vieux/sshfs\n",
			lines: []string{"GET /plugins/privileges?remote=docker.io%2Fvieux%2Fsshfs", "POST /plugins/pull?name=&remote=docker.io%2Fvieux%2Fsshfs"},
		},
		{
			name: "settings need the engine's name for the plugin",
			args: []string{"--grant-all-permissions", "--disable", "vieux/sshfs", "A=1"},
			out:  pulledOut, err: "invalid plugin name or ID: value is empty",
			lines: []string{"GET /plugins/privileges?remote=docker.io%2Fvieux%2Fsshfs", "POST /plugins/pull?name=&remote=docker.io%2Fvieux%2Fsshfs"},
		},
		{name: "bad alias", args: []string{"--alias", "BAD", "x"}, err: "invalid reference format: repository name (library/BAD) must be lowercase"},
		{name: "digest alias", args: []string{"--alias", "a@sha256:" + strings.Repeat("a", 64), "x"}, err: "invalid name: a@sha256:" + strings.Repeat("a", 64)},
		{name: "bad remote", args: []string{"X!"}, err: "invalid reference format: repository name (library/X!) must be lowercase"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := pluginEngine(tt.installed)
			r := clitest.Run(t, e, clitest.Options{Stdin: tt.stdin}, newInstallCommand, tt.args...)
			checkRun(t, e, r, tt.out, tt.err, tt.lines)
		})
	}
}

func TestInstallWire(t *testing.T) {
	e := pluginEngine("127.0.0.1:5000/fp/plug:1")
	cfg := `{"auths":{"127.0.0.1:5000":{"auth":"dXNlcjpwYXNz"}}}`
	r := clitest.Run(t, e, clitest.Options{Config: cfg}, newInstallCommand, "--grant-all-permissions", "127.0.0.1:5000/fp/plug:1", "DEBUG=1")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	reqs := e.Requests()
	const auth = "eyJ1c2VybmFtZSI6InVzZXIiLCJwYXNzd29yZCI6InBhc3MiLCJzZXJ2ZXJhZGRyZXNzIjoiMTI3LjAuMC4xOjUwMDAifQ=="
	for _, i := range []int{0, 1} {
		if got := reqs[i].Header.Get("X-Registry-Auth"); got != auth {
			t.Errorf("%s: X-Registry-Auth %s", reqs[i].Line(), got)
		}
	}
	// Every privilege the engine asked for is granted back.
	if reqs[1].Body != privilegesReply {
		t.Errorf("pull body %s", reqs[1].Body)
	}
	if reqs[2].Body != `["DEBUG=1"]` {
		t.Errorf("set body %s", reqs[2].Body)
	}
}

func TestUpgrade(t *testing.T) {
	const disabled = `{"Id":"x","Name":"fp:latest","PluginReference":"127.0.0.1:5000/fp/plug:1","Enabled":false}`
	for _, tt := range []struct {
		name, stdin, inspect string
		args                 []string
		out, err             string
		lines                []string
	}{
		{
			name: "same remote", inspect: disabled, args: []string{"--grant-all-permissions", "fp"},
			out: "Upgrading plugin fp:latest from 127.0.0.1:5000/fp/plug:1 to 127.0.0.1:5000/fp/plug:1\n" + pulledOut +
				"Upgraded plugin fp:latest to 127.0.0.1:5000/fp/plug:1\n",
			lines: []string{"GET /plugins/fp/json", "GET /plugins/privileges?remote=127.0.0.1%3A5000%2Ffp%2Fplug%3A1",
				"POST /plugins/fp:latest/upgrade?remote=127.0.0.1%3A5000%2Ffp%2Fplug%3A1"},
		},
		{
			name: "another image declined", inspect: disabled, args: []string{"fp", "127.0.0.1:5000/fp/other"},
			out: "Upgrading plugin fp:latest from 127.0.0.1:5000/fp/plug:1 to 127.0.0.1:5000/fp/other:latest\n" +
				"Plugin images do not match, are you sure? [y/N] ",
			lines: []string{"GET /plugins/fp/json"},
		},
		{
			name: "another image, remote check skipped, privileges prompt", inspect: disabled, stdin: "y\n",
			args: []string{"--skip-remote-check", "fp", "vieux/sshfs"},
			out: "Upgrading plugin fp:latest from 127.0.0.1:5000/fp/plug:1 to vieux/sshfs:latest\n" +
				strings.Replace(privilegesPrompt, "127.0.0.1:5000/fp/plug:1", "docker.io/vieux/sshfs", 1) + pulledOut +
				"Upgraded plugin fp:latest to docker.io/vieux/sshfs\n",
			lines: []string{"GET /plugins/fp/json", "GET /plugins/privileges?remote=docker.io%2Fvieux%2Fsshfs",
				"POST /plugins/fp:latest/upgrade?remote=docker.io%2Fvieux%2Fsshfs"},
		},
		{
			name: "enabled", inspect: strings.Replace(disabled, "false", "true", 1), args: []string{"fp"},
			err: "the plugin must be disabled before upgrading", lines: []string{"GET /plugins/fp/json"},
		},
		{
			name: "bad remote", inspect: disabled, args: []string{"fp", "X!"},
			err:   "error parsing remote upgrade image reference: invalid reference format: repository name (library/X!) must be lowercase",
			lines: []string{"GET /plugins/fp/json"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := pluginEngine("")
			e.Replies["GET /plugins/fp/json"] = clitest.Reply{Body: tt.inspect}
			e.Handlers["POST /plugins/fp:latest/upgrade"] = streamAs("")
			r := clitest.Run(t, e, clitest.Options{Stdin: tt.stdin}, newUpgradeCommand, tt.args...)
			checkRun(t, e, r, tt.out, tt.err, tt.lines)
		})
	}
}

func TestUpgradeMissing(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /plugins/nope/json": clitest.NotFound(`plugin \"nope\" not found`)}}
	r := clitest.Run(t, e, clitest.Options{}, newUpgradeCommand, "nope")
	if r.ErrText() != `error reading plugin data: Error response from daemon: plugin "nope" not found` {
		t.Fatalf("err %v", r.RunErr)
	}
}

func TestPush(t *testing.T) {
	pushed := `{"status":"The push refers to repository [docker.io/vieux/sshfs]"}
{"status":"Preparing","progressDetail":{},"id":"9fff7ce2b209"}
{"progressDetail":{},"aux":{"Tag":"latest","Digest":"sha256:9fff","Size":418}}
`
	e := &clitest.Engine{Handlers: map[string]http.HandlerFunc{"POST /plugins/vieux/sshfs:latest/push": func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(pushed))
	}}}
	r := clitest.Run(t, e, clitest.Options{}, newPushCommand, "vieux/sshfs")
	if r.RunErr != nil || r.Out != "The push refers to repository [docker.io/vieux/sshfs]\n9fff7ce2b209: Preparing\n" {
		t.Fatalf("out %q err %v", r.Out, r.RunErr)
	}
	if got := e.Requests()[0].Header.Get("X-Registry-Auth"); got != "e30=" {
		t.Errorf("auth %q", got)
	}
	r = clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newPushCommand, "vieux/sshfs@sha256:"+strings.Repeat("a", 64))
	if r.ErrText() != "invalid name: vieux/sshfs@sha256:"+strings.Repeat("a", 64) {
		t.Fatalf("digest: %v", r.RunErr)
	}
}
