package service

import (
	"fmt"
	"slices"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

// better reports whether task b says more about its slot (or node) than
// a: one meant to run beats one being stopped, then the newer status.
func better(a, b *engine.Task) bool {
	if la, lb := !Terminal(a.DesiredState), !Terminal(b.DesiredState); la != lb {
		return lb
	}
	return b.Status.Timestamp.After(a.Status.Timestamp)
}

// pick keeps, per key, the task that says most; tasks on nodes that are
// down are left out. keys are in the order first seen.
func pick(tasks []engine.Task, active map[string]bool, key func(*engine.Task) string) (map[string]*engine.Task, []string) {
	chosen := map[string]*engine.Task{}
	var keys []string
	for i := range tasks {
		t := &tasks[i]
		if t.NodeID != "" && !active[t.NodeID] {
			continue
		}
		k := key(t)
		if cur, ok := chosen[k]; !ok {
			chosen[k] = t
			keys = append(keys, k)
		} else if better(cur, t) {
			chosen[k] = t
		}
	}
	return chosen, keys
}

func isRunning(t *engine.Task) bool {
	return t.Status.State == "running" && !Terminal(t.DesiredState)
}

// overall is the line counting the running tasks.
func overall(running, total int, rollback bool) engine.JSONMessage {
	status := fmt.Sprintf("%d out of %d tasks", running, total)
	if rollback {
		status = "rolling back update: " + status
	}
	return line("overall progress", status, nil)
}

// replicatedTracker draws a line per slot ("1/3").
type replicatedTracker struct {
	initialized bool
	lines       map[int]int // task slot → line number
}

func (r *replicatedTracker) update(svc *engine.Service, tasks []engine.Task, active map[string]bool, rollback bool) (bool, []engine.JSONMessage) {
	replicas := 0
	if n := svc.Spec.Mode.Replicated.Replicas; n != nil {
		replicas = int(*n)
	}
	var out []engine.JSONMessage
	if !r.initialized {
		out = append(out, overall(0, replicas, rollback))
		for i := 1; i <= replicas; i++ {
			out = append(out, line(fmt.Sprintf("%d/%d", i, replicas), " ", nil))
		}
		r.initialized = true
	}
	bySlot, slots := pick(tasks, active, func(t *engine.Task) string { return fmt.Sprint(t.Slot) })
	running := 0
	for _, k := range slots {
		t := bySlot[k]
		n, ok := r.lines[t.Slot]
		if !ok {
			n = len(r.lines) + 1
			r.lines[t.Slot] = n
		}
		if isRunning(t) {
			running++
		}
		out = appendTask(out, fmt.Sprintf("%d/%d", n, replicas), t, runningStep)
	}
	return running == replicas, append(out, overall(running, replicas, rollback))
}

// globalTracker draws a line per node (by short node ID).
type globalTracker struct {
	initialized bool
}

func (g *globalTracker) update(_ *engine.Service, tasks []engine.Task, active map[string]bool, rollback bool) (bool, []engine.JSONMessage) {
	byNode, nodes := pick(tasks, active, func(t *engine.Task) string { return t.NodeID })
	nodes = slices.DeleteFunc(nodes, func(n string) bool { return n == "" })
	total := func(running int) engine.JSONMessage {
		if len(nodes) == 0 {
			return line("overall progress", "waiting for new tasks", nil)
		}
		return overall(running, len(nodes), rollback)
	}
	var out []engine.JSONMessage
	if !g.initialized {
		out = append(out, total(0))
		g.initialized = true
	}
	slices.Sort(nodes)
	running := 0
	for _, n := range nodes {
		t := byNode[n]
		if isRunning(t) {
			running++
		}
		out = appendTask(out, format.TruncateID(n), t, runningStep)
	}
	return len(nodes) > 0 && running == len(nodes), append(out, total(running))
}

// jobTracker draws a job's completions, its active tasks and a line per
// task of the job's current run (per slot, or per node for a global job).
type jobTracker struct {
	global      bool
	initialized bool
	lines       map[int]int
}

func (j *jobTracker) update(svc *engine.Service, tasks []engine.Task, active map[string]bool, _ bool) (bool, []engine.JSONMessage) {
	var iteration uint64
	if svc.JobStatus != nil {
		iteration = svc.JobStatus.JobIteration.Index
	}
	tasks = slices.DeleteFunc(slices.Clone(tasks), func(t engine.Task) bool {
		return t.JobIteration == nil || t.JobIteration.Index != iteration
	})
	key := func(t *engine.Task) string { return fmt.Sprint(t.Slot) }
	if j.global {
		key = func(t *engine.Task) string { return t.NodeID }
	}
	byKey, keys := pick(tasks, active, key)
	total, concurrent := len(keys), len(keys)
	if m := svc.Spec.Mode.ReplicatedJob; m != nil {
		total, concurrent = int(deref(m.TotalCompletions)), int(deref(m.MaxConcurrent))
	}
	var out []engine.JSONMessage
	if !j.initialized {
		out = jobOverall(out, 0, 0, total, concurrent)
		for i := 1; !j.global && i <= total; i++ {
			out = append(out, line(fmt.Sprintf("%d/%d", i, total), " ", nil))
		}
		j.initialized = true
	}
	completed, running := 0, 0
	for _, k := range keys {
		t := byKey[k]
		id := format.TruncateID(t.NodeID)
		if !j.global {
			line, ok := j.lines[t.Slot]
			if !ok {
				line = len(j.lines) + 1
				j.lines[t.Slot] = line
			}
			id = fmt.Sprintf("%d/%d", line, total)
		}
		switch {
		case t.Status.State == "complete":
			completed++
		case !Terminal(t.Status.State):
			running++
		}
		out = appendTask(out, id, t, completeStep)
	}
	return completed >= total, jobOverall(out, completed, running, total, concurrent)
}

// jobOverall adds the job's bar and its active tasks out of those it may
// run at once.
func jobOverall(out []engine.JSONMessage, completed, running, total, concurrent int) []engine.JSONMessage {
	p := &engine.JSONProgress{Current: int64(completed), Total: int64(total), HideCounts: true}
	return append(out, line("job progress", fmt.Sprintf("%d out of %d complete", completed, total), p),
		line("active tasks", fmt.Sprintf("%d out of %d tasks", running, min(concurrent, total-completed)), nil))
}

func deref(p *uint64) uint64 {
	if p == nil {
		return 0
	}
	return *p
}
