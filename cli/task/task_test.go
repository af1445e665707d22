package task

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func task(id, service string, slot int, node, state string, created time.Time, err string) engine.Task {
	t := engine.Task{ID: id, ServiceID: service, Slot: slot, NodeID: node, DesiredState: "running"}
	t.CreatedAt = created
	t.Status.State, t.Status.Timestamp, t.Status.Err = state, time.Now().Add(-3*time.Second), err
	t.Spec.ContainerSpec = &engine.ContainerSpec{Image: "busybox:latest@sha256:0123"}
	return t
}

// Without resolving, names are IDs: the engine is never asked.
func TestPrintOrderAndHistory(t *testing.T) {
	t0 := time.Now().Add(-time.Hour)
	tasks := []engine.Task{
		task("t3aaaaaaaaaaaaaaaaaaaaaaa", "svcB", 10, "n1", "running", t0, ""),
		task("t1aaaaaaaaaaaaaaaaaaaaaaa", "svcA", 2, "n1", "running", t0, ""),
		task("t2aaaaaaaaaaaaaaaaaaaaaaa", "svcB", 2, "n2", "failed", t0, "task: non-zero exit (1) and a long explanation"),
		task("t4aaaaaaaaaaaaaaaaaaaaaaa", "svcB", 2, "n2", "running", t0.Add(time.Minute), ""),
		task("t5aaaaaaaaaaaaaaaaaaaaaaa", "svcG", 0, "n2", "running", t0, ""),
		task("t6aaaaaaaaaaaaaaaaaaaaaaa", "svcG", 0, "n1", "running", t0, ""),
	}
	cases := []struct {
		o    Options
		want string
	}{
		{Options{NoResolve: true, Format: "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.CurrentState}}\t{{.Error}}"},
			"ID             NAME         IMAGE            CURRENT STATE           ERROR\n" +
				"t1aaaaaaaaaa   svcA.2       busybox:latest   Running 3 seconds ago   \n" +
				"t4aaaaaaaaaa   svcB.2       busybox:latest   Running 3 seconds ago   \n" +
				"t2aaaaaaaaaa    \\_ svcB.2   busybox:latest   Failed 3 seconds ago    \"task: non-zero exit (1) and a…\"\n" +
				"t3aaaaaaaaaa   svcB.10      busybox:latest   Running 3 seconds ago   \n" +
				"t6aaaaaaaaaa   svcG.n1      busybox:latest   Running 3 seconds ago   \n" +
				"t5aaaaaaaaaa   svcG.n2      busybox:latest   Running 3 seconds ago   \n"},
		{Options{NoResolve: true, NoTrunc: true, Format: "{{.ID}} {{.Name}} {{.Image}} {{.Node}}"},
			"t1aaaaaaaaaaaaaaaaaaaaaaa svcA.2 busybox:latest@sha256:0123 n1\n" +
				"t4aaaaaaaaaaaaaaaaaaaaaaa svcB.2 busybox:latest@sha256:0123 n2\n" +
				"t2aaaaaaaaaaaaaaaaaaaaaaa svcB.2 busybox:latest@sha256:0123 n2\n" +
				"t3aaaaaaaaaaaaaaaaaaaaaaa svcB.10 busybox:latest@sha256:0123 n1\n" +
				"t6aaaaaaaaaaaaaaaaaaaaaaa svcG.n1 busybox:latest@sha256:0123 n1\n" +
				"t5aaaaaaaaaaaaaaaaaaaaaaa svcG.n2 busybox:latest@sha256:0123 n2\n"},
		{Options{NoResolve: true, Quiet: true}, "t1aaaaaaaaaa\nt4aaaaaaaaaa\nt2aaaaaaaaaa\nt3aaaaaaaaaa\nt6aaaaaaaaaa\nt5aaaaaaaaaa\n"},
	}
	for _, tc := range cases {
		var out bytes.Buffer
		c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&out), Err: cli.NewOut(&out)})
		c.Opts.ConfigDir = t.TempDir()
		f, err := ParseFormat(c, tc.o)
		if err != nil {
			t.Fatal(err)
		}
		if err := Print(context.Background(), c, nil, append([]engine.Task(nil), tasks...), f, tc.o); err != nil {
			t.Fatal(err)
		}
		c.Out.Flush()
		if out.String() != tc.want {
			t.Errorf("%+v:\n%s\nwant\n%s", tc.o, out.String(), tc.want)
		}
	}
}

// A task listed twice (node ps of several nodes) takes the name of its
// last listing in both rows, as with the reference.
func TestPrintDuplicates(t *testing.T) {
	t0 := time.Now()
	a := task("taaaaaaaaaaaaaaaaaaaaaaaa", "s", 1, "n", "running", t0, "")
	var out bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&out), Err: cli.NewOut(&out)})
	f, _ := format.Parse("table {{.Name}}", "")
	o := Options{NoResolve: true}
	if err := Print(context.Background(), c, nil, []engine.Task{a, a}, f, o); err != nil {
		t.Fatal(err)
	}
	c.Out.Flush()
	if want := "NAME\n \\_ s.1\n \\_ s.1\n"; out.String() != want {
		t.Fatalf("got %q want %q", out.String(), want)
	}
}

func TestPorts(t *testing.T) {
	got := Ports([]engine.PortConfig{{Protocol: "tcp", TargetPort: 80, PublishedPort: 8080}, {Protocol: "udp", TargetPort: 53, PublishedPort: 53}})
	if got != "*:8080->80/tcp, *:53->53/udp" {
		t.Fatalf("got %q", got)
	}
}
