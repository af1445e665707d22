// Package trust is the client side of Docker Content Trust: whether it is
// on (DOCKER_CONTENT_TRUST), which notary server serves a registry, and the
// first exchange with that server. Only the standard library: nothing of a
// TUF client weighs on start-up.
package trust

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// HubNotary is Docker Hub's notary server.
const HubNotary = "https://notary.docker.io"

// Enabled reports whether DOCKER_CONTENT_TRUST asks for signed images: any
// value strconv.ParseBool calls true.
func Enabled() bool {
	on, err := strconv.ParseBool(os.Getenv("DOCKER_CONTENT_TRUST"))
	return err == nil && on
}

// Server is the notary server for a registry host: DOCKER_CONTENT_TRUST_SERVER,
// Hub's for Docker Hub, else the registry's own host over https.
func Server(registryHost string) string {
	if s := os.Getenv("DOCKER_CONTENT_TRUST_SERVER"); s != "" {
		return strings.TrimSuffix(s, "/")
	}
	switch registryHost {
	case "docker.io", "index.docker.io", "registry-1.docker.io":
		return HubNotary
	}
	return "https://" + registryHost
}

// ErrUnsupported is what a reachable notary server gets: signing and
// verifying TUF metadata is not implemented by this client.
var ErrUnsupported = errors.New("content trust: signing and verifying with a notary server is not supported by this client")

// FetchRoot asks the notary server for gun's root metadata, the first thing
// a notary client does. A server that cannot be reached gives the
// reference's "error contacting notary server"; no trust data its
// "does not have trust data" error.
func FetchRoot(ctx context.Context, server, gun string) ([]byte, error) {
	client := &http.Client{Timeout: 30 * time.Second}
	u := server + "/v2/" + gun + "/_trust/tuf/root.json"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		// net/http words a plain HTTP answer its own way; the reference's
		// notary transport shows the TLS error underneath.
		if err.Error() == "http: server gave HTTP response to HTTPS client" {
			err = errors.New("tls: first record does not look like a TLS handshake")
		}
		return nil, fmt.Errorf("error contacting notary server: %w", err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return nil, ErrUnsupported
	case http.StatusNotFound:
		host := strings.TrimPrefix(strings.TrimPrefix(server, "https://"), "http://")
		return nil, fmt.Errorf("remote trust data does not exist for %s: %s does not have trust data for %s", gun, host, gun)
	case http.StatusUnauthorized:
		return nil, errors.New("you are not authorized to perform this operation: server returned 401.")
	}
	return nil, fmt.Errorf("error contacting notary server: %s", resp.Status)
}

// Check is what pull, push, run and create do with trust on: reach the
// registry's notary server for the repository; errors read "Error: ...",
// as the reference prints them.
func Check(ctx context.Context, registryHost, gun string) error {
	if _, err := FetchRoot(ctx, Server(registryHost), gun); err != nil {
		return fmt.Errorf("Error: %w", err)
	}
	return nil
}
