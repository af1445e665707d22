package context

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

func newUseCommand(c *cli.CLI) *cobra.Command {
	// The reference uses cobra's plain argument message here.
	return cli.Command("use CONTEXT", "Set the current docker context", cobra.ExactArgs(1),
		func(_ *cobra.Command, args []string) error { return runUse(c, args[0]) })
}

// runUse records the context in config.json ("default" removes the key);
// the file is only written when the value changes.
func runUse(c *cli.CLI, name string) error {
	if name != config.DefaultContextName {
		if err := config.ValidateContextName(name); err != nil {
			return err
		}
		if _, err := c.Contexts().Get(name); err != nil {
			return err
		}
	}
	want := name
	if name == config.DefaultContextName {
		want = ""
	}
	cfg := c.Config()
	if cfg.CurrentContext != want {
		cfg.CurrentContext = want
		if err := cfg.Save(); err != nil {
			return err
		}
	}
	fmt.Fprintln(c.Out, name)
	notef(c, "Current context is now %q", name)
	if name != config.DefaultContextName {
		// DOCKER_HOST is the default context's own host: nothing is hidden.
		dockerHostWarning(c, fmt.Sprintf("%q", name))
	}
	return nil
}
