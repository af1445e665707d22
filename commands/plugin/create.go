package plugin

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/archive"
	"github.com/dockerclone/docker/cli/reference"
)

func newCreateCommand(c *cli.CLI) *cobra.Command {
	var compress bool
	cmd := cli.Command("create [OPTIONS] PLUGIN PLUGIN-DATA-DIR",
		"Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.",
		cli.RequiresMinArgs(2),
		func(cmd *cobra.Command, args []string) error { return runCreate(cmd, c, args[0], args[1], compress) })
	cmd.Flags().BoolVar(&compress, "compress", false, "Compress the context using gzip")
	return cmd
}

// runCreate checks what the reference checks before sending anything (the
// name, a directory holding a config.json that decodes), then streams the
// directory as a tar.
func runCreate(cmd *cobra.Command, c *cli.CLI, name, dir string, compress bool) error {
	if _, err := reference.ParseNormalizedNamed(name); err != nil {
		return err
	}
	// The reference works on the absolute path: its messages show it.
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return errors.New("context must be a directory")
	}
	if err := checkConfig(filepath.Join(dir, "config.json")); err != nil {
		return err
	}
	client, err := c.Client(cmd.Context())
	if err != nil {
		return err
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(writeTar(pw, dir, compress, c.LogError)) }()
	err = client.PluginCreate(cmd.Context(), name, pr)
	pr.Close()
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Out, name)
	return nil
}

// checkConfig reads the plugin's config.json as JSON, the daemon decoding
// it in full.
func checkConfig(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var config map[string]any
	return json.NewDecoder(f).Decode(&config)
}

// writeTar streams dir (config.json and rootfs/) as a tar, gzipped on
// request. As the reference's archiver, a file it cannot add (a socket) is
// logged and skipped; once the daemon has closed the pipe (it answered
// early, with an error) the first failure is logged and the walk stops.
func writeTar(w io.Writer, dir string, compress bool, logf func(string, ...any)) error {
	if compress {
		gz := gzip.NewWriter(w)
		defer gz.Close()
		w = gz
	}
	tw := tar.NewWriter(w)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		if err := addFile(tw, dir, path, d); err != nil {
			return archive.Skipped(logf, path, err)
		}
		return nil
	})
	return archive.Close(tw, err, logf)
}

func addFile(tw *tar.Writer, dir, path string, d fs.DirEntry) error {
	info, err := d.Info()
	if err != nil {
		return err
	}
	hdr, err := archive.FileHeader(path, info)
	if err != nil {
		return err
	}
	rel, _ := filepath.Rel(dir, path)
	hdr.Name = filepath.ToSlash(rel)
	return archive.WriteEntry(tw, hdr, path)
}
