//go:build e2e

package fault

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// stallingRegistry is a proxy to the e2e registry that holds every blob
// request until its client goes away: a pull or a push through it stays in
// progress for as long as a test needs. blobs receives one value per held
// request.
func stallingRegistry(t *testing.T) (addr string, blobs <-chan struct{}) {
	t.Helper()
	reg, _, _ := e2etest.Registry(t)
	rp := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: "http", Host: reg})
	ch := make(chan struct{}, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/blobs/") {
			select {
			case ch <- struct{}{}:
			default:
			}
			ctx, cancel := context.WithTimeout(r.Context(), 2*time.Minute)
			defer cancel()
			<-ctx.Done()
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return strings.TrimPrefix(srv.URL, "http://"), ch
}

// writeAuths stores the e2e registry's credentials for each address in the
// test's config.json (no login needed, nothing printed).
func writeAuths(t *testing.T, addrs ...string) {
	t.Helper()
	_, user, pass := e2etest.Registry(t)
	auth := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	var entries []string
	for _, a := range addrs {
		entries = append(entries, `"`+a+`":{"auth":"`+auth+`"}`)
	}
	cfg := `{"auths":{` + strings.Join(entries, ",") + `}}`
	if err := os.WriteFile(filepath.Join(e2etest.ConfigDir(t), "config.json"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
}
