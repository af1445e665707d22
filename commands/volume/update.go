package volume

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type updateOptions struct{ availability string }

func newUpdateCommand(c *cli.CLI) *cobra.Command {
	var o updateOptions
	cmd := cli.Command("update [OPTIONS] [VOLUME]", "Update a volume (cluster volumes only)", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			return runUpdate(cmd.Context(), c, o, cmd.Flags().Changed("availability"), args[0])
		})
	cmd.Flags().StringVar(&o.availability, "availability", "active", `Cluster Volume availability ("active", "pause", "drain")`)
	return cli.MinAPICommand(cmd, "1.42")
}

func runUpdate(ctx context.Context, c *cli.CLI, o updateOptions, availabilitySet bool, name string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	cv, err := client.ClusterVolumeOf(ctx, name)
	if err != nil {
		return err
	}
	if cv == nil {
		return errors.New("can only update cluster volumes")
	}
	if availabilitySet {
		cv.Spec.Availability = o.availability
	}
	return client.ClusterVolumeUpdate(ctx, cv.ID, cv.Version.Index, cv.Spec)
}
