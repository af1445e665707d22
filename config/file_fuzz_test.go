package config

import (
	"bytes"
	"encoding/json"
	"testing"
)

// config.json is edited by hand and by other tools: whatever it holds, it
// decodes without panicking, and what decodes saves and reads back the same.
func FuzzConfigFile(f *testing.F) {
	f.Add([]byte(`{"auths":{"127.0.0.1:5000":{"auth":"dXNlcjpwYXNz"}},"psFormat":"table {{.ID}}","someoneElse":[1,2]}`))
	f.Add([]byte(`{"auths":{"x":{"auth":"bm9jb2xvbg=="}},"credHelpers":{"h":"pass"},"proxies":{"default":{"httpProxy":"p"}}}`))
	f.Add([]byte(`{"auths":{"x":{"auth":"!!"}},"HttpHeaders":{"User-Agent":"x","X":"y"}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		c := New("/config")
		if err := c.decode(bytes.NewReader(in)); err != nil {
			return
		}
		first, err := json.Marshal(c)
		if err != nil {
			t.Skip() // e.g. invalid UTF-8 kept raw in an unknown key
		}
		again := New("/config")
		if err := again.decode(bytes.NewReader(first)); err != nil {
			t.Fatalf("saved config does not read back: %v\n%s", err, first)
		}
		second, err := json.Marshal(again)
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the config:\n%s\n%s", first, second)
		}
	})
}
