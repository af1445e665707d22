package builder

import (
	"archive/tar"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/moby/patternmatcher"

	"github.com/dockerclone/docker/cli/archive"
)

// contextTar writes a directory as the build context, in the layout the
// reference sends (its sizes show in "Sending build context"): entries in
// lexical walk order, the root itself left out, owner 0:0 without names,
// hard links as links, and whatever .dockerignore excludes left out.
type contextTar struct {
	root     string
	excludes *patternmatcher.PatternMatcher // nil: everything is sent
	// extra is a Dockerfile that is not in the directory (-f -, or a path
	// outside it): appended as extra.name and listed in .dockerignore so
	// that the build does not see it. The stream then ends without the
	// archive trailer, as the reference's does.
	extra *extraDockerfile
	now   time.Time
	// logf reports a file that could not be added, as the reference's
	// archiver logs it; the walk goes on, unless the daemon stopped reading.
	logf func(format string, args ...any)
}

type extraDockerfile struct {
	name    string
	content []byte
}

type inodeKey struct{ dev, ino uint64 }

// write streams the archive to w (the files' content by sendfile when w
// is the engine's socket).
func (t *contextTar) write(w io.Writer) error {
	aw := archive.NewWriter(w)
	tw := aw.Writer
	seen := map[inodeKey]string{}
	parents := map[string]patternmatcher.MatchInfo{}
	wroteIgnore := false
	err := filepath.WalkDir(t.root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(t.root, path)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if t.excludes != nil {
			excluded, info, err := t.excludes.MatchesUsingParentResults(rel, parents[dirOf(rel)])
			if err != nil {
				return err
			}
			if d.IsDir() {
				parents[rel] = info
			}
			if excluded {
				if d.IsDir() && !t.mayReinclude(rel) {
					return filepath.SkipDir
				}
				return nil
			}
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if rel == ".dockerignore" && t.extra != nil {
			wroteIgnore = true
			err = t.writeIgnore(tw, path, fi)
		} else {
			err = writeEntry(aw, path, rel, fi, seen)
		}
		if err != nil {
			return archive.Skipped(t.log, path, err)
		}
		return nil
	})
	if err != nil || t.extra == nil {
		return archive.Close(tw, err, t.log)
	}
	// The reference appends these two in map order: mostly the Dockerfile
	// first, which decides the size it reports.
	if err := t.writeFile(tw, t.extra.name, t.extra.content); err != nil {
		return err
	}
	if !wroteIgnore {
		if err := t.writeFile(tw, ".dockerignore", []byte(".dockerignore\n"+t.extra.name+"\n")); err != nil {
			return err
		}
	}
	return nil // no Close: the reference's stream stops here, unpadded
}

func (t *contextTar) log(format string, args ...any) {
	if t.logf != nil {
		t.logf(format, args...)
	}
}

// mayReinclude reports whether an exclusion pattern (!...) could name
// something under the excluded directory rel, so that it must be walked.
func (t *contextTar) mayReinclude(rel string) bool {
	if !t.excludes.Exclusions() {
		return false
	}
	for _, p := range t.excludes.Patterns() {
		if p.Exclusion() && strings.HasPrefix(p.String()+"/", rel+"/") {
			return true
		}
	}
	return false
}

// writeIgnore sends .dockerignore with the extra Dockerfile's name added.
func (t *contextTar) writeIgnore(tw *tar.Writer, path string, fi fs.FileInfo) error {
	orig, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	content := append(append(orig, '\n'), t.extra.name+"\n"...)
	hdr := header(".dockerignore", fi)
	hdr.Size = int64(len(content))
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err = tw.Write(content)
	return err
}

// writeFile adds a file that is not on disk (mode 0600, modified now).
func (t *contextTar) writeFile(tw *tar.Writer, name string, content []byte) error {
	hdr := &tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: 0o600, Size: int64(len(content)), ModTime: t.now}
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err := tw.Write(content)
	return err
}

func dirOf(rel string) string {
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return "."
}

// header is the entry for fi: permissions and special bits, modification
// time, owner 0:0 with no names (the format is left to archive/tar, which
// switches to PAX only for what USTAR cannot hold, as the reference's).
func header(name string, fi fs.FileInfo) *tar.Header {
	mode := fi.Mode()
	perm := int64(mode.Perm())
	if mode&fs.ModeSetuid != 0 {
		perm |= 0o4000
	}
	if mode&fs.ModeSetgid != 0 {
		perm |= 0o2000
	}
	if mode&fs.ModeSticky != 0 {
		perm |= 0o1000
	}
	return &tar.Header{Name: name, Mode: perm, ModTime: fi.ModTime()}
}

// writeEntry adds one walked path; a socket is refused as archive/tar
// cannot hold them.
func writeEntry(aw *archive.Writer, path, rel string, fi fs.FileInfo, seen map[inodeKey]string) error {
	hdr := header(rel, fi)
	mode := fi.Mode()
	switch {
	case mode.IsDir():
		hdr.Typeflag = tar.TypeDir
		hdr.Name += "/"
	case mode&fs.ModeSymlink != 0:
		target, err := os.Readlink(path)
		if err != nil {
			return err
		}
		hdr.Typeflag, hdr.Linkname = tar.TypeSymlink, target
	case mode.IsRegular():
		hdr.Typeflag, hdr.Size = tar.TypeReg, fi.Size()
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Nlink > 1 {
			key := inodeKey{uint64(st.Dev), uint64(st.Ino)}
			if first, ok := seen[key]; ok {
				hdr.Typeflag, hdr.Linkname, hdr.Size = tar.TypeLink, first, 0
			} else {
				seen[key] = rel
			}
		}
	case mode&fs.ModeNamedPipe != 0:
		hdr.Typeflag = tar.TypeFifo
	case mode&fs.ModeDevice != 0:
		hdr.Typeflag = tar.TypeBlock
		if mode&fs.ModeCharDevice != 0 {
			hdr.Typeflag = tar.TypeChar
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			hdr.Devmajor, hdr.Devminor = int64(major(uint64(st.Rdev))), int64(minor(uint64(st.Rdev)))
		}
	default: // what archive/tar cannot hold
		return errors.New("archive/tar: sockets not supported")
	}
	return aw.WriteEntry(hdr, path)
}

func major(dev uint64) uint64 { return (dev >> 8) & 0xfff }
func minor(dev uint64) uint64 { return (dev & 0xff) | ((dev >> 12) & 0xfff00) }
