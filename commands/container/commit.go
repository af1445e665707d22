package container

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/reference"
)

type commitOptions struct {
	container, reference string
	pause                bool
	comment, author      string
	changes              commitChanges
}

func newCommitCommand(c *cli.CLI) *cobra.Command {
	var opts commitOptions
	cmd := newCommand("commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]", "Create a new image from a container's changes",
		cli.RequiresRangeArgs(1, 2), func(cmd *cobra.Command, args []string) error {
			opts.container = args[0]
			if len(args) > 1 {
				opts.reference = args[1]
			}
			return runCommit(cmd.Context(), c, &opts)
		})
	f := cmd.Flags()
	f.SetInterspersed(false)
	f.BoolVarP(&opts.pause, "pause", "p", true, "Pause container during commit")
	f.StringVarP(&opts.comment, "message", "m", "", "Commit message")
	f.StringVarP(&opts.author, "author", "a", "", `Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")`)
	f.VarP(&opts.changes, "change", "c", "Apply Dockerfile instruction to the created image")
	return cmd
}

func runCommit(ctx context.Context, c *cli.CLI, opts *commitOptions) error {
	container, err := containerID(opts.container)
	if err != nil {
		return err
	}
	repo, tag, err := commitRepoTag(opts.reference)
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	id, err := client.ContainerCommit(ctx, engine.CommitOptions{
		Container: container,
		Repo:      repo,
		Tag:       tag,
		Comment:   opts.comment,
		Author:    opts.author,
		Changes:   opts.changes,
		NoPause:   !opts.pause,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Out, id)
	return nil
}

// commitRepoTag normalizes REPOSITORY[:TAG] as the daemon expects it
// ("busybox" -> "docker.io/library/busybox", "latest"); digests are refused.
func commitRepoTag(ref string) (repo, tag string, err error) {
	if ref == "" {
		return "", "", nil
	}
	named, err := reference.ParseNormalizedNamed(ref)
	if err != nil {
		return "", "", err
	}
	if _, ok := named.(reference.Canonical); ok {
		return "", "", errors.New("refusing to create a tag with a digest reference")
	}
	named = reference.TagNameOnly(named)
	if tagged, ok := named.(reference.Tagged); ok {
		tag = tagged.Tag()
	}
	return named.Name(), tag, nil
}

// commitChanges is the repeatable -c/--change flag (shown as type "list").
type commitChanges []string

func (l *commitChanges) String() string {
	if len(*l) == 0 {
		return ""
	}
	return fmt.Sprintf("%v", []string(*l))
}
func (l *commitChanges) Set(v string) error { *l = append(*l, v); return nil }
func (l *commitChanges) Type() string       { return "list" }
