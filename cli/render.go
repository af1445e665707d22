package cli

import (
	"encoding/json"
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

// FollowProgress runs produce, which writes progress messages, and draws
// them as they come (quiet: discards them); it returns produce's error, or
// the drawing's.
func (c *CLI) FollowProgress(quiet bool, produce func(*json.Encoder) error) error {
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := produce(json.NewEncoder(pw))
		done <- err
		pw.CloseWithError(err)
	}()
	var err error
	if quiet {
		_, err = io.Copy(io.Discard, pr)
	} else {
		err = c.ShowProgress(pr, false)
	}
	pr.Close() // a drawing that failed stops the producer
	if perr := <-done; perr != nil {
		return perr
	}
	return err
}
