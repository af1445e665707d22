package service

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// pollInterval is how often a converging service is read (a variable for
// the tests).
var pollInterval = 200 * time.Millisecond

// defaultMonitor is how long tasks must stay up when the service does not
// say (its update config's monitor period).
const defaultMonitor = 5 * time.Second

// WaitConverged follows the service (named as the user typed it; the
// final line names it so) until its tasks run and stayed up for the
// monitor period, or its job completed, drawing the progress as the
// reference does unless quiet. A paused update or rollback is an error.
func WaitConverged(ctx context.Context, c *cli.CLI, client *engine.Client, service string, quiet bool) error {
	return c.FollowProgress(quiet, func(enc *json.Encoder) error {
		f := &follower{client: client, service: service, out: enc}
		err := f.run(ctx)
		if ctx.Err() != nil {
			// Interrupted (Ctrl-C): the daemon goes on; the reference
			// says so only before the service converged.
			if !f.converged {
				if err := enc.Encode(engine.JSONMessage{Status: "Operation continuing in background."}); err != nil {
					return err
				}
				return enc.Encode(engine.JSONMessage{Status: "Use `docker service ps " + service + "` to check progress."})
			}
			return nil
		}
		return err
	})
}

// follower polls a service and writes its progress messages.
type follower struct {
	client    *engine.Client
	service   string
	out       *json.Encoder
	tracker   tracker
	converged bool
}

// tracker draws one kind of service (replicated, global, job) from its
// up-to-date tasks (on the active nodes): the lines of one round, and
// whether it converged.
type tracker interface {
	update(svc *engine.Service, tasks []engine.Task, active map[string]bool, rollback bool) (bool, []engine.JSONMessage)
}

// line is a progress line redrawn in place; without a progress detail it
// has no bar.
func line(id, status string, p *engine.JSONProgress) engine.JSONMessage {
	if p == nil {
		p = &engine.JSONProgress{}
	}
	return engine.JSONMessage{ID: id, Status: status, ProgressDetail: p}
}

func (f *follower) write(id, status string, p *engine.JSONProgress) error {
	return f.out.Encode(line(id, status, p))
}

func (f *follower) run(ctx context.Context) error {
	var (
		convergedAt time.Time
		rollback    bool
		final       string // the rollback message printed after convergence
	)
	for {
		svc, _, err := f.client.ServiceInspect(ctx, f.service, false)
		if err != nil {
			return err
		}
		monitor := defaultMonitor
		if u := svc.Spec.UpdateConfig; u != nil && u.Monitor != 0 {
			monitor = u.Monitor
		}
		if f.tracker == nil {
			if f.tracker = newTracker(&svc); f.tracker == nil {
				return nil // a mode this client does not follow
			}
		}
		if u := svc.UpdateStatus; u != nil {
			switch u.State {
			case "updating":
				rollback = false
			case "paused":
				return fmt.Errorf("service update paused: %s", u.Message)
			case "rollback_started":
				if !rollback && u.Message != "" {
					if err := f.write("rollback", u.Message, nil); err != nil {
						return err
					}
				}
				rollback = true
			case "rollback_paused":
				return fmt.Errorf("service rollback paused: %s", u.Message)
			case "rollback_completed":
				final = u.Message
			}
		}
		if f.converged && time.Since(convergedAt) >= monitor {
			if err := f.write("verify", "Service "+f.service+" converged", nil); err != nil {
				return err
			}
			if final != "" {
				return f.write("rollback", final, nil)
			}
			return nil
		}
		tasks, err := f.client.TaskList(ctx, engine.Filters{"service": {svc.ID: true}, "_up-to-date": {"true": true}})
		if err != nil {
			return err
		}
		nodes, err := f.client.NodeList(ctx, nil)
		if err != nil {
			return err
		}
		active := map[string]bool{}
		for _, n := range nodes {
			if n.Status.State != "down" {
				active[n.ID] = true
			}
		}
		// Once converged, only the verification is drawn.
		was := f.converged
		var msgs []engine.JSONMessage
		f.converged, msgs = f.tracker.update(&svc, tasks, active, rollback)
		for i := 0; i < len(msgs) && !was; i++ {
			if err := f.out.Encode(msgs[i]); err != nil {
				return err
			}
		}
		if _, job := f.tracker.(*jobTracker); job && f.converged {
			return f.out.Encode(engine.JSONMessage{Status: "job complete"})
		}
		switch {
		case f.converged:
			if convergedAt.IsZero() {
				convergedAt = time.Now()
			}
			if wait := monitor - time.Since(convergedAt); wait >= 0 {
				msg := fmt.Sprintf("Waiting %d seconds to verify that tasks are stable...", 1+int(wait/time.Second))
				if err := f.write("verify", msg, nil); err != nil {
					return err
				}
			}
		case !convergedAt.IsZero():
			if err := f.write("verify", "Detected task failure", nil); err != nil {
				return err
			}
			convergedAt = time.Time{}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}

// The task states in the order a task goes through them; the bar of a
// task shows how far it got (a job's last step is completing).
var stateSteps = map[string]int64{
	"new": 1, "allocated": 2, "pending": 3, "assigned": 4, "accepted": 5,
	"preparing": 6, "ready": 7, "starting": 8, "running": 9, "complete": 10,
}

const (
	runningStep  = 9
	completeStep = 10
)

// Terminal reports whether a task in this state will not run again.
func Terminal(state string) bool {
	switch state {
	case "complete", "shutdown", "failed", "rejected", "orphaned", "remove":
		return true
	}
	return false
}

// appendTask adds one task's line: its error, else its state and a bar.
func appendTask(out []engine.JSONMessage, id string, t *engine.Task, steps int64) []engine.JSONMessage {
	if t.Status.Err != "" {
		return append(out, line(id, truncateError(t.Status.Err), nil))
	}
	step, ok := stateSteps[t.Status.State]
	if !ok || step > steps {
		return out
	}
	return append(out, line(id, fmt.Sprintf("%-9s", t.Status.State), &engine.JSONProgress{Current: step, Total: steps, HideCounts: true}))
}

// truncateError keeps a task error on one short line.
func truncateError(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 75 {
		s = s[:74] + "…"
	}
	return s
}

func newTracker(svc *engine.Service) tracker {
	switch m := svc.Spec.Mode; {
	case m.Replicated != nil:
		return &replicatedTracker{lines: map[int]int{}}
	case m.Global != nil:
		return &globalTracker{}
	case m.ReplicatedJob != nil, m.GlobalJob != nil:
		return &jobTracker{lines: map[int]int{}, global: m.GlobalJob != nil}
	}
	return nil
}
