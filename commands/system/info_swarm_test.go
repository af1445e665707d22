package system

import (
	"os"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// The fixtures are a 20.10 swarm manager's /info and the swarm section the
// reference printed for it.
func TestInfoSwarmManager(t *testing.T) {
	raw, err := os.ReadFile("testdata/info-manager.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/info-manager-swarm.golden")
	if err != nil {
		t.Fatal(err)
	}
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /info": {Body: string(raw)}}}
	r := clitest.Run(t, e, clitest.Options{}, newInfoCommand)
	start := strings.Index(r.Out, " Swarm: ")
	end := strings.Index(r.Out, " Runtimes: ")
	if start < 0 || end < start || r.Out[start:end] != string(want) {
		t.Fatalf("swarm section:\n%s\nwant\n%s", r.Out, want)
	}
}
