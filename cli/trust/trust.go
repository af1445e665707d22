// Package trust is the client side of Docker Content Trust: whether it is
// on (DOCKER_CONTENT_TRUST), which notary server serves a registry, and the
// verified reading of a repository's TUF metadata (tags to digests,
// signers, keys). Only the standard library: nothing of a notary client
// weighs on start-up; signing is not implemented.
package trust

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
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

// ErrUnsupported is what signing gets from a reachable notary server:
// creating and signing TUF metadata is not implemented by this client.
var ErrUnsupported = errors.New("content trust: signing with a notary server is not supported by this client")

// Check is what push does with trust on: reach the repository's notary
// server (then ErrUnsupported: signing is not implemented); errors read
// "Error: ...", as the reference prints them.
func Check(ctx context.Context, configDir, registryHost, gun string) error {
	err := NewRepository(configDir, registryHost, gun).Reach(ctx)
	if err == nil {
		err = ErrUnsupported
	}
	return fmt.Errorf("Error: %w", err)
}

// Resolve is what pull, run and create do with trust on: the digest
// ("sha256:...") tag is signed for in the repository. A repository the
// server cannot vouch for fails with "Error: ...", a tag it has no
// signature for with the reference's "No valid trust data for TAG".
func Resolve(ctx context.Context, configDir, registryHost, gun, tag string) (string, error) {
	md, err := NewRepository(configDir, registryHost, gun).Fetch(ctx)
	if err != nil {
		return "", fmt.Errorf("Error: %w", err)
	}
	digest, ok := md.Target(tag)
	if !ok {
		return "", fmt.Errorf("No valid trust data for %s", tag)
	}
	return "sha256:" + digest, nil
}
