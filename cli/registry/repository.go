package registry

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// ErrNotFound is a registry's 404 for a manifest or blob.
var ErrNotFound = errors.New("not found")

// errNoBasicAuth is the reference's words for a basic challenge without
// stored credentials.
var errNoBasicAuth = errors.New("no basic auth credentials")

// Base is the endpoint in use (scheme://host).
func (r *Repository) Base() string { return r.base }

// authorize adds the challenge's answer to req.
func (r *Repository) authorize(ctx context.Context, req *http.Request) error {
	switch r.challenge.Scheme {
	case "basic":
		if r.creds.Username == "" {
			return errNoBasicAuth
		}
		req.SetBasicAuth(r.creds.Username, r.creds.Password)
	case "bearer":
		if r.bearer == "" {
			t, err := FetchToken(ctx, r.http, TokenRequest{Challenge: r.challenge, Creds: r.creds, Scopes: r.scopes})
			if err != nil {
				return err
			}
			r.bearer = t.Bearer()
		}
		req.Header.Set("Authorization", "Bearer "+r.bearer)
	}
	return nil
}

// do sends an authorized request for a path under /v2/<name>/. A 404 is
// ErrNotFound; other failures carry the registry's error text.
func (r *Repository) do(ctx context.Context, method, path string, body []byte, hdr http.Header) (*http.Response, error) {
	u := r.base + "/v2/" + r.name + "/" + path
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	if err := r.authorize(ctx, req); err != nil {
		return nil, &url.Error{Op: req.Method[:1] + strings.ToLower(req.Method[1:]), URL: u, Err: err}
	}
	resp, err := r.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 300 {
		return resp, nil
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, ErrNotFound
	}
	return nil, registryError(resp)
}

// registryError is the distribution API's error list, or the status.
func registryError(resp *http.Response) error {
	var body struct {
		Errors []struct{ Code, Message string }
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if json.Unmarshal(b, &body) == nil && len(body.Errors) > 0 {
		var msgs []string
		for _, e := range body.Errors {
			msgs = append(msgs, strings.ToLower(strings.ReplaceAll(e.Code, "_", " "))+": "+e.Message)
		}
		return errors.New(strings.Join(msgs, "\n"))
	}
	return fmt.Errorf("unexpected status from registry: %s", resp.Status)
}

// Accepted are the manifest kinds asked for, in the reference's order.
var Accepted = []string{MediaTypeDockerList, MediaTypeOCIIndex, MediaTypeOCIManifest, MediaTypeDockerManifest}

// Fetched is a manifest as the registry served it.
type Fetched struct {
	MediaType string
	Digest    string
	Raw       []byte
}

// Manifest fetches a manifest by tag or digest.
func (r *Repository) Manifest(ctx context.Context, ref string) (Fetched, error) {
	resp, err := r.do(ctx, http.MethodGet, "manifests/"+ref, nil, http.Header{"Accept": Accepted})
	if err != nil {
		return Fetched{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return Fetched{}, err
	}
	mt, _, _ := strings.Cut(resp.Header.Get("Content-Type"), ";")
	return Fetched{MediaType: mt, Digest: Digest(raw), Raw: raw}, nil
}

// Blob fetches a (small) blob, such as an image config.
func (r *Repository) Blob(ctx context.Context, digest string) ([]byte, error) {
	resp, err := r.do(ctx, http.MethodGet, "blobs/"+digest, nil, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 16<<20))
}

// MountBlob makes a blob of repository from (same registry) part of this
// one, then checks it is there.
func (r *Repository) MountBlob(ctx context.Context, from, digest string) error {
	q := url.Values{"from": {from}, "mount": {digest}}
	resp, err := r.do(ctx, http.MethodPost, "blobs/uploads/?"+q.Encode(), nil, nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = r.do(ctx, http.MethodHead, "blobs/"+digest, nil, nil)
	if err != nil {
		return fmt.Errorf("blob %s could not be mounted from %s: %w", digest, from, err)
	}
	resp.Body.Close()
	return nil
}

// PutManifest stores a manifest under a tag or digest and returns its digest.
func (r *Repository) PutManifest(ctx context.Context, ref, mediaType string, body []byte) (string, error) {
	resp, err := r.do(ctx, http.MethodPut, "manifests/"+ref, body, http.Header{"Content-Type": {mediaType}})
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	if d := resp.Header.Get("Docker-Content-Digest"); d != "" {
		return d, nil
	}
	return Digest(body), nil
}

// Digest is the sha256 digest of b.
func Digest(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}
