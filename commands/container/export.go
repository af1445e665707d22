package container

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type exportOptions struct{ output string }

func newExportCommand(c *cli.CLI) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:         "export [OPTIONS] CONTAINER",
		Short:       "Export a container's filesystem as a tar archive",
		Args:        cli.ExactArgs(1),
		Annotations: map[string]string{"aliases": "docker container export, docker export"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), c, o, args[0])
		},
	}
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "Write to a file, instead of STDOUT")
	return cmd
}

// runExport streams the archive to -o (through a temporary file renamed at
// the end, so a failure leaves nothing) or to stdout, never to a terminal.
func runExport(ctx context.Context, c *cli.CLI, o exportOptions, name string) error {
	if o.output == "" && c.Out.IsTerminal() {
		return errors.New("cowardly refusing to save to a terminal. Use the -o flag or redirect")
	}
	if o.output != "" {
		if err := checkOutputFile(o.output); err != nil {
			return fmt.Errorf("failed to export container: %w", err)
		}
	}
	id, err := lifecycleID(name)
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	body, err := client.ContainerExport(ctx, id)
	if err != nil {
		return err
	}
	defer body.Close()
	if o.output == "" {
		if _, err := io.Copy(c.Out, body); err != nil {
			return err
		}
		return c.Out.Flush()
	}
	if err := writeFileAtomic(o.output, body); err != nil {
		return fmt.Errorf("failed to export container: %w", err)
	}
	return nil
}

// checkOutputFile fails early, before any request, when path cannot be a
// file to write: its directory is missing or not a directory, or path is a
// directory itself.
func checkOutputFile(path string) error {
	dir := filepath.Dir(filepath.Clean(path))
	if fi, err := os.Stat(dir); err != nil {
		return fmt.Errorf("invalid output path: %w", err)
	} else if !fi.IsDir() {
		return fmt.Errorf("invalid output path: %w", &os.PathError{Op: "stat", Path: dir, Err: syscall.ENOTDIR})
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return errors.New("cannot write to a directory")
	}
	return nil
}

// writeFileAtomic copies r into a temporary file beside path (mode 0600)
// and renames it over path once complete.
func writeFileAtomic(path string, r io.Reader) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".docker_temp_")
	if err != nil {
		return err
	}
	_, err = io.Copy(tmp, r)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
