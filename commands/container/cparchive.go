package container

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/dockerclone/docker/cli/archive"
)

// tarPath writes src (a file or a directory tree) as a tar stream whose top
// entry is named rebase, or src's base name when rebase is empty. A source
// ending in "/." contributes its contents only. Owners are sent only in
// archive mode; the daemon gives everything else to the container's root.
//
// Failures are also reported through logf as the reference logs them (a
// daemon that refuses the copy closes the pipe under the writer).
func tarPath(w io.Writer, src string, follow, owners bool, rebase string, logf func(string, ...any)) error {
	tw := tar.NewWriter(w)
	// "dir/." sends the contents alone, unless they are renamed anyway.
	contentsOnly := strings.HasSuffix(src, "/.") && rebase == ""
	root := filepath.Clean(strings.TrimSuffix(src, "/."))
	top := filepath.Base(root)
	switch {
	case rebase != "":
		top = rebase
	case contentsOnly:
		top = "."
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		name := path.Join(top, filepath.ToSlash(rel))
		if contentsOnly && rel != "." {
			name = "./" + filepath.ToSlash(rel) // the daemon's own form: "./", "./x"
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		if p == root && follow {
			if fi, err = os.Stat(p); err != nil {
				return err
			}
		}
		if err := tarEntry(tw, p, name, fi, owners); err != nil {
			logf("Can't add file %s to tar: %s", p, err)
			return err
		}
		return nil
	})
	return archive.Close(tw, err, logf)
}

func tarEntry(tw *tar.Writer, p, name string, fi os.FileInfo, owners bool) error {
	hdr, err := archive.FileHeader(p, fi)
	if err != nil {
		return err
	}
	hdr.Name = name
	if fi.IsDir() {
		hdr.Name += "/"
	}
	// As the reference writes them: whole seconds, no access/change times,
	// no user or group names.
	hdr.Format = tar.FormatPAX
	hdr.ModTime = hdr.ModTime.Truncate(time.Second)
	hdr.AccessTime, hdr.ChangeTime = time.Time{}, time.Time{}
	hdr.Uname, hdr.Gname = "", ""
	if !owners {
		hdr.Uid, hdr.Gid = 0, 0
	}
	return archive.WriteEntry(tw, hdr, p)
}

// untar extracts a tar stream into dir. When rebase is set, a leading path
// element equal to srcBase is renamed to it (copying "etc" to "etc2").
// Entries never escape dir; directory times are set once their content is
// written.
func untar(r io.Reader, dir, srcBase, rebase string) error {
	tr := tar.NewReader(r)
	type dirTime struct {
		path string
		t    time.Time
	}
	var dirs []dirTime
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		name := path.Clean(hdr.Name)
		switch {
		case rebase == "":
		case srcBase == ".": // a directory's contents ("dir/."): all go under rebase
			name = path.Join(rebase, name)
		default:
			if first, rest, _ := strings.Cut(name, "/"); first == srcBase {
				name = path.Join(rebase, rest)
			}
		}
		if name == ".." || strings.HasPrefix(name, "../") || path.IsAbs(name) {
			return fmt.Errorf("invalid archive entry %q", hdr.Name)
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		mode := os.FileMode(hdr.Mode).Perm() | os.FileMode(hdr.Mode)&(os.ModeSetuid|os.ModeSetgid|os.ModeSticky)
		switch hdr.Typeflag {
		case tar.TypeDir:
			if fi, err := os.Lstat(target); err == nil && !fi.IsDir() {
				return fmt.Errorf("cannot overwrite non-directory %q with directory %q", target, name)
			} else if err != nil {
				if err := os.Mkdir(target, 0o755); err != nil {
					return err
				}
			}
			_ = os.Chmod(target, mode)
			dirs = append(dirs, dirTime{target, hdr.ModTime})
			continue
		case tar.TypeReg, tar.TypeRegA:
			if fi, err := os.Lstat(target); err == nil {
				if fi.IsDir() {
					return fmt.Errorf("cannot overwrite directory %q with non-directory %q", target, name)
				}
				_ = os.Remove(target)
			}
			f, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			_ = os.Chmod(target, mode)
		case tar.TypeSymlink:
			_ = os.Remove(target)
			if err := os.Symlink(hdr.Linkname, target); err != nil {
				return err
			}
			continue
		case tar.TypeLink:
			_ = os.Remove(target)
			if err := os.Link(filepath.Join(dir, filepath.FromSlash(path.Clean(hdr.Linkname))), target); err != nil {
				return err
			}
		default:
			continue // devices and fifos need privileges; skip them
		}
		_ = os.Chtimes(target, hdr.ModTime, hdr.ModTime)
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		_ = os.Chtimes(dirs[i].path, dirs[i].t, dirs[i].t)
	}
	return nil
}
