package container

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
	"github.com/dockerclone/docker/cli/progress"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/credentials"
)

type createOptions struct {
	flags containerFlags
}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	var o createOptions
	cmd := newCommand("create [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create a new container", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error {
			return runCreate(cmd.Context(), c, cmd, &o, args[0], args[1:])
		})
	fs := cmd.Flags()
	fs.SetInterspersed(false)
	addContainerFlags(fs, &o.flags, `Pull image before creating ("always", "|missing", "never")`)
	return cmd
}

func runCreate(ctx context.Context, c *cli.CLI, cmd *cobra.Command, o *createOptions, image string, args []string) error {
	req, err := prepareCreate(cmd, &o.flags, image, args, false, [2]uint{})
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	id, err := createContainer(ctx, c, client, &o.flags, req)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Out, id)
	return nil
}

// prepareCreate validates --pull and builds the
// request; its errors are usage errors (125) in the reference's wrapper.
func prepareCreate(cmd *cobra.Command, f *containerFlags, image string, args []string, detach bool, console [2]uint) (createRequest, error) {
	switch f.pull {
	case pullAlways, pullMissing, pullNever:
	default:
		return createRequest{}, usageFailure(cmd, fmt.Errorf(`invalid pull option: '%s': must be one of "always", "missing" or "never"`, f.pull), false)
	}
	req, err := f.request(image, args, detach, console)
	if err != nil {
		return createRequest{}, usageFailure(cmd, err, false)
	}
	return req, nil
}

// usageFailure wraps err as the reference reports run/create failures:
// `docker: <err>` and a hint, exit 125; with mapExec, an error starting the
// process maps to 127 (not found) or 126 (cannot be run).
func usageFailure(cmd *cobra.Command, err error, mapExec bool) error {
	var se *cli.StatusError
	if errors.As(err, &se) {
		return err
	}
	code := 125
	if mapExec {
		msg := err.Error()
		switch {
		case strings.Contains(msg, "executable file not found"), strings.Contains(msg, "no such file or directory"),
			strings.Contains(msg, "system cannot find the file specified"):
			code = 127
		case strings.Contains(msg, "permission denied"), strings.Contains(msg, "is a directory"):
			code = 126
		}
	}
	// The hint names the short form even under `docker container`.
	return cli.Errorf(code, "docker: %s\n\nRun 'docker %s --help' for more information", err, cmd.Name())
}

// createContainer creates the container, pulling the image first with
// --pull=always or when it is missing with --pull=missing; it prints the
// daemon's warnings and writes --cidfile.
func createContainer(ctx context.Context, c *cli.CLI, client *engine.Client, f *containerFlags, req createRequest) (string, error) {
	if _, err := reference.ParseAnyReference(req.Body.Image); err != nil {
		return "", err
	}
	var trusted *trustedImage
	if !f.untrusted {
		// Content trust resolves the tag through the notary server first.
		var err error
		if trusted, err = resolveTrusted(ctx, c, req.Body.Image); err != nil {
			return "", err
		} else if trusted != nil {
			req.Body.Image = trusted.pinned
		}
	}
	req.Body.Env = withProxyEnv(c.Config(), client.Host(), req.Body.Env)
	cid, err := newCIDFile(f.cidfile)
	if err != nil {
		return "", err
	}
	if hasEndpointMAC(req.Body.NetworkingConfig) {
		// Older daemons only know the container-wide field the reference no longer sends.
		if v := client.APIVersion(ctx); engine.VersionLess(v, "1.44") {
			cid.abort()
			return "", fmt.Errorf(`"specify mac-address per network" requires API version 1.44, but the Docker daemon API version is %s`, v)
		}
	}
	createPlatform := ""
	if req.Platform != "" {
		p, err := opts.ParsePlatform(req.Platform)
		if err != nil {
			cid.abort()
			return "", fmt.Errorf("error parsing specified platform: %w", err)
		}
		createPlatform = p.String() // the pull gets the flag as typed
	}
	named, _ := reference.ParseNormalizedNamed(req.Body.Image) // nil for an image ID
	if named != nil {
		named = reference.TagNameOnly(named)
	}
	pull := func() error {
		err := pullImage(ctx, c, client, named, req.Platform, f.quiet)
		if err == nil && trusted != nil {
			err = trusted.tagBack(ctx, c, client)
		}
		if err != nil {
			cid.abort()
		}
		return err
	}
	if f.pull == pullAlways && named != nil {
		if err := pull(); err != nil {
			return "", err
		}
	}
	resp, err := client.ContainerCreate(ctx, req.Name, createPlatform, req.Body)
	if err != nil && f.pull == pullMissing && named != nil && isNoSuchImage(err) {
		if !f.quiet {
			shown := reference.FamiliarString(named)
			if trusted != nil {
				shown = reference.FamiliarString(trusted.tagged)
			}
			fmt.Fprintf(c.Err, "Unable to find image '%s' locally\n", shown)
			c.Err.Flush()
		}
		if err := pull(); err != nil {
			return "", err
		}
		resp, err = client.ContainerCreate(ctx, req.Name, createPlatform, req.Body)
	}
	if err != nil {
		cid.abort()
		return "", err
	}
	for _, w := range resp.Warnings {
		fmt.Fprintf(c.Err, "WARNING: %s\n", w)
	}
	if ip := localhostDNS(req.Body.HostConfig.DNS); ip != "" {
		fmt.Fprintf(c.Err, "WARNING: Localhost DNS (%s) may fail in containers.\n", ip)
	}
	c.Err.Flush()
	if err := cid.write(resp.ID); err != nil {
		return resp.ID, err
	}
	return resp.ID, nil
}

// isNoSuchImage is any 404 from create, as the reference treats it: "No such
// image", and also an image present only for another platform.
func isNoSuchImage(err error) bool {
	return engine.IsNotFound(err)
}

// pullImage pulls named for run/create, drawing progress on stderr. It is
// the one place run and create talk to the registry.
func pullImage(ctx context.Context, c *cli.CLI, client *engine.Client, named reference.Named, platform string, quiet bool) error {
	host := reference.Domain(named)
	server := host
	if host == "docker.io" {
		server = credentials.IndexServer
	}
	auth, err := credentials.For(c.Config(), server).Get(server)
	if err != nil {
		return err
	}
	tag := ""
	if d, ok := named.(reference.Digested); ok {
		tag = d.Digest().String()
	} else if t, ok := named.(reference.Tagged); ok {
		tag = t.Tag()
	}
	body, err := client.ImagePull(ctx, reference.FamiliarName(named), tag, platform, credentials.EncodeAuth(auth))
	if err != nil {
		return err
	}
	defer body.Close()
	if quiet {
		return progress.Discard(body, nil)
	}
	width := progress.DefaultWidth
	if _, w := c.Err.Size(); w > 0 {
		width = int(w)
	}
	return progress.Render(body, c.Err, c.Err.IsTerminal(), width, nil)
}

// cidFile is --cidfile: created before the container so that a stale file
// stops a second run, filled with the ID afterwards.
type cidFile struct {
	path string
	f    *os.File
}

func newCIDFile(path string) (*cidFile, error) {
	if path == "" {
		return &cidFile{}, nil
	}
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("container ID file found, make sure the other container isn't running or delete %s", path)
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("failed to create the container ID file: %w", err)
	}
	return &cidFile{path: path, f: f}, nil
}

func (c *cidFile) write(id string) error {
	if c.f == nil {
		return nil
	}
	defer c.f.Close()
	if _, err := c.f.WriteString(id); err != nil {
		return fmt.Errorf("failed to write the container ID to the file: %w", err)
	}
	return nil
}

func (c *cidFile) abort() {
	if c.f != nil {
		c.f.Close()
		os.Remove(c.path)
	}
}
