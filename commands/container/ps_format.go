package container

import (
	"fmt"
	"io"

	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/container"
)

// psProbe checks the user's format as the reference does before listing: the
// spec exactly as given (a "table " prefix and literal `\t` included) is
// parsed and run once against an empty row. It reports whether .Size is
// used, so sizes are requested from the daemon only when shown.
func psProbe(spec string) (usesSize bool, err error) {
	tmpl, err := format.ParseTemplate("", spec)
	if err != nil {
		return false, fmt.Errorf("failed to parse template: %w", err)
	}
	row := formatter.Probe()
	if err := tmpl.Execute(io.Discard, row); err != nil {
		return false, fmt.Errorf("failed to execute template: %w", err)
	}
	return formatter.UsesSize(row), nil
}
