package commands

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli"
)

func TestCompletedCommand(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"ps", ""}, ""},
		{[]string{"__complete", ""}, ""},
		{[]string{"__complete", "r"}, ""},
		{[]string{"__complete", "rm", ""}, "rm"},
		{[]string{"__completeNoDesc", "rm", "-"}, "rm"},
		{[]string{"__complete", "-H", "unix:///x", "container", "ls", "--format", ""}, "container"},
		{[]string{"__complete", "--context", ""}, ""},
		{[]string{"__complete", "--", "rm", ""}, ""},
		{[]string{"__complete", "help", "rm"}, "help"},
	}
	for _, tc := range cases {
		if got := completedCommand(tc.args); got != tc.want {
			t.Errorf("completedCommand(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// A completion request builds only the command it completes: what it prints
// is what the whole tree prints.
func TestCompletionOfOneCommandMatchesWholeTree(t *testing.T) {
	e := fakeEngine(t)
	e.Handlers = map[string]http.HandlerFunc{
		"GET /containers/json": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`[{"Id":"aaaaaaaaaaaa1111","Names":["/web"],"State":"running"},{"Id":"cccccccccccc3333","Names":["/old"],"State":"exited"}]`))
		},
		"GET /images/json": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`[{"Id":"sha256:1","RepoTags":["busybox:latest"]}]`))
		},
		"GET /networks": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`[{"Name":"bridge"},{"Name":"host"}]`))
		},
		"GET /volumes": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"Volumes":[{"Name":"data"}]}`))
		},
	}
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	requests := [][]string{
		{"rm", ""}, {"rm", "-"}, {"rm", "--"}, {"rm", "-f", ""}, {"stop", "--signal", ""},
		{"container", ""}, {"container", "rm", ""}, {"container", "ls", "--format", ""},
		{"run", "--network", ""}, {"run", ""}, {"run", "busybox", ""}, {"image", ""}, {"image", "rm", ""},
		{"network", "rm", ""}, {"volume", "rm", ""}, {"logs", ""}, {"ps", "--filter", ""},
		{"-D", "ps", "-"}, {"system", "prune", "--"}, {"builder", ""}, {"stack", "deploy", "-"},
		{"nosuch", ""}, {"help", ""}, {"r"},
	}
	for _, req := range requests {
		for _, verb := range []string{"__complete", "__completeNoDesc"} {
			args := append([]string{verb}, req...)
			gotOut, gotErr, gotCode := run(slices.Clone(args)...) // the run rewrites its arguments
			wantOut, wantErr := wholeTree(slices.Clone(args))
			if gotOut != wantOut || gotErr != wantErr || gotCode != 0 {
				t.Errorf("%q: one command gives\n%s%s(code %d)\nthe whole tree\n%s%s", args, gotOut, gotErr, gotCode, wantOut, wantErr)
			}
		}
	}
}

// wholeTree runs a completion request through the whole command tree.
func wholeTree(args []string) (stdout, stderr string) {
	var out, errb bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&out), Err: cli.NewOut(&errb)})
	root := newRootCommand(c, "", false)
	root.SetArgs(args)
	_ = root.Execute()
	c.Out.Flush()
	c.Err.Flush()
	return out.String(), errb.String()
}

// docker bake, completed past its name, is the reference's: a command that
// parses flags and has none (buildx or not).
func TestBakeCompletion(t *testing.T) {
	fakeEngine(t)
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	tests := []struct {
		args           []string
		stdout, stderr string
	}{
		{[]string{"bake", "--"}, ":4\n", "Completion ended with directive: ShellCompDirectiveNoFileComp\n"},
		{[]string{"bake", "x", ""}, ":0\n", "Completion ended with directive: ShellCompDirectiveDefault\n"},
		// cobra also reports the unknown flag ("[Debug] [Error] ... in -f"),
		// but on the process's own stderr.
		{[]string{"bake", "-f", ""}, ":0\n", "Completion ended with directive: ShellCompDirectiveDefault\n"},
	}
	for _, tt := range tests {
		stdout, stderr, code := run(append([]string{"__complete"}, tt.args...)...)
		if stdout != tt.stdout || stderr != tt.stderr || code != 0 {
			t.Errorf("__complete %q: %q %q %d, want %q %q 0", tt.args, stdout, stderr, code, tt.stdout, tt.stderr)
		}
	}
}
