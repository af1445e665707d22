package cli

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// gateEngine answers /_ping with the given API version, as a Linux daemon
// without experimental features, and counts requests.
func gateEngine(t *testing.T, api string) (host string, requests *atomic.Int32) {
	t.Helper()
	requests = new(atomic.Int32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Api-Version", api)
		w.Header().Set("Ostype", "linux")
		w.Header().Set("Docker-Experimental", "false")
		_, _ = w.Write([]byte("OK"))
	}))
	t.Cleanup(srv.Close)
	return "tcp://" + srv.Listener.Addr().String(), requests
}

// gatedTree is a root with gated commands: `docker pull` needs nothing
// itself, --platform 1.32, --all 1.25, --squash experimental features,
// --count a Windows daemon; `docker df` needs 1.25 itself, its --filter
// 1.28; `docker cp` (a group) and its `ls` need experimental features;
// `docker ps` needs nothing.
func gatedTree(c *CLI, ran *bool) *cobra.Command {
	root := &cobra.Command{Use: "docker", SilenceErrors: true, SilenceUsage: true}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return Errorf(125, "flag: %v", err) })
	// The help lists what it shows: visible subcommands and flags.
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		shown := []string{"help of " + cmd.Name()}
		for _, sub := range cmd.Commands() {
			if !sub.Hidden && sub.Name() != "help" && sub.Name() != "completion" {
				shown = append(shown, sub.Name())
			}
		}
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && f.Name != "help" {
				shown = append(shown, "--"+f.Name)
			}
		})
		cmd.Println(strings.Join(shown, " "))
	})
	run := func(*cobra.Command, []string) error { *ran = true; return nil }
	pull := &cobra.Command{Use: "pull", Args: ExactArgs(1), RunE: run}
	pull.Flags().String("platform", "", "")
	pull.Flags().Bool("all", false, "")
	pull.Flags().Bool("quiet", false, "")
	pull.Flags().Bool("squash", false, "")
	pull.Flags().Int("count", 0, "")
	MinAPI(pull.Flags(), "1.32", "platform")
	MinAPI(pull.Flags(), "1.25", "all")
	Experimental(pull.Flags(), "squash")
	OSType(pull.Flags(), "windows", "count")
	df := MinAPICommand(&cobra.Command{Use: "df", Args: NoArgs, RunE: run}, "1.25")
	df.Flags().String("filter", "", "")
	MinAPI(df.Flags(), "1.28", "filter")
	cp := ExperimentalCommand(&cobra.Command{Use: "cp", Args: NoArgs, RunE: run})
	cp.AddCommand(&cobra.Command{Use: "ls", Args: ExactArgs(1), RunE: run})
	root.AddCommand(pull, df, cp, &cobra.Command{Use: "ps", Args: NoArgs, RunE: run})
	InstallAPIGates(c, root)
	return root
}

func TestAPIGates(t *testing.T) {
	const platform = `"--platform" requires API version 1.32, but the Docker daemon API version is `
	tests := []struct {
		name     string
		env      string // DOCKER_API_VERSION
		api      string // what the engine announces
		args     []string
		out, err string
		ran      bool
		requests int32
	}{
		{name: "an ungated run asks nothing", api: "1.24", args: []string{"pull", "--quiet", "x"}, ran: true},
		{name: "a gated flag left alone asks nothing", api: "1.24", args: []string{"pull", "x"}, ran: true},
		{name: "a gated flag on an old engine", api: "1.24", args: []string{"pull", "--platform", "p", "x"},
			err: platform + "1.24", requests: 1},
		{name: "set to an empty value still counts", api: "1.24", args: []string{"pull", "--platform=", "x"},
			err: platform + "1.24", requests: 1},
		{name: "a new enough engine", api: "1.32", args: []string{"pull", "--platform", "p", "x"}, ran: true, requests: 1},
		{name: "every refused flag, by name", api: "1.24", args: []string{"pull", "--platform", "p", "--all", "x"},
			err: `"--all" requires API version 1.25, but the Docker daemon API version is 1.24` + "\n" + platform + "1.24", requests: 1},
		{name: "before the argument count", env: "1.24", api: "1.50", args: []string{"pull", "--platform", "p"},
			err: platform + "1.24"},
		{name: "before a flag error after the gated flag", env: "1.24", api: "1.50", args: []string{"pull", "--platform", "p", "--bogus"},
			err: platform + "1.24"},
		{name: "before the argument count, negotiated", api: "1.24", args: []string{"pull", "--platform", "p"},
			err: platform + "1.24", requests: 1},
		{name: "before a flag error, negotiated", api: "1.24", args: []string{"pull", "--platform", "p", "--bogus"},
			err: platform + "1.24", requests: 1},
		{name: "a bad argument count with no gated flag never dials", api: "1.24", args: []string{"pull", "--quiet"},
			err: "docker: 'docker pull' requires 1 argument\n\nUsage:  docker pull [flags]\n\nRun 'docker pull --help' for more information"},
		{name: "a flag error before the gated flag wins", api: "1.24", args: []string{"pull", "--bogus", "--platform", "p"},
			err: "flag: unknown flag: --bogus"},
		{name: "a flag error with no gate does not dial", api: "1.24", args: []string{"pull", "--bogus"},
			err: "flag: unknown flag: --bogus"},
		{name: "DOCKER_API_VERSION is used without dialing", env: "v1.24", api: "1.50", args: []string{"pull", "--platform", "p", "x"},
			err: platform + "1.24"},
		{name: "a gated command", api: "1.24", args: []string{"df"},
			err: "docker df requires API version 1.25, but the Docker daemon API version is 1.24", requests: 1},
		{name: "a gated command with a bad argument count", env: "1.24", api: "1.50", args: []string{"df", "x"},
			err: "docker df requires API version 1.25, but the Docker daemon API version is 1.24"},
		{name: "the command's gate comes before its flags'", api: "1.24", args: []string{"df", "--filter", "a"},
			err: "docker df requires API version 1.25, but the Docker daemon API version is 1.24", requests: 1},
		{name: "a flag newer than its command", api: "1.25", args: []string{"df", "--filter", "a"},
			err: `"--filter" requires API version 1.28, but the Docker daemon API version is 1.25`, requests: 1},
		{name: "help instead of the gate error, with a fixed version", env: "1.24", api: "1.50", args: []string{"pull", "--platform", "p", "--help"},
			out: platform + "1.24\n"},
		{name: "help of a gated command, with a fixed version", env: "1.24", api: "1.50", args: []string{"df", "--help"},
			out: "docker df requires API version 1.25, but the Docker daemon API version is 1.24\n"},
		{name: "help never dials, even with a gated flag set", api: "1.24", args: []string{"pull", "--platform", "p", "--help"},
			out: "help of pull --all --count --platform --quiet --squash\n"},
		{name: "help passes a new enough fixed version", env: "1.32", api: "1.24", args: []string{"pull", "--platform", "p", "--help"},
			out: "help of pull --all --count --platform --quiet --squash\n"},
		{name: "help leaves out flags too new for a fixed version", env: "1.25", api: "1.50", args: []string{"pull", "--help"},
			out: "help of pull --all --count --quiet --squash\n"},
		{name: "help shows every flag when the version is not fixed", api: "1.25", args: []string{"pull", "--help"},
			out: "help of pull --all --count --platform --quiet --squash\n"},
		{name: "help of an ungated command asks nothing", api: "1.24", args: []string{"ps", "--help"}, out: "help of ps\n"},
		{name: "and subcommands", env: "1.24", api: "1.50", args: []string{"--help"}, out: "help of docker cp ps pull\n"},
		{name: "subcommands shown when the version is not fixed", api: "1.24", args: []string{"--help"}, out: "help of docker cp df ps pull\n"},
		{name: "an experimental flag", api: "1.50", args: []string{"pull", "--squash", "x"}, requests: 1,
			err: `"--squash" is only supported on a Docker daemon with experimental features enabled`},
		{name: "a Windows flag", api: "1.50", args: []string{"pull", "--count", "2", "--platform", "p", "x"}, requests: 1,
			err: `"--count" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux`},
		{name: "every refusal of the flags, in flag order", api: "1.24", args: []string{"pull", "--squash", "--count", "2", "--platform", "p", "x"}, requests: 1,
			err: `"--count" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux` + "\n" +
				platform + "1.24\n" + `"--squash" is only supported on a Docker daemon with experimental features enabled`},
		{name: "an experimental group, run alone", api: "1.50", args: []string{"cp"}, requests: 1,
			err: "docker cp is only supported on a Docker daemon with experimental features enabled"},
		{name: "its subcommand, named", api: "1.50", args: []string{"cp", "ls"}, requests: 1,
			err: "docker cp ls is only supported on a Docker daemon with experimental features enabled"},
		{name: "its subcommand's help never dials", api: "1.50", args: []string{"cp", "ls", "--help"}, out: "help of ls\n"},
		{name: "experimental and Windows flags shown in the help", api: "1.50", args: []string{"pull", "--help"},
			out: "help of pull --all --count --platform --quiet --squash\n"},
		{name: "and experimental subcommands", api: "1.50", args: []string{"--help"}, out: "help of docker cp df ps pull\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DOCKER_API_VERSION", tt.env)
			host, requests := gateEngine(t, tt.api)
			var out bytes.Buffer
			c := New(Streams{In: NewIn(strings.NewReader("")), Out: NewOut(&out), Err: NewOut(&out)})
			c.Opts.Hosts = []string{host}
			c.Opts.ConfigDir = t.TempDir()
			ran := false
			root := gatedTree(c, &ran)
			root.SetOut(&out)
			root.SetArgs(tt.args)
			err := root.ExecuteContext(context.Background())
			got := ""
			if err != nil {
				got = err.Error()
				var se *StatusError
				if !strings.HasPrefix(got, "flag:") && (!errors.As(err, &se) || se.Code != 1) {
					t.Errorf("error %#v, want a StatusError with code 1", err)
				}
			}
			if got != tt.err || out.String() != tt.out || ran != tt.ran || requests.Load() != tt.requests {
				t.Errorf("err %q out %q ran %v requests %d\nwant err %q out %q ran %v requests %d",
					got, out.String(), ran, requests.Load(), tt.err, tt.out, tt.ran, tt.requests)
			}
		})
	}
}

// TestAPIGatesUnknownVersionPasses: when the version cannot be known the
// check passes and the command reports the problem itself.
func TestAPIGatesUnknownVersionPasses(t *testing.T) {
	tests := []struct {
		name, env string
		endpoint  func(*CLI)
	}{
		{"an unreachable daemon", "", func(c *CLI) { c.Opts.Hosts = []string{"unix:///nonexistent/docker.sock"} }},
		{"no endpoint, even with a fixed version", "1.24", func(c *CLI) { c.Opts.Context = "nosuch" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DOCKER_API_VERSION", tt.env)
			t.Setenv("DOCKER_HOST", "")
			var out bytes.Buffer
			c := New(Streams{In: NewIn(strings.NewReader("")), Out: NewOut(&out), Err: NewOut(&out)})
			c.Opts.ConfigDir = t.TempDir()
			tt.endpoint(c)
			ran := false
			root := gatedTree(c, &ran)
			root.SetArgs([]string{"pull", "--platform", "p", "x"})
			if err := root.Execute(); err != nil || !ran {
				t.Fatalf("err %v ran %v", err, ran)
			}
		})
	}
}

func TestMinAPIMisspeltFlag(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a flag that does not exist")
		}
	}()
	MinAPI((&cobra.Command{}).Flags(), "1.25", "nosuch")
}
