package builder

import (
	"cmp"
	"errors"
	"io"
	"os"
	"sync"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/progress"
)

const (
	uploadAction   = "Sending build context to Docker daemon"
	updateBytes    = 512 << 10 // at most one update per 512 KiB...
	updateInterval = 100 * time.Millisecond
)

// uploadProgress draws the context's transfer as the reference does:
// "<action> <count>\r" lines, redrawn in place.
type uploadProgress struct {
	out io.Writer
	// terminal: the upload is redrawn as it goes; otherwise only its last
	// state is written (a download is always redrawn).
	terminal bool
}

// upload counts the context sent to the daemon; its last state is followed
// by a line break.
func (p *uploadProgress) upload(r io.ReadCloser) *progressReader {
	return &progressReader{in: r, out: p.out, action: uploadAction, lastOnly: !p.terminal, end: "\r\n", done: make(chan struct{})}
}

// download counts a remote context of size bytes (-1 when unknown).
func (p *uploadProgress) download(r io.ReadCloser, size int64, end, action string) *progressReader {
	return &progressReader{in: r, out: p.out, action: action, size: max(size, 0), end: end, done: make(chan struct{})}
}

// progressReader reports what has been read through it.
type progressReader struct {
	in       io.ReadCloser
	out      io.Writer
	action   string
	size     int64
	lastOnly bool
	end      string // written after the last state

	current, lastUpdate int64
	printed             time.Time
	finished            bool
	closeOnce           sync.Once
	done                chan struct{}
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.in.Read(b)
	p.count(n, err)
	return n, err
}

// count records n more bytes; err ends the transfer.
func (p *progressReader) count(n int, err error) {
	p.current += int64(n)
	every := int64(updateBytes)
	if p.size > 0 {
		every = min(every, p.size/100) // ...or per percent, when smaller
	}
	if p.current-p.lastUpdate > every || err != nil {
		p.update(err != nil && n == 0)
		p.lastUpdate = p.current
	}
}

func (p *progressReader) update(last bool) {
	if p.finished || (p.lastOnly && !last) {
		return
	}
	now := time.Now()
	if !last && p.current != p.size && now.Sub(p.printed) < updateInterval {
		return
	}
	p.printed = now
	bar := progress.Bar(&engine.JSONProgress{Current: p.current, Total: p.size}, progress.DefaultWidth, now)
	line := p.action + " " + bar + "\r"
	if bar == "" { // nothing counted (a failed upload): the reference ends the line
		line += "\n"
	}
	io.WriteString(p.out, line)
	if last {
		p.finished = true
		io.WriteString(p.out, p.end)
	}
}

// Close ends the transfer; Wait returns once it has.
func (p *progressReader) Close() error {
	err := p.in.Close()
	p.closeOnce.Do(func() { close(p.done) })
	return err
}

// Wait blocks until the reader is closed (the HTTP client closes a request
// body once it has sent it), so that nothing is drawn after it.
func (p *progressReader) Wait() { <-p.done }

// progressUpload is a counted context that can be written straight to the
// engine's socket: the same bytes are counted as they are written.
type progressUpload struct {
	*progressReader
	up engine.Upload
}

func (p *progressUpload) WriteUpload(w engine.FileWriter) error {
	err := p.up.WriteUpload(&countingWriter{w: w, p: p.progressReader})
	if !errors.Is(err, io.ErrClosedPipe) {
		// The end of the stream, as a reader sees it; a cut-off upload
		// is not drawn further (the transport stops reading then).
		p.count(0, cmp.Or(err, io.EOF))
	}
	return err
}

// countingWriter counts what goes to the engine; a file is sent in parts
// when its progress is drawn as it goes.
type countingWriter struct {
	w engine.FileWriter
	p *progressReader
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.p.count(n, nil)
	return n, err
}

func (c *countingWriter) WriteFile(f *os.File, size int64) (int64, error) {
	part := size
	if !c.p.lastOnly {
		part = updateBytes * 4
	}
	var sent int64
	for sent < size {
		want := min(part, size-sent)
		n, err := c.w.WriteFile(f, want)
		sent += n
		c.p.count(int(n), nil)
		if err != nil || n < want {
			return sent, err
		}
	}
	return sent, nil
}
