package secret

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
	return cli.NewDataInspectCommand[swarm.Secret](c, "inspect [OPTIONS] SECRET [SECRET...]", "Display detailed information on one or more secrets",
		engine.Secrets, func(out io.Writer, s *engine.Secret) {
			fmt.Fprintf(out, "ID:              %s\nName:              %s\n", s.ID, s.Spec.Name)
			format.WriteLabels(out, "Labels:", s.Spec.Labels)
			driver := ""
			if s.Spec.Driver != nil {
				driver = s.Spec.Driver.Name
			}
			fmt.Fprintf(out, "Driver:            %s\nCreated at:        %s\nUpdated at:        %s\n",
				driver, format.PrettyTime(s.CreatedAt), format.PrettyTime(s.UpdatedAt))
		})
}
