// Package archive holds what the commands that send a directory as a tar
// stream share (build contexts, plugin create, cp).
package archive

import (
	"archive/tar"
	"errors"
	"io"
	"io/fs"
	"os"
)

// FileHeader is tar.FileInfoHeader for the file at path, with its target
// when it is a symbolic link.
func FileHeader(path string, fi fs.FileInfo) (*tar.Header, error) {
	link := ""
	if fi.Mode()&fs.ModeSymlink != 0 {
		var err error
		if link, err = os.Readlink(path); err != nil {
			return nil, err
		}
	}
	return tar.FileInfoHeader(fi, link)
}

// WriteEntry writes hdr, followed by the content of the file at path when
// hdr is a regular file with content (an empty file is not opened).
func WriteEntry(tw *tar.Writer, hdr *tar.Header, path string) error {
	return (&Writer{Writer: tw}).WriteEntry(hdr, path)
}

// Skipped logs, as the reference's archiver does, a file that could not be
// added, and returns what ends the walk: nothing (the file is skipped)
// unless the reader has closed the pipe (the engine answered early).
func Skipped(logf func(string, ...any), path string, err error) error {
	logf("Can't add file %s to tar: %s", path, err)
	if errors.Is(err, io.ErrClosedPipe) {
		return err
	}
	return nil
}

// Close closes tw after a walk that ended with err, logging a close that
// fails as the reference's archiver does, and returns the first error.
func Close(tw *tar.Writer, err error, logf func(string, ...any)) error {
	if cerr := tw.Close(); cerr != nil {
		logf("Can't close tar writer: %s", cerr)
		if err == nil {
			err = cerr
		}
	}
	return err
}
