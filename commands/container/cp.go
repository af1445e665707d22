package container

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

type cpOptions struct {
	followLink bool
	copyUIDGID bool
	quiet      bool
}

func newCpCommand(c *cli.CLI) *cobra.Command {
	var o cpOptions
	cmd := newCommand("cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
		"Copy files/folders between a container and the local filesystem", cli.ExactArgs(2),
		func(cmd *cobra.Command, args []string) error { return runCp(cmd.Context(), c, o, args[0], args[1]) })
	cmd.Long = "Copy files/folders between a container and the local filesystem\n\n" +
		"Use '-' as the source to read a tar archive from stdin\n" +
		"and extract it to a directory destination in a container.\n" +
		"Use '-' as the destination to stream a tar archive of a\n" +
		"container source to stdout."
	f := cmd.Flags()
	f.BoolVarP(&o.followLink, "follow-link", "L", false, "Always follow symbol link in SRC_PATH")
	f.BoolVarP(&o.copyUIDGID, "archive", "a", false, "Archive mode (copy all uid/gid information)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached")
	return cmd
}

// cpArg is one side of a copy: a container path or a local one.
type cpArg struct {
	container, path, raw string
}

// splitCpArg reads CONTAINER:PATH; absolute paths, "-" and paths whose
// container part starts with "." are local.
func splitCpArg(arg string) cpArg {
	if arg == "-" || filepath.IsAbs(arg) {
		return cpArg{path: arg, raw: arg}
	}
	ctr, p, ok := strings.Cut(arg, ":")
	if !ok || strings.HasPrefix(ctr, ".") {
		return cpArg{path: arg, raw: arg}
	}
	return cpArg{container: ctr, path: p, raw: arg}
}

func runCp(ctx context.Context, c *cli.CLI, o cpOptions, srcArg, dstArg string) error {
	src, dst := splitCpArg(srcArg), splitCpArg(dstArg)
	switch {
	case src.container == "" && dst.container == "":
		return errors.New("must specify at least one container source")
	case src.container != "" && dst.container != "":
		return errors.New("copying between containers is not supported")
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	// Progress is only for people watching.
	quiet := o.quiet || !c.Out.IsTerminal()
	var n int64
	var to string
	if src.container != "" {
		to, err = dst.path, nil
		if to != "-" {
			to, err = absKeepSlash(to)
			if err != nil {
				return err
			}
		}
		n, err = copyFromContainer(ctx, c, client, o, src, to)
	} else {
		to = dst.raw
		n, err = copyToContainer(ctx, c, client, o, src.path, dst)
	}
	if err != nil {
		return err
	}
	if !quiet && to != "-" {
		fmt.Fprintf(c.Err, "Successfully copied %s to %s\n", format.HumanSizeWithPrecision(n, 3), to)
	}
	return nil
}

// absKeepSlash makes p absolute, keeping a trailing separator (it means
// "must be a directory").
func absKeepSlash(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	switch {
	case strings.HasSuffix(p, "/.") || p == ".":
		abs += "/."
	case strings.HasSuffix(p, "/"):
		abs += "/"
	}
	return abs, nil
}

func hasTrailingSep(p string) bool { return strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") }

// countingReader counts what passes through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += int64(n)
	return n, err
}

func copyFromContainer(ctx context.Context, c *cli.CLI, client *engine.Client, o cpOptions, src cpArg, dst string) (int64, error) {
	if dst != "-" {
		dir := filepath.Dir(filepath.Clean(dst))
		if _, err := os.Stat(dir); os.IsNotExist(err) {
			return 0, fmt.Errorf("invalid output path: directory %q does not exist", dir)
		}
	}
	srcPath := src.path
	if o.followLink {
		st, err := client.ContainerStatPath(ctx, src.container, srcPath)
		if err == nil && st.Mode&os.ModeSymlink != 0 {
			target := st.LinkTarget
			if !path.IsAbs(target) {
				target = path.Join(path.Dir(srcPath), target)
			}
			srcPath = target
		}
	}
	body, st, err := client.CopyFromContainer(ctx, src.container, srcPath)
	if err != nil {
		return 0, err
	}
	defer body.Close()
	cr := &countingReader{r: body}
	if dst == "-" {
		_, err := io.Copy(c.Out, cr)
		if err == nil {
			err = c.Out.Flush()
		}
		return cr.n, err
	}
	srcBase := st.Name
	if srcBase == "" {
		srcBase = path.Base(srcPath)
	}
	dir, rebase, err := extractTarget(dst, st.Mode.IsDir(), srcBase)
	if err != nil {
		return 0, err
	}
	if err := untar(cr, dir, srcBase, rebase); err != nil {
		return cr.n, err
	}
	return cr.n, nil
}

// extractTarget decides where an archive whose top entry is srcBase lands
// for the local destination dst, like cp -r: into dst when it is a
// directory, else beside it under dst's name.
func extractTarget(dst string, srcIsDir bool, srcBase string) (dir, rebase string, err error) {
	fi, statErr := os.Stat(dst)
	switch {
	case statErr == nil && fi.IsDir():
		return dst, "", nil
	case statErr == nil:
		if srcIsDir {
			return "", "", errors.New("cannot copy directory")
		}
	case !os.IsNotExist(statErr):
		return "", "", statErr
	case !srcIsDir && hasTrailingSep(dst):
		return "", "", errors.New("no such directory")
	}
	clean := filepath.Clean(dst)
	base := filepath.Base(clean)
	if base == srcBase {
		base = ""
	}
	return filepath.Dir(clean), base, nil
}

func copyToContainer(ctx context.Context, c *cli.CLI, client *engine.Client, o cpOptions, srcPath string, dst cpArg) (int64, error) {
	dstPath := dst.path
	st, err := client.ContainerStatPath(ctx, dst.container, dstPath)
	exists := err == nil
	if err != nil && !engine.IsNotFound(err) {
		return 0, err
	}
	if exists && st.Mode&os.ModeSymlink != 0 {
		target := st.LinkTarget
		if !path.IsAbs(target) {
			target = path.Join(path.Dir(dstPath), target)
		}
		dstPath = target
		st, err = client.ContainerStatPath(ctx, dst.container, dstPath)
		exists = err == nil
		if err != nil && !engine.IsNotFound(err) {
			return 0, err
		}
	}
	if srcPath == "-" {
		if !exists || !st.Mode.IsDir() {
			return 0, fmt.Errorf("destination %q must be a directory", dst.raw)
		}
		cr := &countingReader{r: c.In}
		return cr.n, client.CopyToContainer(ctx, dst.container, dstPath, cr, o.copyUIDGID)
	}
	abs, err := absKeepSlash(srcPath)
	if err != nil {
		return 0, err
	}
	statFn := os.Lstat
	if o.followLink {
		statFn = os.Stat
	}
	fi, err := statFn(strings.TrimSuffix(abs, "/."))
	if err != nil {
		return 0, err
	}
	srcIsDir := fi.IsDir()
	var dir, rebase string
	switch {
	case exists && st.Mode.IsDir():
		dir = dstPath
	case exists && srcIsDir:
		logAbandonedArchive(c, abs)
		return 0, errors.New("cannot copy directory")
	case !exists && !srcIsDir && strings.HasSuffix(dstPath, "/"):
		logAbandonedArchive(c, abs)
		return 0, errors.New("no such directory")
	default:
		clean := path.Clean(dstPath)
		dir, rebase = path.Dir(clean), path.Base(clean)
	}
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		pw.CloseWithError(tarPath(pw, abs, o.followLink, o.copyUIDGID, rebase, c.LogError))
	}()
	cr := &countingReader{r: pr}
	err = client.CopyToContainer(ctx, dst.container, dir, cr, o.copyUIDGID)
	pr.Close()
	<-done
	return cr.n, err
}

// logAbandonedArchive: the reference starts archiving the source before it
// finds the destination unusable, and its archiver then logs the broken
// pipe; the same lines keep stderr identical.
func logAbandonedArchive(c *cli.CLI, src string) {
	c.LogError("Can't add file %s to tar: %s", strings.TrimSuffix(src, "/."), io.ErrClosedPipe)
	c.LogError("Can't close tar writer: %s", io.ErrClosedPipe)
}
