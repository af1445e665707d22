package engine

import (
	"bytes"
	"testing"
)

// A progress stream (pull, push, load, build) comes from the daemon and the
// registries behind it: decoding it must end, without panicking, in io.EOF
// or an error, having consumed no more than it was given.
func FuzzJSONMessageDecoder(f *testing.F) {
	f.Add([]byte(`{"status":"Pulling from library/busybox","id":"latest"}` + "\n" +
		`{"status":"Downloading","progressDetail":{"current":1024,"total":2048},"progress":"[=>  ]","id":"a1b2"}`))
	f.Add([]byte(`{"errorDetail":{"message":"no basic auth credentials"},"error":"no basic auth credentials"}`))
	f.Add([]byte(`{"aux":{"Tag":"1","Digest":"sha256:00","Size":528}}{"aux":null}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		dec := NewJSONMessageDecoder(bytes.NewReader(in))
		var m JSONMessage
		for i := 0; ; i++ {
			if err := dec.Next(&m); err != nil {
				return // io.EOF or the stream's error
			}
			if i > len(in) {
				t.Fatalf("%d messages from %d bytes", i, len(in))
			}
			if m.ErrorDetail != nil {
				_ = m.ErrorDetail.Error()
			}
		}
	})
}
