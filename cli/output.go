package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// errOutputTerminal refuses to write an archive to a terminal.
var errOutputTerminal = errors.New("cowardly refusing to save to a terminal. Use the -o flag or redirect")

// CheckOutput is what commands writing an archive to -o or stdout (save,
// export) check before any request: stdout must not be a terminal when
// path is empty, and path must be able to become a file: its directory
// exists and path is not a directory. failure prefixes the errors about
// path ("failed to save image").
func (c *CLI) CheckOutput(path, failure string) error {
	if path == "" {
		if c.Out.IsTerminal() {
			return errOutputTerminal
		}
		return nil
	}
	if err := checkOutputPath(path); err != nil {
		return fmt.Errorf("%s: %w", failure, err)
	}
	return nil
}

func checkOutputPath(path string) error {
	// Not cleaned: "missing/" names the directory "missing", as with the
	// reference.
	dir := filepath.Dir(path)
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

// WriteOutput copies r to stdout when path is empty, else to path through
// a temporary file beside it renamed at the end, so a failure never leaves
// a partial archive. failure prefixes the errors about path.
func (c *CLI) WriteOutput(path, failure string, r io.Reader) error {
	if path == "" {
		if _, err := io.Copy(c.Out, r); err != nil {
			return err
		}
		return c.Out.Flush()
	}
	if err := writeFileAtomic(path, r); err != nil {
		return fmt.Errorf("%s: %w", failure, err)
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
