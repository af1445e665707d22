package builder

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/moby/patternmatcher"
)

// openFile opens a file of the context (a test refuses some).
var openFile = os.Open

// checkContext fails, as the reference does before sending anything, on
// what the context holds that cannot be read: a directory that cannot be
// listed (even one .dockerignore excludes: it is listed first), a file not
// excluded that cannot be opened. Symbolic links and named pipes are not
// opened.
func checkContext(root string, excludes *patternmatcher.PatternMatcher) error {
	err := filepath.Walk(root, func(path string, fi fs.FileInfo, err error) error {
		switch {
		case errors.Is(err, fs.ErrPermission):
			return fmt.Errorf("can't stat '%s'", path)
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("file ('%s') not found or excluded by .dockerignore", path)
		case err != nil:
			return err
		}
		if rel, err := filepath.Rel(root, path); err != nil {
			return err
		} else if excludes != nil && rel != "." {
			if skip, err := excludes.MatchesOrParentMatches(filepath.ToSlash(rel)); err != nil {
				return err
			} else if skip {
				if fi.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		if fi.IsDir() || fi.Mode()&(fs.ModeSymlink|fs.ModeNamedPipe) != 0 {
			return nil
		}
		f, err := openFile(path)
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("no permission to read from '%s'", path)
		}
		if err == nil {
			f.Close()
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("error checking context: %w", err)
	}
	return nil
}
