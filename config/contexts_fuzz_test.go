package config

import (
	"bytes"
	"encoding/json"
	"testing"
)

// meta.json may come from an imported archive: it decodes without
// panicking, and what decodes writes and reads back the same.
func FuzzContextMeta(f *testing.F) {
	f.Add([]byte(`{"Name":"r1-ctx","Metadata":{"Description":"my desc"},"Endpoints":{"docker":{"Host":"unix:///run/x.sock","SkipTLSVerify":false}}}`))
	f.Add([]byte(`{"Name":"x","Metadata":{"Description":5,"k":1e400},"Endpoints":{"kubernetes":{"a":[1]},"docker":{}}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var c Context
		if json.Unmarshal(in, &c) != nil {
			return
		}
		first, err := json.Marshal(c)
		if err != nil {
			return // a number the encoder refuses, kept from the input
		}
		var again Context
		if err := json.Unmarshal(first, &again); err != nil {
			t.Fatalf("written meta does not read back: %v\n%s", err, first)
		}
		second, err := json.Marshal(again)
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the context:\n%s\n%s", first, second)
		}
	})
}
