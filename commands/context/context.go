// Package context holds `docker context`: the named engine endpoints kept in
// the config directory. No command here talks to the engine.
package context

import (
	"fmt"
	"os"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

// Entries is `docker context`, which has no shortcuts.
func Entries() []cli.Entry {
	return []cli.Entry{cli.GroupEntry("context", "Manage contexts", newCreateCommand, newExportCommand,
		newImportCommand, newInspectCommand, newListCommand, newRemoveCommand, newShowCommand,
		newUpdateCommand, newUseCommand)}
}

// currentName is the context in use, after refusing -H with --context as
// the reference does for every command.
func currentName(c *cli.CLI) (string, error) {
	if err := cli.CheckGlobalOptions(&c.Opts); err != nil {
		return "", err
	}
	return c.CurrentContext(), nil
}

// dockerHostWarning is printed when DOCKER_HOST hides the chosen context;
// what names the context ("a context", `"x"`).
func dockerHostWarning(c *cli.CLI, what string) {
	if os.Getenv("DOCKER_HOST") == "" {
		return
	}
	notef(c, "Warning: DOCKER_HOST environment variable overrides the active context. To use %s, either set the global --context flag, or unset DOCKER_HOST environment variable.", what)
}

// endpointOf describes a context's docker endpoint: the in-memory default
// one from flags and environment, or a stored one.
type endpointOf struct {
	meta config.Context
	tls  *config.TLSData
}

// loadContext returns a context's metadata and docker TLS material;
// "default" is built from the global options.
func loadContext(c *cli.CLI, name string) (endpointOf, error) {
	if name == config.DefaultContextName {
		ep, err := cli.DefaultEndpoint(&c.Opts)
		if err != nil {
			return endpointOf{}, err
		}
		e := endpointOf{meta: config.Context{
			Name:   name,
			Docker: &config.DockerEndpoint{Host: ep.Host, SkipTLSVerify: ep.SkipTLSVerify},
		}}
		if len(ep.CA)+len(ep.Cert)+len(ep.Key) > 0 {
			e.tls = &config.TLSData{CA: ep.CA, Cert: ep.Cert, Key: ep.Key}
		}
		return e, nil
	}
	store := c.Contexts()
	meta, err := store.Get(name)
	if err != nil {
		return endpointOf{}, err
	}
	tls, err := store.ReadTLS(name, "docker")
	if err != nil {
		return endpointOf{}, err
	}
	return endpointOf{meta: meta, tls: tls}, nil
}

// notef prints a status line on stderr. Stderr is buffered when it is not
// a terminal, and these lines must appear even when the command succeeds.
func notef(c *cli.CLI, format string, args ...any) {
	c.Out.Flush()
	fmt.Fprintf(c.Err, format+"\n", args...)
	c.Err.Flush()
}
