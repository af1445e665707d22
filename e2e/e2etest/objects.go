package e2etest

import "testing"

// NetworkName returns a unique network name and removes that network when
// the test ends.
func NetworkName(t testing.TB, prefix string) string {
	t.Helper()
	name := UniqueName(t, prefix)
	t.Cleanup(func() { remove(t, "/networks/"+name) })
	return name
}

// VolumeName returns a unique volume name and removes that volume when the
// test ends.
func VolumeName(t testing.TB, prefix string) string {
	t.Helper()
	name := UniqueName(t, prefix)
	t.Cleanup(func() { remove(t, "/volumes/"+name+"?force=1") })
	return name
}
