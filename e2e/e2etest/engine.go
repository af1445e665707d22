package e2etest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// The helpers below talk to the engine directly with net/http, so setup and
// cleanup keep working while the binary under test is broken.

// engineHTTP returns a client and base URL for $DOCKER_HOST.
func engineHTTP() (*http.Client, string, error) {
	return EngineClient(os.Getenv("DOCKER_HOST"), time.Minute)
}

// EngineClient returns a client and base URL for the daemon at host
// (unix:// or plain tcp://).
func EngineClient(host string, timeout time.Duration) (*http.Client, string, error) {
	switch {
	case strings.HasPrefix(host, "unix://"):
		sock := strings.TrimPrefix(host, "unix://")
		tr := &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				var d net.Dialer
				return d.DialContext(ctx, "unix", sock)
			},
		}
		return &http.Client{Transport: tr, Timeout: timeout}, "http://docker", nil
	case strings.HasPrefix(host, "tcp://"):
		return &http.Client{Timeout: timeout}, "http://" + strings.TrimPrefix(host, "tcp://"), nil
	default:
		return nil, "", fmt.Errorf("DOCKER_HOST=%q: only unix:// and tcp:// are supported here", host)
	}
}

func engineDo(ctx context.Context, method, path string, body any) (int, []byte, error) {
	client, base, err := engineHTTP()
	if err != nil {
		return 0, nil, err
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(b)
	}
	return Send(ctx, client, method, base+path, rd, "application/json")
}

// Send sends one request and returns its status and whole body; a body,
// when there is one, is of contentType.
func Send(ctx context.Context, client *http.Client, method, url string, body io.Reader, contentType string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

func ping() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	client, base, err := engineHTTP()
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/_ping", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET /_ping: %d %s", resp.StatusCode, body)
	}
	podman = resp.Header.Get("Libpod-Api-Version") != ""
	experimental = resp.Header.Get("Docker-Experimental") == "true"
	engineAPI = resp.Header.Get("Api-Version")
	return nil
}

// API sends one request to the engine (path without a version prefix, e.g.
// "/containers/json?all=1"; body, if not nil, is sent as JSON) and returns
// the status and body. A failure to reach the engine fails the test. Not for
// use inside t.Cleanup, where the test's context is already cancelled.
func API(t testing.TB, method, path string, body any) (int, []byte) {
	t.Helper()
	code, data, err := engineDo(t.Context(), method, path, body)
	if err != nil {
		t.Fatalf("engine %s %s: %v", method, path, err)
	}
	return code, data
}

// Exists reports whether the engine knows the container or image: kind is
// "containers" or "images", ref a name, ID or image reference.
func Exists(t testing.TB, kind, ref string) bool {
	t.Helper()
	code, body := API(t, http.MethodGet, "/"+kind+"/"+ref+"/json", nil)
	switch code {
	case http.StatusOK:
		return true
	case http.StatusNotFound:
		return false
	}
	t.Fatalf("engine GET /%s/%s/json: %d %s", kind, ref, code, body)
	return false
}

// CleanupContainer force-removes the container (and its anonymous volumes)
// when the test ends; a container that is already gone is fine.
func CleanupContainer(t testing.TB, nameOrID string) {
	t.Cleanup(func() {
		remove(t, "/containers/"+nameOrID+"?force=1&v=1")
	})
}

// CleanupImage force-removes the image reference when the test ends; an
// image that is already gone is fine. Removing a tag of an image that has
// other tags only untags it, so the fixture image survives.
func CleanupImage(t testing.TB, ref string) {
	t.Cleanup(func() {
		remove(t, "/images/"+ref+"?force=1")
	})
}

// remove runs at cleanup time, when t.Context is already done, so it has
// its own deadline.
func remove(t testing.TB, path string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, body, err := engineDo(ctx, http.MethodDelete, path, nil)
	switch {
	case err != nil:
		t.Errorf("cleanup DELETE %s: %v", path, err)
	case code != http.StatusOK && code != http.StatusNoContent && code != http.StatusNotFound:
		t.Errorf("cleanup DELETE %s: %d %s", path, code, body)
	}
}

// ContainerName returns a unique container name and removes that container
// when the test ends.
func ContainerName(t testing.TB, prefix string) string {
	t.Helper()
	name := UniqueName(t, prefix)
	CleanupContainer(t, name)
	return name
}

// ImageName returns a unique image repository name (tag "latest" implied)
// and removes that image when the test ends.
func ImageName(t testing.TB, prefix string) string {
	t.Helper()
	name := UniqueName(t, prefix)
	CleanupImage(t, name+":latest")
	return name
}
