package builder

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestProgressReader(t *testing.T) {
	data := strings.Repeat("x", 3<<20)
	var out bytes.Buffer
	// Without a terminal only the last state shows, then a line break.
	up := (&uploadProgress{out: &out}).upload(io.NopCloser(strings.NewReader(data)))
	if _, err := io.Copy(io.Discard, up); err != nil {
		t.Fatal(err)
	}
	up.Close()
	up.Wait()
	if got := out.String(); got != "Sending build context to Docker daemon  3.146MB\r\r\n" {
		t.Errorf("upload without a terminal: %q", got)
	}
	// On a terminal the first 512 KiB already show (later ones are paced).
	out.Reset()
	up = (&uploadProgress{out: &out, terminal: true}).upload(io.NopCloser(iotest.HalfReader(strings.NewReader(data))))
	io.Copy(io.Discard, up)
	if got := out.String(); !strings.HasPrefix(got, "Sending build context to Docker daemon  5") || !strings.HasSuffix(got, "  3.146MB\r\r\n") {
		t.Errorf("upload on a terminal: %q", got)
	}
	// A download of known size shows its bar, the full one at the end.
	out.Reset()
	dl := (&uploadProgress{out: &out}).download(io.NopCloser(strings.NewReader("FROM busybox\n")), 13, "\r\n", "Downloading")
	io.Copy(io.Discard, dl)
	bar := "Downloading [==================================================>]      13B/13B\r"
	if got := out.String(); got != bar+bar+"\r\n" {
		t.Errorf("download: %q", got)
	}
}
