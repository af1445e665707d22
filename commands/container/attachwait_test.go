package container

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// waitEngine is a stand-in engine for waitForExit: /events streams the given
// events (each one after the request its "after" names, if any), /wait
// answers per condition, and every request is recorded.
type waitEngine struct {
	api    string // Api-Version of /_ping
	libpod bool   // answer /_ping like Podman
	events []waitEvent
	waits  map[string]string // condition -> reply body
	remove int               // status of DELETE /containers/c1; 0: 204

	mu     *sync.Mutex
	seen   []string
	notify chan string
}

type waitEvent struct {
	after string // a request ("DELETE /containers/c1") that must come first
	json  string
}

func (e *waitEngine) serve(t *testing.T) *httptest.Server {
	e.notify = make(chan string, 16)
	e.mu = &sync.Mutex{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := regexp.MustCompile(`^/v1\.\d+`).ReplaceAllString(r.URL.Path, "")
		line := r.Method + " " + path
		if r.URL.RawQuery != "" {
			line += "?" + r.URL.RawQuery
		}
		if path == "/_ping" {
			w.Header().Set("Api-Version", e.api)
			if e.libpod {
				w.Header().Set("Libpod-Api-Version", "4.3.1")
			}
			return
		}
		e.mu.Lock()
		e.seen = append(e.seen, line)
		e.mu.Unlock()
		e.notify <- r.Method + " " + path
		switch {
		case path == "/events":
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			for _, ev := range e.events {
				if ev.after != "" {
					for got := ""; got != ev.after; got = <-e.notify {
					}
				}
				fmt.Fprintln(w, ev.json)
				w.(http.Flusher).Flush()
			}
		case path == "/containers/c1/wait":
			fmt.Fprint(w, e.waits[r.URL.Query().Get("condition")])
		case r.Method == http.MethodDelete:
			if e.remove != 0 {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(e.remove)
				fmt.Fprint(w, `{"message":"removal of container c1 is already in progress"}`)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		default:
			t.Errorf("unexpected request %s", line)
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func event(action string, attrs string) waitEvent {
	return waitEvent{json: `{"status":"` + action + `","id":"c1","Type":"container","Action":"` + action +
		`","Actor":{"ID":"c1","Attributes":{` + attrs + `}},"scope":"local","time":1}`}
}

const eventsQuery = "GET /events?filters=%7B%22container%22%3A%7B%22c1%22%3Atrue%7D%2C%22type%22%3A%7B%22container%22%3Atrue%7D%7D"

func TestWaitForExit(t *testing.T) {
	afterDelete := event("destroy", "")
	afterDelete.after = "DELETE /containers/c1"
	cases := []struct {
		name       string
		engine     waitEngine
		fixed      string // DOCKER_API_VERSION; "" negotiates
		autoRemove bool
		wantCode   int
		wantErr    string
		wantReqs   []string
		wantStderr string // a regexp
	}{
		{name: "1.41: wait for the next exit",
			engine:   waitEngine{api: "1.41", waits: map[string]string{"next-exit": `{"StatusCode":3}`}},
			wantCode: 3, wantReqs: []string{"POST /containers/c1/wait?condition=next-exit"}},
		{name: "1.41 --rm: wait until removed",
			engine:     waitEngine{api: "1.41", waits: map[string]string{"removed": `{"StatusCode":3}`}},
			autoRemove: true, wantCode: 3, wantReqs: []string{"POST /containers/c1/wait?condition=removed"}},
		{name: "newer than ours (1.57): a 1.50 wait",
			engine:   waitEngine{api: "1.57", waits: map[string]string{"next-exit": `{"StatusCode":0}`}},
			wantReqs: []string{"POST /containers/c1/wait?condition=next-exit"}},
		{name: "podman --rm: the code from next-exit, the end from removed",
			engine:     waitEngine{api: "1.41", libpod: true, waits: map[string]string{"next-exit": `{"StatusCode":3}`, "removed": `{"StatusCode":0}`}},
			autoRemove: true, wantCode: 3,
			wantReqs: []string{"POST /containers/c1/wait?condition=next-exit", "POST /containers/c1/wait?condition=removed"}},
		{name: "podman without --rm: one wait",
			engine:   waitEngine{api: "1.41", libpod: true, waits: map[string]string{"next-exit": `{"StatusCode":4}`}},
			wantCode: 4, wantReqs: []string{"POST /containers/c1/wait?condition=next-exit"}},
		{name: "wait error message: 125",
			engine:  waitEngine{api: "1.41", waits: map[string]string{"next-exit": `{"StatusCode":0,"Error":{"Message":"boom"}}`}},
			wantErr: "boom", wantCode: 125, wantReqs: []string{"POST /containers/c1/wait?condition=next-exit"}},
		{name: "1.29: the die event's exit code",
			engine: waitEngine{api: "1.41", events: []waitEvent{event("start", `"image":"busybox"`), event("die", `"exitCode":"3"`)}},
			fixed:  "1.29", wantCode: 3, wantReqs: []string{eventsQuery}},
		{name: "1.29 --rm: until destroyed, removed by the engine",
			engine: waitEngine{api: "1.41", events: []waitEvent{event("die", `"exitCode":"5"`), event("destroy", "")}},
			fixed:  "1.29", autoRemove: true, wantCode: 5, wantReqs: []string{eventsQuery}},
		{name: "1.29 --rm on podman: its remove event ends it",
			engine: waitEngine{api: "1.41", libpod: true, events: []waitEvent{event("die", `"exitCode":"5","containerExitCode":"5"`), event("remove", "")}},
			fixed:  "1.29", autoRemove: true, wantCode: 5, wantReqs: []string{eventsQuery}},
		{name: "1.24 --rm: removed by the client after the die",
			engine: waitEngine{api: "1.41", events: []waitEvent{event("die", `"exitCode":"4"`), afterDelete}},
			fixed:  "1.24", autoRemove: true, wantCode: 4, wantReqs: []string{eventsQuery, "DELETE /containers/c1?v=1"}},
		{name: "1.24 --rm on podman: the engine removes it at every version",
			engine: waitEngine{api: "1.41", libpod: true, events: []waitEvent{event("die", `"exitCode":"6"`), event("remove", "")}},
			fixed:  "1.24", autoRemove: true, wantCode: 6, wantReqs: []string{eventsQuery}},
		{name: "1.24 --rm: a failed removal is logged",
			engine: waitEngine{api: "1.41", remove: http.StatusConflict, events: []waitEvent{event("die", `"exitCode":"0"`)}},
			fixed:  "1.24", autoRemove: true, wantReqs: []string{eventsQuery, "DELETE /containers/c1?v=1"},
			wantStderr: `^time="[^"]+" level=error msg="error removing container: Error response from daemon: removal of container c1 is already in progress"\n$`},
		{name: "1.29: the stream ends before the die",
			engine: waitEngine{api: "1.41", events: []waitEvent{event("start", "")}},
			fixed:  "1.29", wantCode: 125, wantErr: "error getting events from daemon: unexpected EOF", wantReqs: []string{eventsQuery}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &tc.engine
			srv := e.serve(t)
			client, err := engine.New(engine.Options{Host: "tcp://" + srv.Listener.Addr().String(), APIVersion: tc.fixed})
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&bytes.Buffer{}), Err: cli.NewOut(&stderr)})
			exit, err := waitForExit(context.Background(), c, client, "c1", tc.autoRemove)
			if err != nil {
				t.Fatal(err)
			}
			err = exit()
			c.Err.Flush()
			code, msg := 0, ""
			var se *cli.StatusError
			if errors.As(err, &se) {
				code, msg = se.Code, se.Msg
			} else if err != nil {
				t.Fatalf("error %v is no StatusError", err)
			}
			if code != tc.wantCode || msg != tc.wantErr {
				t.Errorf("exit %d %q, want %d %q", code, msg, tc.wantCode, tc.wantErr)
			}
			e.mu.Lock()
			got := e.seen
			e.mu.Unlock()
			if strings.Join(got, "\n") != strings.Join(tc.wantReqs, "\n") {
				t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.wantReqs, "\n"))
			}
			if tc.wantStderr == "" && stderr.Len() > 0 || !regexp.MustCompile(tc.wantStderr).MatchString(stderr.String()) {
				t.Errorf("stderr %q", stderr.String())
			}
		})
	}
}
