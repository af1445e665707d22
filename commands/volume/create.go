package volume

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type createOptions struct {
	name       string
	driver     string
	driverOpts *opts.Map
	labels     *opts.List

	// Cluster volume settings (swarm only; API 1.42).
	group, scope, sharing, availability, accessType string
	requiredBytes, limitBytes                       opts.MemBytes
	secrets                                         *opts.Map
	topoRequired, topoPreferred                     *opts.List
}

// clusterFlags are the flags that make a cluster volume.
var clusterFlags = []string{"group", "scope", "sharing", "availability", "type",
	"required-bytes", "limit-bytes", "secret", "topology-required", "topology-preferred"}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	o := createOptions{
		driverOpts:    opts.NewMap(nil),
		labels:        opts.NewList(opts.ValidateLabel),
		secrets:       opts.NewMap(nil),
		topoRequired:  opts.NewList(nil),
		topoPreferred: opts.NewList(nil),
	}
	cmd := cli.Command("create [OPTIONS] [VOLUME]", "Create a volume", cli.RequiresMaxArgs(1),
		func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if o.name != "" {
					return errors.New("conflicting options: cannot specify a volume-name through both --name and as a positional arg")
				}
				o.name = args[0]
			}
			cluster := slices.ContainsFunc(clusterFlags, cmd.Flags().Changed)
			return runCreate(cmd.Context(), c, o, cluster)
		})
	f := cmd.Flags()
	f.StringVarP(&o.driver, "driver", "d", "local", "Specify volume driver name")
	f.StringVar(&o.name, "name", "", "Specify volume name")
	_ = f.MarkHidden("name")
	f.VarP(o.driverOpts, "opt", "o", "Set driver specific options")
	f.Var(o.labels, "label", "Set metadata for a volume")
	f.StringVar(&o.group, "group", "", "Cluster Volume group (cluster volumes)")
	f.StringVar(&o.scope, "scope", "single", `Cluster Volume access scope ("single", "multi")`)
	f.StringVar(&o.sharing, "sharing", "none", `Cluster Volume access sharing ("none", "readonly", "onewriter", "all")`)
	f.StringVar(&o.availability, "availability", "active", `Cluster Volume availability ("active", "pause", "drain")`)
	f.StringVar(&o.accessType, "type", "block", `Cluster Volume access type ("mount", "block")`)
	f.Var(o.secrets, "secret", "Cluster Volume secrets")
	f.Var(o.topoRequired, "topology-required", "A topology that the Cluster Volume must be accessible from")
	f.Var(o.topoPreferred, "topology-preferred", "A topology that the Cluster Volume would be preferred in")
	f.Var(&o.requiredBytes, "required-bytes", "Maximum size of the Cluster Volume in bytes")
	f.Var(&o.limitBytes, "limit-bytes", "Minimum size of the Cluster Volume in bytes")
	cli.MinAPI(f, "1.42", clusterFlags...)
	return cmd
}

func runCreate(ctx context.Context, c *cli.CLI, o createOptions, cluster bool) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if cluster {
		return errors.New("cluster volumes are not supported by this client")
	}
	req := engine.VolumeCreateRequest{
		Driver:     o.driver,
		DriverOpts: o.driverOpts.Values(),
		Name:       o.name,
	}
	if o.labels.Len() > 0 {
		req.Labels = map[string]string{}
		for _, l := range o.labels.Values() {
			k, v, _ := strings.Cut(l, "=")
			req.Labels[k] = v
		}
	}
	vol, err := client.VolumeCreate(ctx, req)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Out, vol.Name)
	return nil
}
