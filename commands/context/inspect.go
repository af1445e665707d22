package context

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/commands/context/store"
	"github.com/dockerclone/docker/config"
)

// inMemory is the storage path shown for the default context.
const inMemory = "<IN MEMORY>"

type inspectOptions struct {
	format string
}

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var opts inspectOptions
	cmd := cli.Command("inspect [OPTIONS] [CONTEXT] [CONTEXT...]", "Display detailed information on one or more contexts",
		cobra.ArbitraryArgs, func(_ *cobra.Command, args []string) error { return runInspect(c, opts, args) })
	cmd.Flags().StringVarP(&opts.format, "format", "f", "", format.InspectUsage)
	return cmd
}

// dockerEndpoint is the docker endpoint as inspect prints it.
type dockerEndpoint struct {
	Host          string `json:",omitempty"`
	SkipTLSVerify bool
}

// contextWithTLSListing is one element of `context inspect`.
type contextWithTLSListing struct {
	store.Metadata
	TLSMaterial map[string][]string
	Storage     store.StorageInfo
}

func runInspect(c *cli.CLI, opts inspectOptions, names []string) error {
	w, err := c.NewInspect(opts.format)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		name, err := currentName(c)
		if err != nil {
			return err
		}
		names = []string{name}
	}
	return w.Each(names, func(name string) error {
		el, err := inspectOne(c, name)
		if err != nil {
			return err
		}
		return w.AddValue(el)
	})
}

// inspectOne builds one element; "default" lives in memory.
func inspectOne(c *cli.CLI, name string) (contextWithTLSListing, error) {
	e, err := loadContext(c, name)
	if err != nil {
		return contextWithTLSListing{}, err
	}
	el := contextWithTLSListing{
		Metadata: store.Metadata{
			Name:     e.meta.Name,
			Metadata: store.DockerContext{Description: e.meta.Description, AdditionalFields: e.meta.ExtraMetadata},
		},
		TLSMaterial: map[string][]string{},
	}
	if len(e.meta.OtherEndpoints) > 0 || e.meta.Docker != nil {
		el.Endpoints = map[string]any{}
		for k, v := range e.meta.OtherEndpoints {
			el.Endpoints[k] = v
		}
		if d := e.meta.Docker; d != nil {
			el.Endpoints["docker"] = dockerEndpoint{Host: d.Host, SkipTLSVerify: d.SkipTLSVerify}
		}
	}
	if name == config.DefaultContextName {
		el.Storage = store.StorageInfo{MetadataPath: inMemory, TLSPath: inMemory}
		if files := tlsFileNames(e.tls); len(files) > 0 {
			el.TLSMaterial["docker"] = files
		}
		return el, nil
	}
	contexts := c.Contexts()
	el.Storage = store.StorageInfo{MetadataPath: contexts.MetaDir(name), TLSPath: contexts.TLSDir(name)}
	material, err := contexts.TLSMaterial(name)
	if err != nil {
		return contextWithTLSListing{}, err
	}
	for k, v := range material {
		el.TLSMaterial[k] = v
	}
	return el, nil
}

// tlsFileNames lists the material present ("ca.pem", "cert.pem", "key.pem").
func tlsFileNames(d *config.TLSData) []string {
	if d == nil {
		return nil
	}
	return cli.Endpoint{CA: d.CA, Cert: d.Cert, Key: d.Key}.TLSFiles()
}
