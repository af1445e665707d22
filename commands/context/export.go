package context

import (
	"bytes"
	"os"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

func newExportCommand(c *cli.CLI) *cobra.Command {
	return cli.Command("export [OPTIONS] CONTEXT [FILE|-]", "Export a context to a tar archive FILE or a tar stream on STDOUT.",
		cli.RequiresRangeArgs(1, 2), func(_ *cobra.Command, args []string) error {
			dest := args[0] + ".dockercontext"
			if len(args) == 2 {
				dest = args[1]
			}
			return runExport(c, args[0], dest)
		})
}

// runExport writes the archive to dest ("-" is stdout); an existing file
// is never overwritten. As the reference, the file is created before the
// context is looked up (a failure leaves it empty).
func runExport(c *cli.CLI, name, dest string) error {
	var f *os.File
	if dest != "-" {
		var err error
		if f, err = os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600); err != nil {
			return err
		}
		defer f.Close()
	}
	e, err := loadContext(c, name)
	if err != nil {
		return err
	}
	material := map[string]*config.TLSData{}
	if e.tls != nil {
		material["docker"] = e.tls
	}
	var buf bytes.Buffer
	if err := config.WriteContextArchive(&buf, e.meta, material); err != nil {
		return err
	}
	if f == nil {
		_, err := c.Out.Write(buf.Bytes())
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	notef(c, "Written file %q", dest)
	return nil
}
