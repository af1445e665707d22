package manifest

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/registry"
)

type createOptions struct {
	amend    bool
	insecure bool
}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	var o createOptions
	cmd := cli.Command("create MANIFEST_LIST MANIFEST [MANIFEST...]", "Create a local manifest list for annotating and pushing to a registry",
		cli.RequiresMinArgs(2),
		func(cmd *cobra.Command, args []string) error {
			return runCreate(cmd.Context(), c, o, args[0], args[1:])
		})
	cmd.Flags().BoolVarP(&o.amend, "amend", "a", false, "Amend an existing manifest list")
	addInsecureFlag(cmd, &o.insecure)
	return cmd
}

// runCreate keeps each image's manifest and platform as the list's
// entries: an image the list already holds (--amend) is taken as stored,
// annotations and all; the others are fetched from their registry.
func runCreate(ctx context.Context, c *cli.CLI, o createOptions, listArg string, images []string) error {
	list, err := normalize(listArg)
	if err != nil {
		return fmt.Errorf("error parsing name for manifest list %s: %w", listArg, err)
	}
	s := newStore(c)
	if s.exists(list.String()) && !o.amend {
		return errors.New("refusing to amend an existing manifest list with no --amend flag")
	}
	for _, arg := range images {
		ref, err := normalize(arg)
		if err != nil {
			return err
		}
		m, err := s.get(list.String(), ref.String())
		if err != nil {
			if _, m, err = fetchRemote(ctx, c, ref, o.insecure); err != nil {
				return err
			}
		}
		if registry.IsList(m.Descriptor.MediaType) {
			return fmt.Errorf("%s is a manifest list", ref)
		}
		if err := s.save(list.String(), m); err != nil {
			return err
		}
	}
	fmt.Fprintf(c.Out, "Created manifest list %s\n", list)
	return nil
}
