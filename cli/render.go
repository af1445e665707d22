package cli

import (
	"io"

	"github.com/dockerclone/docker/cli/progress"
)

// ShowProgress draws a pull/push progress stream on stdout, or with quiet
// only waits for its end. Stream errors come back bare.
func (c *CLI) ShowProgress(body io.Reader, quiet bool) error {
	if quiet {
		return progress.Discard(body, nil)
	}
	width := progress.DefaultWidth
	if c.Out.IsTerminal() {
		// A terminal that reports no width (a bare pty) gets neither bars nor
		// time left, as with the reference.
		_, w := c.Out.Size()
		width = int(w)
	}
	err := progress.Render(body, c.Out, c.Out.IsTerminal(), width, nil)
	c.Out.Flush()
	return err
}
