package image

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
)

func newTagCommand(c *cli.CLI) *cobra.Command {
	cmd := cli.Command("tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
		cli.ExactArgs(2), func(cmd *cobra.Command, args []string) error { return runTag(cmd.Context(), c, args[0], args[1]) },
		"docker image tag", "docker tag")
	cmd.DisableFlagsInUseLine = true
	return cmd
}

var errTagDigest = errors.New("refusing to create a tag with a digest reference")

func runTag(ctx context.Context, c *cli.CLI, source, target string) error {
	if _, err := reference.ParseAnyReference(source); err != nil {
		return fmt.Errorf("Error parsing reference: %q is not a valid repository/tag: %w", source, err)
	}
	ref, err := reference.ParseNormalizedNamed(target)
	if err != nil {
		return fmt.Errorf("Error parsing reference: %q is not a valid repository/tag: %w", target, err)
	}
	if isDigested(ref) {
		return errTagDigest
	}
	ref = reference.TagNameOnly(ref)
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	return client.ImageTag(ctx, source, ref.Name(), apiTag(ref))
}
