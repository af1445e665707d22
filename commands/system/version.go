package system

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"text/tabwriter"
	"text/template"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

type versionOptions struct {
	format string
}

func newVersionCommand(c *cli.CLI) *cobra.Command {
	var opts versionOptions
	cmd := cli.Command("version [OPTIONS]", "Show the Docker version information", cli.NoArgs,
		func(cmd *cobra.Command, _ []string) error { return runVersion(cmd.Context(), c, opts) })
	cmd.Annotations = map[string]string{"category-top": "11"}
	cmd.Flags().StringVarP(&opts.format, "format", "f", "",
		"Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates")
	return cmd
}

// versionInfo is the template's root: {{.Client}} and {{.Server}}.
type versionInfo struct {
	Client clientVersion
	Server *engine.ServerVersion
}

// ServerOK tells the default template whether to print the server part.
func (v versionInfo) ServerOK() bool { return v.Server != nil }

type clientVersion struct {
	Platform          *struct{ Name string } `json:",omitempty"`
	Version           string
	APIVersion        string `json:"ApiVersion"`
	DefaultAPIVersion string `json:"DefaultAPIVersion,omitempty"`
	GitCommit         string
	GoVersion         string
	Os                string
	Arch              string
	BuildTime         string `json:",omitempty"`
	Context           string
}

const defaultVersionTemplate = `Client:{{if .Client.Platform}}{{if .Client.Platform.Name}} {{.Client.Platform.Name}}{{end}}{{end}}
 Version:	{{.Client.Version}}
 API version:	{{.Client.APIVersion}}{{if ne .Client.APIVersion .Client.DefaultAPIVersion}} (downgraded from {{.Client.DefaultAPIVersion}}){{end}}
 Go version:	{{.Client.GoVersion}}
 Git commit:	{{.Client.GitCommit}}
 Built:	{{.Client.BuildTime}}
 OS/Arch:	{{.Client.Os}}/{{.Client.Arch}}
 Context:	{{.Client.Context}}
{{- if .ServerOK}}{{with .Server}}

Server:{{if .Platform.Name}} {{.Platform.Name}}{{end}}
{{- range $c := .Components}}
 {{$c.Name}}:
{{- if eq $c.Name "Engine"}}
  Version:	{{.Version}}
  API version:	{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:	{{index .Details "GoVersion"}}
  Git commit:	{{index .Details "GitCommit"}}
  Built:	{{index .Details "BuildTime"}}
  OS/Arch:	{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:	{{index .Details "Experimental"}}
{{- else}}
  Version:	{{$c.Version}}
{{- range $k := detailKeys $c.Details}}
  {{$k}}:	{{index $c.Details $k}}
{{- end}}
{{- end}}
{{- end}}
{{- end}}{{end}}`

func runVersion(ctx context.Context, c *cli.CLI, opts versionOptions) error {
	tmpl, err := parseVersionTemplate(opts.format)
	if err != nil {
		return &cli.StatusError{Code: 64, Msg: "template parsing error: " + err.Error()}
	}
	info := versionInfo{Client: clientVersion{
		Version:           cli.Version,
		APIVersion:        engine.DefaultVersion,
		DefaultAPIVersion: engine.DefaultVersion,
		GitCommit:         cli.GitCommit,
		GoVersion:         runtime.Version(),
		Os:                runtime.GOOS,
		Arch:              runtime.GOARCH,
		BuildTime:         reformatTime(cli.BuildTime),
		Context:           c.CurrentContext(),
	}}
	client, err := c.Client(ctx)
	if err != nil {
		return err // the reference fails before printing anything
	}
	var serverErr error
	{
		sv, err := client.ServerVersion(ctx)
		info.Client.APIVersion = client.ClientVersion()
		if err != nil {
			serverErr = err
		} else {
			prepareServer(&sv)
			info.Server = &sv
		}
	}
	if err := execVersion(c, tmpl, info); err != nil && serverErr == nil {
		return err
	}
	return serverErr
}

func parseVersionTemplate(spec string) (*template.Template, error) {
	switch spec {
	case "":
		spec = defaultVersionTemplate
	case "json":
		spec = "{{json .}}"
	}
	funcs := format.FuncMap()
	funcs["detailKeys"] = detailKeys
	return template.New("version").Funcs(funcs).Parse(spec)
}

func execVersion(c *cli.CLI, tmpl *template.Template, info versionInfo) error {
	tw := tabwriter.NewWriter(c.Out, 20, 1, 1, ' ', 0)
	if err := tmpl.Execute(tw, info); err != nil {
		tw.Flush()
		fmt.Fprintln(c.Out)
		return err
	}
	fmt.Fprintln(tw)
	return tw.Flush()
}

// prepareServer synthesizes the Engine component for daemons that send none
// (Podman lists its own components; the synthesized one goes last, from the
// top-level fields) and shows build times the way people read them.
func prepareServer(sv *engine.ServerVersion) {
	for i := range sv.Components {
		if sv.Components[i].Name == "Engine" {
			if bt, ok := sv.Components[i].Details["BuildTime"]; ok {
				sv.Components[i].Details["BuildTime"] = reformatTime(bt)
			}
			return
		}
	}
	sv.Components = append(sv.Components, engine.ComponentVersion{
		Name:    "Engine",
		Version: sv.Version,
		Details: map[string]string{
			"ApiVersion":    sv.APIVersion,
			"MinAPIVersion": sv.MinAPIVersion,
			"GitCommit":     sv.GitCommit,
			"GoVersion":     sv.GoVersion,
			"Os":            sv.Os,
			"Arch":          sv.Arch,
			"BuildTime":     reformatTime(sv.BuildTime),
			"Experimental":  fmt.Sprint(sv.Experimental),
		},
	})
}

func reformatTime(s string) string {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.Format(time.ANSIC)
	}
	return s
}

func detailKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
