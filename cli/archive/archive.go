// Package archive writes local files into tar streams sent to the engine
// (docker cp, plugin create).
package archive

import (
	"archive/tar"
	"io"
	"io/fs"
	"os"
)

// FileHeader is the tar header of the file at path, with its target when
// it is a symbolic link; callers set the entry's name.
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

// WriteEntry writes hdr and, for a regular file, the content of the file at
// path.
func WriteEntry(tw *tar.Writer, hdr *tar.Header, path string) error {
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	if hdr.Typeflag != tar.TypeReg {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(tw, f)
	return err
}
