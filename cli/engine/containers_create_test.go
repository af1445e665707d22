package engine

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// The Config's fields go at the top level of the body, beside HostConfig
// and NetworkingConfig; the name and platform go in the query.
func TestContainerCreateSendsTheRequest(t *testing.T) {
	var query, body string
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		query, body = r.URL.RawQuery, string(b)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		w.Write([]byte(`{"Id":"c1","Warnings":["w"]}`))
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	swappiness := int64(-1)
	req := ContainerCreateRequest{
		Config:     Config{Image: "busybox", Cmd: []string{"true"}},
		HostConfig: HostConfig{NetworkMode: "none", Resources: Resources{MemorySwappiness: &swappiness}},
	}
	resp, err := c.ContainerCreate(context.Background(), "n1", "linux/amd64", req)
	if err != nil || resp.ID != "c1" || len(resp.Warnings) != 1 {
		t.Fatalf("got %+v, %v", resp, err)
	}
	if query != "name=n1&platform=linux%2Famd64" {
		t.Errorf("query %s", query)
	}
	for _, want := range []string{
		`{"Hostname":"",`,
		`"Cmd":["true"],"Image":"busybox",`,
		`"HostConfig":{"Binds":null,`,
		`"NetworkMode":"none",`,
		`"MemorySwappiness":-1,"OomKillDisable":null,"PidsLimit":null,`,
		`"NetworkingConfig":{"EndpointsConfig":null}}`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s:\n%s", want, body)
		}
	}
}
