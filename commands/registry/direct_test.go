package registry

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/engine"
	regclient "github.com/dockerclone/docker/cli/registry"
)

// fakeRegistry answers /v2/ with a basic or bearer challenge; tester/s3cret
// is accepted, and the bearer realm hands out a refresh token.
func fakeRegistry(t *testing.T, scheme string) string {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		good := ok && user == "tester" && pass == "s3cret"
		switch {
		case r.URL.Path == "/token" && good && r.URL.Query().Get("offline_token") == "true":
			w.Write([]byte(`{"token":"t","refresh_token":"refresh-me"}`))
		case r.URL.Path == "/token":
			w.WriteHeader(http.StatusUnauthorized)
		case scheme == "basic" && good:
			w.WriteHeader(http.StatusOK)
		case scheme == "basic":
			w.Header().Set("WWW-Authenticate", `Basic realm="basic-realm"`)
			w.WriteHeader(http.StatusUnauthorized)
		default:
			w.Header().Set("WWW-Authenticate", `Bearer realm="`+srv.URL+`/token",service="fake"`)
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	t.Cleanup(srv.Close)
	return strings.TrimPrefix(srv.URL, "http://")
}

func TestLoginDirect(t *testing.T) {
	for _, tt := range []struct {
		scheme, password, wantErr, wantToken string
	}{
		{scheme: "basic", password: "s3cret"},
		{scheme: "basic", password: "wrong", wantErr: "login attempt to http://HOST/v2/ failed with status: 401 Unauthorized"},
		{scheme: "bearer", password: "s3cret", wantToken: "refresh-me"},
		{scheme: "bearer", password: "wrong", wantErr: "login attempt to http://HOST/token failed with status: 401 Unauthorized"},
	} {
		t.Run(tt.scheme+" "+tt.password, func(t *testing.T) {
			host := fakeRegistry(t, tt.scheme)
			// https is tried first and fails against the plain server; a
			// loopback registry is then tried over http.
			resp, err := loginDirect(context.Background(), regclient.NewHTTPClient(), engine.AuthRequest{Username: "tester", Password: tt.password, ServerAddress: host})
			if want := strings.ReplaceAll(tt.wantErr, "HOST", host); errString(err) != want {
				t.Fatalf("err %v, want %q", err, want)
			}
			if resp.IdentityToken != tt.wantToken {
				t.Errorf("token %q, want %q", resp.IdentityToken, tt.wantToken)
			}
		})
	}
}
