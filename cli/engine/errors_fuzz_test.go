package engine

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// An error reply's body is the daemon's: whatever it is, the message is
// built without panicking and stays within the bound on what is read.
func FuzzReadAPIError(f *testing.F) {
	f.Add(500, "application/json", []byte(`{"message":"No such container: x"}`))
	f.Add(404, "text/plain", []byte("page not found\n"))
	f.Add(409, "application/json", []byte(`{"message":5}`))
	f.Add(500, "application/json", []byte(``))
	f.Fuzz(func(t *testing.T, code int, ctype string, body []byte) {
		resp := &http.Response{
			StatusCode: code,
			Header:     http.Header{"Content-Type": {ctype}},
			Body:       io.NopCloser(bytes.NewReader(body)),
		}
		err := readAPIError(resp, &url.URL{Scheme: "http", Host: "docker", Path: "/v1.41/x"}, "1.41")
		if err == nil {
			t.Fatal("no error")
		}
		// The message is at most the body (plus fixed text), never more.
		if msg := err.Error(); len(msg) > len(body)+400 && !strings.HasPrefix(msg, "Error reading JSON") {
			t.Fatalf("%d-byte message from a %d-byte body", len(msg), len(body))
		}
	})
}
