package system

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/commands/system/formatter"
)

type dfOptions struct {
	verbose bool
	format  string
}

func newDiskUsageCommand(c *cli.CLI) *cobra.Command {
	var o dfOptions
	cmd := cli.Command("df [OPTIONS]", "Show docker disk usage", cli.NoArgs,
		func(cmd *cobra.Command, _ []string) error { return runDiskUsage(cmd.Context(), c, o) })
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "Show detailed information on space usage")
	cmd.Flags().StringVar(&o.format, "format", "", format.ListUsage)
	return cli.MinAPICommand(cmd, "1.25")
}

// runDiskUsage prints the summary table, or with -v every image, container,
// volume and cache record; a -v --format template runs once over them all.
func runDiskUsage(ctx context.Context, c *cli.CLI, o dfOptions) error {
	f, err := format.Parse(o.format, formatter.DefaultFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	du, err := client.DiskUsage(ctx)
	if err != nil {
		return err
	}
	if o.verbose {
		if o.format == "" || o.format == "table" {
			return formatter.WriteVerbose(c.Out, &du)
		}
		return formatter.ExecuteVerbose(c.Out, f, &du)
	}
	w := format.NewWriter(c.Out, f, formatter.Header)
	for _, r := range formatter.Rows(&du) {
		if err := w.Write(r); err != nil {
			return fmt.Errorf("template parsing error: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	return nil
}
