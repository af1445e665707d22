package builder

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/engine"
)

// memFileWriter is an engine.FileWriter into memory.
type memFileWriter struct{ bytes.Buffer }

func (m *memFileWriter) WriteFile(f *os.File, size int64) (int64, error) {
	n, err := io.CopyN(&m.Buffer, f, size)
	if err == io.EOF {
		err = nil
	}
	return n, err
}

// A directory context written as an upload is the stream read from its
// pipe, byte for byte, and counted the same ("Sending build context").
func TestContextUploadIsTheReadStream(t *testing.T) {
	root := tree(t, map[string]string{
		"Dockerfile": "FROM busybox\n", ".dockerignore": "skip\n", "skip/x": "no",
		"big": strings.Repeat("b", 5<<20+3), "sub/small": "s", "sub/mid": strings.Repeat("m", 20<<10), "link": "->big",
	})
	streams := map[string]string{}
	for _, path := range []string{"read", "upload"} {
		for _, terminal := range []bool{false, true} {
			bc, err := dirContext(root, "", nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			var shown bytes.Buffer
			body, sending := contextBody(bc, false, &uploadProgress{out: &shown, terminal: terminal})
			var got []byte
			if path == "read" {
				got, err = io.ReadAll(body)
			} else {
				up, ok := body.(engine.Upload)
				if !ok {
					t.Fatal("a directory context is not an upload")
				}
				var w memFileWriter
				err = up.WriteUpload(&w)
				got = w.Bytes()
			}
			body.Close()
			sending.Wait()
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			last := shown.String()[strings.LastIndex(strings.TrimSuffix(shown.String(), "\r\r\n"), "\r")+1:]
			if last != "Sending build context to Docker daemon   5.27MB\r\r\n" {
				t.Errorf("%s (terminal %v) drew %q", path, terminal, last)
			}
			if terminal && strings.Count(shown.String(), "\r") < 3 {
				t.Errorf("%s on a terminal: not drawn as it went: %q", path, shown.String())
			}
			streams[path] = string(got)
		}
	}
	if streams["read"] != streams["upload"] || len(streams["read"]) != 5270016 {
		t.Errorf("uploaded %d bytes, read %d (or different bytes)", len(streams["upload"]), len(streams["read"]))
	}
}

// With --compress the context is read (and gzipped) as before.
func TestCompressedContextIsNoUpload(t *testing.T) {
	bc, err := dirContext(tree(t, map[string]string{"Dockerfile": "FROM busybox\n"}), "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := contextBody(bc, true, &uploadProgress{out: io.Discard})
	defer body.Close()
	if _, ok := body.(engine.Upload); ok {
		t.Error("a compressed context is sent as an upload")
	}
}
