package swarm

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

var noRotation engine.SwarmRotate

// rotationPoll is how often the CA rotation's progress is read.
const rotationPoll = 200 * time.Millisecond

// The progress lines of a root CA rotation, as the reference names them.
const (
	rootDigestLine = "desired root digest"
	tlsLine        = "  rotated TLS certificates"
	caLine         = "  rotated CA certificates"
)

// waitForRootRotation follows a root CA rotation until every node has a
// certificate from the new issuer and the cluster trusts the new root only,
// drawing its progress (unless quiet) like any progress stream. It returns
// the new trust root.
func waitForRootRotation(ctx context.Context, c *cli.CLI, client *engine.Client, quiet bool) (string, error) {
	var root string
	err := c.FollowProgress(quiet, func(enc *json.Encoder) error {
		var err error
		root, err = followRotation(ctx, client, enc)
		return err
	})
	return root, err
}

func followRotation(ctx context.Context, client *engine.Client, enc *json.Encoder) (string, error) {
	empty := &engine.JSONProgress{}
	for _, m := range []engine.JSONMessage{
		{ID: rootDigestLine, ProgressDetail: empty},
		{ID: tlsLine, ProgressDetail: empty},
		{ID: caLine, Status: " ", ProgressDetail: empty},
	} {
		if err := enc.Encode(m); err != nil {
			return "", err
		}
	}
	for {
		sw, err := client.SwarmInspect(ctx)
		if err != nil {
			return "", err
		}
		nodes, err := client.NodeList(ctx, nil)
		if err != nil {
			return "", err
		}
		tls := sw.TLSInfo
		var renewed int64
		for _, n := range nodes {
			t := n.Description.TLSInfo
			if bytes.Equal(t.CertIssuerSubject, tls.CertIssuerSubject) && bytes.Equal(t.CertIssuerPublicKey, tls.CertIssuerPublicKey) {
				renewed++
			}
		}
		total := int64(len(nodes))
		var trusted int64
		if !sw.RootRotationInProgress {
			trusted = total
		}
		for _, m := range []engine.JSONMessage{
			{ID: rootDigestLine, Status: fmt.Sprintf("sha256:%x", sha256.Sum256([]byte(tls.TrustRoot))), ProgressDetail: empty},
			{ID: tlsLine, ProgressDetail: &engine.JSONProgress{Current: renewed, Total: total, Units: "nodes"}},
			{ID: caLine, Status: " ", ProgressDetail: &engine.JSONProgress{Current: trusted, Total: total, Units: "nodes"}},
		} {
			if err := enc.Encode(m); err != nil {
				return "", err
			}
		}
		if !sw.RootRotationInProgress && renewed == total {
			final, err := client.SwarmInspect(ctx)
			return final.TLSInfo.TrustRoot, err
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(rotationPoll):
		}
	}
}
