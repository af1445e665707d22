package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrPromptTerminated is returned when the command is interrupted while
// waiting for an answer.
var ErrPromptTerminated = errors.New("prompt terminated")

// Confirm prints message followed by " [y/N] " on c.Out and reads one line
// of c.In: only "y" or "Y" (spaces aside) confirm; end of input declines.
// Like the reference it asks whether or not stdin is a terminal.
func (c *CLI) Confirm(ctx context.Context, message string) (bool, error) {
	fmt.Fprint(c.Out, message+" [y/N] ")
	_ = c.Out.Flush()
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		line, err := readAnswer(c.In)
		ch <- result{line, err}
	}()
	select {
	case <-ctx.Done():
		fmt.Fprintln(c.Out)
		_ = c.Out.Flush()
		return false, ErrPromptTerminated
	case r := <-ch:
		if r.err != nil {
			return false, r.err
		}
		a := strings.TrimSpace(r.line)
		return a == "y" || a == "Y", nil
	}
}

// readAnswer reads up to a newline one byte at a time, so nothing after the
// answer is consumed. EOF ends the line.
func readAnswer(r io.Reader) (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for {
		n, err := r.Read(buf)
		if n == 1 {
			if buf[0] == '\n' {
				return b.String(), nil
			}
			b.WriteByte(buf[0])
		}
		if errors.Is(err, io.EOF) {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
	}
}
