package image

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type saveOptions struct {
	images   []string
	output   string
	platform string
}

func newSaveCommand(c *cli.CLI) *cobra.Command {
	var opts saveOptions
	cmd := &cobra.Command{
		Use:                   "save [OPTIONS] IMAGE [IMAGE...]",
		Short:                 "Save one or more images to a tar archive (streamed to STDOUT by default)",
		Args:                  cli.RequiresMinArgs(1),
		DisableFlagsInUseLine: true,
		Annotations:           map[string]string{"aliases": "docker image save, docker save"},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.images = args
			return runSave(cmd.Context(), c, &opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.output, "output", "o", "", "Write to a file, instead of STDOUT")
	fl.StringVar(&opts.platform, "platform", "",
		`Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")`)
	_ = fl.SetAnnotation("platform", "version", []string{"1.48"})
	return cmd
}

var errSaveToTerminal = errors.New("cowardly refusing to save to a terminal. Use the -o flag or redirect")

// runSave streams the archive to stdout, or into -o through a temporary file
// renamed at the end, so a failed save never leaves a partial archive.
func runSave(ctx context.Context, c *cli.CLI, opts *saveOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if opts.platform != "" {
		// Before any other check, as the reference checks flags' versions
		// before running a command.
		if err := requireAPI(ctx, client, "platform", "1.48"); err != nil {
			return err
		}
	}
	if opts.output == "" && c.Out.IsTerminal() {
		return errSaveToTerminal
	}
	if opts.output != "" {
		if err := checkOutputPath(opts.output); err != nil {
			return fmt.Errorf("failed to save image: %w", err)
		}
	}
	body, err := client.ImageSave(ctx, opts.images, opts.platform)
	if err != nil {
		return err
	}
	defer body.Close()
	if opts.output == "" {
		if _, err := io.Copy(c.Out, body); err != nil {
			return err
		}
		return c.Out.Flush()
	}
	if err := writeFileAtomic(opts.output, body); err != nil {
		return fmt.Errorf("failed to save image: %w", err)
	}
	return nil
}

func checkOutputPath(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return errors.New("cannot write to a directory")
	}
	if _, err := os.Stat(filepath.Dir(path)); err != nil {
		return fmt.Errorf("invalid output path: %w", err)
	}
	return nil
}

func writeFileAtomic(path string, r io.Reader) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".docker_temp_")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = io.Copy(f, r); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
