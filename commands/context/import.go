package context

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

func newImportCommand(c *cli.CLI) *cobra.Command {
	return cli.Command("import CONTEXT FILE|-", "Import a context from a tar or zip file", cli.ExactArgs(2),
		func(_ *cobra.Command, args []string) error { return runImport(c, args[0], args[1]) })
}

// runImport stores the archive's context under name; "-" reads stdin.
func runImport(c *cli.CLI, name, src string) error {
	if err := config.ValidateContextName(name); err != nil {
		return err
	}
	if c.Contexts().Exists(name) {
		return fmt.Errorf("context %q already exists", name)
	}
	var r io.Reader = c.In
	if src != "-" {
		f, err := os.Open(src)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if err := c.Contexts().Import(name, r); err != nil {
		return err
	}
	fmt.Fprintln(c.Out, name)
	notef(c, "Successfully imported context %q", name)
	return nil
}
