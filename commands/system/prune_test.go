package system

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

func TestSystemPrune(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"POST /containers/prune": {Body: `{"ContainersDeleted":["c1"],"SpaceReclaimed":1000}`},
		"POST /networks/prune":   {Body: `{"NetworksDeleted":["n1"]}`},
		"POST /volumes/prune":    {Body: `{"VolumesDeleted":null,"SpaceReclaimed":0}`},
		"POST /images/prune":     {Body: `{"ImagesDeleted":[{"Untagged":"x:1"},{"Deleted":"sha256:ab"}],"SpaceReclaimed":1000}`},
		"POST /build/prune":      {Body: `{"CachesDeleted":null,"SpaceReclaimed":0}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newSystemPruneCommand, "-f", "-a", "--volumes", "--filter", "label=k")
	want := "Deleted Containers:\nc1\n\nDeleted Networks:\nn1\n\nDeleted Images:\nuntagged: x:1\ndeleted: sha256:ab\n\nTotal reclaimed space: 2kB\n"
	if r.RunErr != nil || r.Out != want {
		t.Fatalf("err %v out %q", r.RunErr, r.Out)
	}
	got := strings.Join(e.Lines(), "\n")
	wantReq := "POST /containers/prune?filters=%7B%22label%22%3A%7B%22k%22%3Atrue%7D%7D\n" +
		"POST /networks/prune?filters=%7B%22label%22%3A%7B%22k%22%3Atrue%7D%7D\n" +
		"POST /volumes/prune?filters=%7B%22label%22%3A%7B%22k%22%3Atrue%7D%7D\n" +
		"POST /images/prune?filters=%7B%22dangling%22%3A%7B%22false%22%3Atrue%7D%2C%22label%22%3A%7B%22k%22%3Atrue%7D%7D\n" +
		"POST /build/prune?all=1&filters=%7B%22label%22%3A%7B%22k%22%3Atrue%7D%7D"
	if got != wantReq {
		t.Fatalf("requests\n%s", got)
	}
}

func TestSystemPruneWarning(t *testing.T) {
	e := &clitest.Engine{}
	r := clitest.Run(t, e, clitest.Options{Config: `{"pruneFilters":["label=cfg","until=1h"]}`}, newSystemPruneCommand,
		"--filter", "label!=x", "--filter", "foo=bar")
	want := "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n" +
		"  - all dangling images\n  - unused build cache\n\n  Items to be pruned will be filtered with:\n" +
		"  - label!=x\n  - label=cfg\n  - until=1h\n\nAre you sure you want to continue? [y/N] "
	if r.Out != want || r.RunErr != nil || len(e.Requests()) != 0 {
		t.Fatalf("out %q err %v", r.Out, r.RunErr)
	}
	r = clitest.Run(t, e, clitest.Options{}, newSystemPruneCommand, "--volumes", "--filter", "until=1h")
	if r.ErrText() != `ERROR: The "until" filter is not supported with "--volumes"` {
		t.Fatalf("err %q", r.ErrText())
	}
}

func TestDiskUsage(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /system/df": {Body: `{"LayersSize":2000,
 "Images":[{"Containers":1,"Size":1500,"SharedSize":0},{"Containers":0,"Size":500,"SharedSize":0}],
 "Containers":[{"State":"running","SizeRw":10},{"State":"exited","SizeRw":30}],
 "Volumes":[{"Name":"v","UsageData":{"RefCount":0,"Size":100}},{"Name":"w","UsageData":{"RefCount":1,"Size":-1}}],
 "BuildCache":[]}`}}}
	r := clitest.Run(t, e, clitest.Options{}, newDiskUsageCommand)
	want := "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n" +
		"Images          2         1         2kB       500B (25%)\n" +
		"Containers      2         1         40B       30B (75%)\n" +
		"Local Volumes   2         1         100B      100B (100%)\n" +
		"Build Cache     0         0         0B        0B\n"
	if r.RunErr != nil || r.Out != want {
		t.Fatalf("err %v\n%s", r.RunErr, r.Out)
	}
	r = clitest.Run(t, e, clitest.Options{}, newDiskUsageCommand, "--format", "{{.Nope}}")
	if !strings.HasSuffix(r.ErrText(), "can't evaluate field Nope in type *formatter.diskUsageImagesContext") {
		t.Fatalf("err %q", r.ErrText())
	}
}
