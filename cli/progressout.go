package cli

import (
	"io"

	"github.com/dockerclone/docker/cli/progress"
)

// RenderProgress draws a progress stream (pull, push, swarm convergence) on
// stdout: redrawn in place on a terminal, plain status lines otherwise.
func (c *CLI) RenderProgress(body io.Reader) error {
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
