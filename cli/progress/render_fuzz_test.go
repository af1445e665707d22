package progress

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// The progress stream comes from the daemon: drawing it, on a terminal of any
// width or on a pipe, must never panic and must end.
func FuzzRender(f *testing.F) {
	f.Add([]byte(`{"status":"Pulling fs layer","progressDetail":{},"id":"002a4b9ef240"}`+"\n"+
		`{"status":"Downloading","progressDetail":{"current":69210,"total":5002000},"id":"002a4b9ef240"}`), 120, true)
	f.Add([]byte(`{"status":"Downloading","progressDetail":{"current":5,"total":-1,"units":"items"},"id":"x"}`), 40, true)
	f.Add([]byte(`{"status":"Extracting","progressDetail":{"current":99999999999,"total":1,"start":1}}`), 200, false)
	f.Fuzz(func(t *testing.T, in []byte, width int, terminal bool) {
		var out bytes.Buffer
		r := Renderer{Out: &out, Terminal: terminal, Width: width % 1000, OnAux: func(json.RawMessage) {},
			Now: func() time.Time { return time.Unix(1700000000, 0) }}
		_ = r.Render(bytes.NewReader(in))
	})
}
