package context

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

type removeOptions struct {
	force bool
}

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var opts removeOptions
	cmd := cli.Command("rm CONTEXT [CONTEXT...]", "Remove one or more contexts", cli.RequiresMinArgs(1),
		func(_ *cobra.Command, args []string) error { return runRemove(c, opts, args) },
		"docker context rm", "docker context remove")
	cmd.Aliases = []string{"remove"}
	cmd.Flags().BoolVarP(&opts.force, "force", "f", false, "Force the removal of a context in use")
	return cmd
}

// runRemove removes each context, printing the names removed; failures are
// reported together at the end. Removing the context in use needs -f and
// then also clears it from config.json.
func runRemove(c *cli.CLI, opts removeOptions, names []string) error {
	current, err := currentName(c)
	if err != nil {
		return err
	}
	store := c.Contexts()
	var errs []error
	for _, name := range names {
		switch {
		case name == config.DefaultContextName:
			errs = append(errs, fmt.Errorf("context %q cannot be removed", name))
			continue
		case name == current && !opts.force:
			errs = append(errs, fmt.Errorf("context %q is in use, set -f flag to force remove", name))
			continue
		}
		if err := store.Remove(name); err != nil {
			if !errors.Is(err, config.ErrContextNotFound) {
				errs = append(errs, err)
				continue
			}
			if !opts.force {
				errs = append(errs, fmt.Errorf("context %q does not exist", name))
				continue
			}
		}
		if cfg := c.Config(); name == current && cfg.CurrentContext == name {
			cfg.CurrentContext = ""
			if err := cfg.Save(); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		fmt.Fprintln(c.Out, name)
	}
	return errors.Join(errs...)
}
