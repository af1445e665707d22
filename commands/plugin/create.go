package plugin

import (
	"archive/tar"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newCreateCommand(c *cli.CLI) *cobra.Command {
	var compress bool
	cmd := &cobra.Command{
		Use:   "create [OPTIONS] PLUGIN PLUGIN-DATA-DIR",
		Short: "Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.",
		Args:  cli.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[1]
			if _, err := os.Lstat(dir); err != nil {
				return err
			}
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			pr, pw := io.Pipe()
			go func() { pw.CloseWithError(writeTar(pw, dir, compress)) }()
			if err := client.PluginCreate(cmd.Context(), args[0], pr); err != nil {
				return err
			}
			fmt.Fprintln(c.Out, args[0])
			return nil
		},
	}
	cmd.Flags().BoolVar(&compress, "compress", false, "Compress the context using gzip")
	return cmd
}

// writeTar streams dir (config.json and rootfs/) as a tar, gzipped on request.
func writeTar(w io.Writer, dir string, compress bool) error {
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
		info, err := d.Info()
		if err != nil {
			return err
		}
		link := ""
		if info.Mode()&fs.ModeSymlink != 0 {
			if link, err = os.Readlink(path); err != nil {
				return err
			}
		}
		hdr, err := tar.FileInfoHeader(info, link)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		hdr.Name = filepath.ToSlash(rel)
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(tw, f)
		return err
	})
	if err != nil {
		return err
	}
	return tw.Close()
}
