// Package cli holds what every command shares: streams, global options,
// the lazily loaded config and the lazily dialed engine client.
package cli

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/config"
)

// CLI is handed to every command. Nothing here reads a file or opens a socket
// until a command asks for it.
type CLI struct {
	Streams
	Opts GlobalOptions

	cfgOnce sync.Once
	cfg     *config.File

	clientOnce sync.Once
	client     *engine.Client
	endpoint   Endpoint
	clientErr  error
}

// New returns a CLI over the given streams.
func New(s Streams) *CLI { return &CLI{Streams: s} }

// ConfigDir is the directory holding config.json and the context store.
func (c *CLI) ConfigDir() string {
	return config.Dir(c.Opts.ConfigDir)
}

// Config loads config.json on first use. A malformed file is reported as the
// reference does (a warning) and an empty config is used instead.
func (c *CLI) Config() *config.File {
	c.cfgOnce.Do(func() {
		f, err := config.Load(c.ConfigDir())
		if err != nil {
			fmt.Fprintln(c.Err, "WARNING: "+err.Error())
		}
		c.cfg = f
	})
	return c.cfg
}

// Contexts is the on-disk context store.
func (c *CLI) Contexts() *config.ContextStore {
	return config.NewContextStore(c.ConfigDir())
}

// Endpoint resolves which engine to talk to (flags, env, contexts).
func (c *CLI) Endpoint() (Endpoint, error) {
	return ResolveEndpoint(c)
}

// Client returns the engine client, created on first use. Creation does not
// dial: API version negotiation happens on the first request.
func (c *CLI) Client(ctx context.Context) (*engine.Client, error) {
	c.clientOnce.Do(func() {
		ep, err := c.Endpoint()
		if err != nil {
			c.clientErr = &StatusError{Code: 1, Msg: "Failed to initialize: unable to resolve docker endpoint: " + err.Error()}
			return
		}
		c.endpoint = ep
		opts := engine.Options{
			Host:       ep.Host,
			APIVersion: os.Getenv("DOCKER_API_VERSION"),
			UserAgent:  UserAgent(),
			Headers:    customHeaders(c.Config()),
		}
		opts.TLS, err = ep.TLSConfig()
		if err != nil {
			c.clientErr = &StatusError{Code: 1, Msg: "Failed to initialize: " + err.Error()}
			return
		}
		opts.Dial, err = ep.Dialer()
		if err != nil {
			c.clientErr = &StatusError{Code: 1, Msg: "Failed to initialize: " + err.Error()}
			return
		}
		c.client, err = engine.New(opts)
		if err != nil {
			c.clientErr = &StatusError{Code: 1, Msg: "Failed to initialize: " + err.Error()}
		}
	})
	return c.client, c.clientErr
}

// CurrentContext is the name of the context in use ("default" when none).
func (c *CLI) CurrentContext() string {
	return resolveContextName(c)
}

// proxying is set while a command forwards signals to a container itself.
var proxying atomic.Bool

// SetSignalsProxied tells the root signal handler to leave SIGINT/SIGTERM to the command.
func (c *CLI) SetSignalsProxied(on bool) { proxying.Store(on) }

// SignalsProxied reports whether a command is forwarding signals.
func (c *CLI) SignalsProxied() bool { return proxying.Load() }
