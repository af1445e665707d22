package service

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
)

// sequence answers with the bodies in turn, repeating the last.
func sequence(bodies ...string) http.HandlerFunc {
	var mu sync.Mutex
	n := 0
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		b := bodies[min(n, len(bodies)-1)]
		n++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(b))
	}
}

func task(slot int, node, state, desired, err string) string {
	return `{"ID":"t` + node + string(rune('0'+slot)) + `","Slot":` + string(rune('0'+slot)) + `,"NodeID":"` + node + `","DesiredState":"` + desired +
		`","Status":{"Timestamp":"2026-01-01T00:00:00Z","State":"` + state + `","Err":"` + err + `"}}`
}

func follow(t *testing.T, o clitest.Options, services http.HandlerFunc, tasks ...string) clitest.Result {
	t.Helper()
	pollInterval = time.Millisecond
	e := &clitest.Engine{
		Replies:  map[string]clitest.Reply{"GET /nodes": {Body: `[{"ID":"node1aaaaaaaaaaaaa","Status":{"State":"ready"}},{"ID":"down","Status":{"State":"down"}}]`}},
		Handlers: map[string]http.HandlerFunc{"GET /services/web": services, "GET /tasks": sequence(tasks...)},
	}
	return clitest.Run(t, e, o, func(c *cli.CLI) *cobra.Command {
		return &cobra.Command{Use: "wait", RunE: func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			return WaitConverged(cmd.Context(), c, client, "web", false)
		}}
	})
}

const replicated = `{"ID":"sid","Spec":{"Name":"web","Mode":{"Replicated":{"Replicas":2}},"UpdateConfig":{"Monitor":1}}}`

func TestProgressReplicated(t *testing.T) {
	r := follow(t, clitest.Options{}, sequence(replicated), `[]`,
		"["+task(1, "node1aaaaaaaaaaaaa", "pending", "running", "")+","+task(2, "down", "running", "running", "")+"]",
		"["+task(1, "node1aaaaaaaaaaaaa", "running", "running", "")+","+task(2, "node1aaaaaaaaaaaaa", "rejected", "shutdown", "No such image: x")+"]",
		"["+task(1, "node1aaaaaaaaaaaaa", "running", "running", "")+","+task(2, "node1aaaaaaaaaaaaa", "running", "running", "")+"]")
	want := "overall progress: 0 out of 2 tasks\n1/2:  \n2/2:  \n" + // the slots before any task
		"overall progress: 0 out of 2 tasks\n" + // no task yet
		"overall progress: 0 out of 2 tasks\n" + // pending (a bar: not shown without a terminal); slot 2's node is down
		"2/2: No such image: x\noverall progress: 1 out of 2 tasks\n" +
		"overall progress: 2 out of 2 tasks\n" +
		"verify: Service web converged\n"
	if r.RunErr != nil || r.Out != want {
		t.Fatalf("err %v\n%s\nwant\n%s", r.RunErr, r.Out, want)
	}
	// On a wide terminal the lines are redrawn in place, with bars.
	r = follow(t, clitest.Options{StdoutTTY: &clitest.Terminal{Width: 200}}, sequence(replicated),
		"["+task(1, "node1aaaaaaaaaaaaa", "running", "running", "")+","+task(2, "node1aaaaaaaaaaaaa", "starting", "running", "")+"]",
		"["+task(1, "node1aaaaaaaaaaaaa", "running", "running", "")+","+task(2, "node1aaaaaaaaaaaaa", "running", "running", "")+"]")
	for _, s := range []string{
		"\n\x1b[1A\x1b[2K\roverall progress: 0 out of 2 tasks \r\x1b[1B",
		"1/2: running   [==================================================>] ",
		"2/2: starting  [============================================>      ] ",
		"\x1b[2K\rverify: Service web converged \r\x1b[1B",
	} {
		if !strings.Contains(r.Out, s) {
			t.Errorf("terminal output lacks %q:\n%q", s, r.Out)
		}
	}
}

func TestProgressStates(t *testing.T) {
	paused := `{"ID":"sid","Spec":{"Name":"web","Mode":{"Replicated":{"Replicas":1}}},"UpdateStatus":{"State":"paused","Message":"update paused due to failure"}}`
	if r := follow(t, clitest.Options{}, sequence(paused), `[]`); r.ErrText() != "service update paused: update paused due to failure" {
		t.Errorf("paused: %q", r.ErrText())
	}
	rolling := `{"ID":"sid","Spec":{"Name":"web","Mode":{"Replicated":{"Replicas":1}},"UpdateConfig":{"Monitor":1}},"UpdateStatus":{"State":"rollback_started","Message":"manually requested rollback"}}`
	done := strings.Replace(rolling, `"rollback_started","Message":"manually requested rollback"`, `"rollback_completed","Message":"rollback completed"`, 1)
	r := follow(t, clitest.Options{}, sequence(rolling, done), "["+task(1, "node1aaaaaaaaaaaaa", "running", "running", "")+"]")
	want := "rollback: manually requested rollback\noverall progress: rolling back update: 0 out of 1 tasks\n1/1:  \n" +
		"overall progress: rolling back update: 1 out of 1 tasks\nverify: Service web converged\nrollback: rollback completed\n"
	if r.RunErr != nil || r.Out != want {
		t.Errorf("rollback: %v\n%s", r.RunErr, r.Out)
	}
	global := `{"ID":"sid","Spec":{"Name":"web","Mode":{"Global":{}},"UpdateConfig":{"Monitor":1}}}`
	r = follow(t, clitest.Options{}, sequence(global), `[]`, "["+task(0, "node1aaaaaaaaaaaaa", "running", "running", "")+"]")
	want = "overall progress: waiting for new tasks\noverall progress: waiting for new tasks\noverall progress: 1 out of 1 tasks\nverify: Service web converged\n"
	if r.RunErr != nil || r.Out != want {
		t.Errorf("global: %v\n%s", r.RunErr, r.Out)
	}
	job := `{"ID":"sid","Spec":{"Name":"web","Mode":{"ReplicatedJob":{"MaxConcurrent":1,"TotalCompletions":2}}},"JobStatus":{"JobIteration":{"Index":3}}}`
	jt := func(slot int, state string) string {
		return strings.Replace(task(slot, "node1aaaaaaaaaaaaa", state, "complete", ""), `"Slot"`, `"JobIteration":{"Index":3},"Slot"`, 1)
	}
	r = follow(t, clitest.Options{}, sequence(job), "["+jt(1, "running")+"]", "["+jt(1, "complete")+","+jt(2, "complete")+"]")
	want = "active tasks: 0 out of 1 tasks\n1/2:  \n2/2:  \nactive tasks: 1 out of 1 tasks\nactive tasks: 0 out of 0 tasks\njob complete\n"
	if r.RunErr != nil || r.Out != want {
		t.Errorf("job: %v\n%s", r.RunErr, r.Out)
	}
}
