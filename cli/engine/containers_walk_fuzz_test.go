package engine

import (
	"os"
	"testing"
)

// FuzzDecodeContainers: for any reply, the one-pass walk either steps aside
// or reads exactly what encoding/json reads.
func FuzzDecodeContainers(f *testing.F) {
	if data, err := os.ReadFile("testdata/containers.json"); err == nil {
		f.Add(data)
	}
	for _, body := range containerBodies {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsWhole(t, data)
	})
}
