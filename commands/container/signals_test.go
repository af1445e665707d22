package container

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func signalTestCLI() (*cli.CLI, *bytes.Buffer) {
	var errb bytes.Buffer
	return cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(io.Discard), Err: cli.NewOut(&errb)}), &errb
}

// A signal the daemon refuses is dropped silently, as the reference drops
// it: no "error sending signal" line per signal.
func TestSignalProxyFailureIsQuiet(t *testing.T) {
	var mu sync.Mutex
	var kills []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/_ping" {
			w.Header().Set("Api-Version", "1.41")
			return
		}
		mu.Lock()
		kills = append(kills, r.URL.Path+"?"+r.URL.RawQuery)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		w.Write([]byte(`{"message":"Container c1 is not running"}`))
	}))
	defer srv.Close()
	client, _ := engine.New(engine.Options{Host: "tcp://" + strings.TrimPrefix(srv.URL, "http://")})
	c, errb := signalTestCLI()
	stop := proxySignals(context.Background(), c, client, "c1")
	for range 3 {
		_ = syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		n := len(kills)
		mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	mu.Lock()
	defer mu.Unlock()
	if len(kills) == 0 || kills[0] != "/v1.41/containers/c1/kill?signal=USR1" {
		t.Fatalf("kills %q", kills)
	}
	if errb.Len() != 0 {
		t.Fatalf("stderr %q", errb.String())
	}
}

// With the daemon gone, SIGTERM cannot reach the container: it is handed
// back to the CLI (raised again for the root handler) instead of being lost.
func TestSignalProxyDaemonGone(t *testing.T) {
	mine := make(chan os.Signal, 4)
	signal.Notify(mine, syscall.SIGTERM) // stands for the root handler
	defer signal.Stop(mine)
	client, _ := engine.New(engine.Options{Host: "unix:///nonexistent/docker.sock"})
	c, errb := signalTestCLI()
	stop := proxySignals(context.Background(), c, client, "c1")
	defer stop()
	if !c.SignalsProxied() {
		t.Fatal("not proxying")
	}
	_ = syscall.Kill(os.Getpid(), syscall.SIGTERM)
	for n := 0; n < 2; n++ { // the original, then the one handed back
		select {
		case <-mine:
		case <-time.After(5 * time.Second):
			t.Fatalf("SIGTERM seen %d times; proxied=%v", n, c.SignalsProxied())
		}
	}
	if c.SignalsProxied() || errb.Len() != 0 {
		t.Fatalf("proxied=%v stderr %q", c.SignalsProxied(), errb.String())
	}
}

// The terminal's job-control signals are the CLI's own business.
func TestForwardedSignals(t *testing.T) {
	for _, s := range forwardedSignals() {
		switch s {
		case syscall.SIGTTIN, syscall.SIGTTOU, syscall.SIGCHLD, syscall.SIGPIPE, syscall.SIGURG, syscall.SIGKILL, syscall.SIGSTOP:
			t.Errorf("%v is forwarded", s)
		}
	}
	if len(forwardedSignals()) < 50 {
		t.Errorf("only %d signals forwarded", len(forwardedSignals()))
	}
}

// run and start report a wait cut short (the daemon died) through the
// reference's logger and exit 125; an interrupt is passed on as it is.
func TestExitStatusWhenWaitFails(t *testing.T) {
	c, errb := signalTestCLI()
	err := exitStatus(context.Background(), c, func() (engine.WaitResult, error) { return engine.WaitResult{}, io.ErrUnexpectedEOF })
	c.Err.Flush()
	se, ok := err.(*cli.StatusError)
	if !ok || se.Code != 125 || se.Msg != "" {
		t.Fatalf("got %#v", err)
	}
	if got := errb.String(); !strings.HasPrefix(got, `time="`) || !strings.HasSuffix(got, `" level=error msg="error waiting for container: unexpected EOF"`+"\n") {
		t.Fatalf("stderr %q", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := exitStatus(ctx, c, func() (engine.WaitResult, error) { return engine.WaitResult{}, context.Canceled }); err != context.Canceled {
		t.Fatalf("interrupted: %v", err)
	}
}
