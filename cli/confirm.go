package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Confirm prints message followed by " [y/N] " on c.Out and reads one line
// of c.In: only "y" or "Y" (spaces aside) confirm; end of input declines.
// Like the reference it asks whether or not stdin is a terminal, and an
// interrupt (Ctrl-C, SIGTERM) while it waits ends the line and declines, so
// the command exits 0 having done nothing.
func (c *CLI) Confirm(ctx context.Context, message string) (bool, error) {
	fmt.Fprint(c.Out, message+" [y/N] ")
	_ = c.Out.Flush()
	line, err := ReadLine(ctx, c.In)
	if err != nil && ctx.Err() != nil && err == ctx.Err() {
		fmt.Fprintln(c.Out)
		_ = c.Out.Flush()
		return false, nil
	}
	if err != nil {
		return false, err
	}
	a := strings.TrimSpace(line)
	return a == "y" || a == "Y", nil
}

// ReadLine reads one line of an answer to a prompt, without its newline.
// It gives up with ctx's error when ctx ends (Ctrl-C), so the caller can
// restore the terminal and exit at once.
func ReadLine(ctx context.Context, r io.Reader) (string, error) {
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		line, err := readLine(r)
		ch <- result{line, err}
	}()
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case res := <-ch:
		return res.line, res.err
	}
}

// readLine reads up to a newline one byte at a time, so nothing meant for
// a later prompt is consumed. EOF ends the line.
func readLine(r io.Reader) (string, error) {
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

// PromptHidden prints prompt and reads one line with echo off when stdin is
// a terminal (passwords, unlock keys); the newline the user typed is not
// echoed, so it is printed afterwards. Spaces around the answer are dropped.
func PromptHidden(ctx context.Context, s Streams, prompt string) (string, error) {
	// Echo goes off before the prompt shows, so nothing typed is echoed.
	restore, err := s.In.DisableEcho()
	if err != nil {
		return "", err
	}
	defer restore()
	fmt.Fprint(s.Out, prompt)
	s.Out.Flush()
	line, err := ReadLine(ctx, s.In)
	fmt.Fprintln(s.Out)
	s.Out.Flush()
	return strings.TrimSpace(line), err
}
