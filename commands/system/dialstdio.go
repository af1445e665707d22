package system

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// newDialStdioCommand is a placeholder filled by the ssh transport work.
func newDialStdioCommand(c *cli.CLI) *cobra.Command {
	return &cobra.Command{
		Use:    "dial-stdio",
		Short:  "Proxy the stdio stream to the daemon connection. Should not be invoked manually.",
		Args:   cli.NoArgs,
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cli.Errorf(1, "dial-stdio is not implemented yet")
		},
	}
}
