package image

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type removeOptions struct {
	force     bool
	noPrune   bool
	platforms []string
}

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var opts removeOptions
	cmd := cli.Command("rmi [OPTIONS] IMAGE [IMAGE...]", "Remove one or more images", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error { return runRemove(cmd.Context(), c, &opts, args) },
		"docker image rm", "docker image remove", "docker rmi")
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.BoolVarP(&opts.force, "force", "f", false, "Force removal of the image")
	fl.BoolVar(&opts.noPrune, "no-prune", false, "Do not delete untagged parents")
	fl.StringSliceVar(&opts.platforms, "platform", nil,
		"Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")")
	cli.MinAPI(fl, "1.50", "platform")
	return cmd
}

// runRemove removes the images one after the other, printing what the
// daemon untagged and deleted. Errors are reported together at the end, in
// argument order; with --force, when every one of them is a missing image,
// they are only printed and the command succeeds.
func runRemove(ctx context.Context, c *cli.CLI, opts *removeOptions, images []string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var errs []error
	fatal := false
	for _, img := range images {
		items, err := client.ImageRemove(ctx, img, engine.ImageRemoveOptions{
			Force: opts.force, NoPrune: opts.noPrune, Platforms: opts.platforms})
		if err != nil {
			fatal = fatal || !opts.force || !engine.IsNotFound(err)
			errs = append(errs, err)
			continue
		}
		for _, it := range items {
			if it.Deleted != "" {
				fmt.Fprintln(c.Out, "Deleted:", it.Deleted)
			} else {
				fmt.Fprintln(c.Out, "Untagged:", it.Untagged)
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	err = errors.Join(errs...)
	if fatal {
		return err
	}
	c.Out.Flush() // what was removed comes first, as when stdout is unbuffered
	fmt.Fprintln(c.Err, err)
	c.Err.Flush() // not an error of the command: nothing else flushes it
	return nil
}
