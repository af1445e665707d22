package container

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newRenameCommand(c *cli.CLI) *cobra.Command {
	return cli.Command("rename CONTAINER NEW_NAME", "Rename a container", cli.ExactArgs(2),
		func(cmd *cobra.Command, args []string) error { return runRename(cmd.Context(), c, args[0], args[1]) },
		"docker container rename", "docker rename")
}

// runRename prints the daemon's error itself and then fails with the
// reference's summary line.
func runRename(ctx context.Context, c *cli.CLI, oldName, newName string) error {
	oldName, newName = strings.TrimSpace(oldName), strings.TrimSpace(newName)
	if oldName == "" || newName == "" {
		return errors.New("Error: Neither old nor new names may be empty")
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if err := client.ContainerRename(ctx, oldName, newName); err != nil {
		fmt.Fprintln(c.Err, err)
		_ = c.Err.Flush()
		return fmt.Errorf("Error: failed to rename container named %s", oldName)
	}
	return nil
}
