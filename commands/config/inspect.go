package config

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes/swarm"
)

func newInspectCommand(c *cli.CLI) *cobra.Command {
	return cli.NewDataInspectCommand[swarm.Config](c, "inspect [OPTIONS] CONFIG [CONFIG...]", "Display detailed information on one or more configs",
		engine.Configs, func(out io.Writer, cf *engine.SwarmConfig) {
			fmt.Fprintf(out, "ID:\t\t\t%s\nName:\t\t\t%s\n", cf.ID, cf.Spec.Name)
			format.WriteLabels(out, "Labels:", cf.Spec.Labels)
			fmt.Fprintf(out, "Created at:            \t%s\nUpdated at:            \t%s\nData:\n%s\n",
				format.PrettyTime(cf.CreatedAt), format.PrettyTime(cf.UpdatedAt), cf.Spec.Data)
		})
}
