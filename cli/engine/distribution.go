package engine

import (
	"context"
	"net/http"
)

// DistributionInspect is what a registry says about an image
// (GET /distribution/{name}/json): its manifest's digest and platforms.
type DistributionInspect struct {
	Descriptor struct {
		MediaType string `json:"mediaType"`
		Digest    string `json:"digest"`
		Size      int64  `json:"size"`
	}
	Platforms []struct {
		Architecture string `json:"architecture"`
		OS           string `json:"os"`
		Variant      string `json:"variant,omitempty"`
	}
}

// DistributionInspect asks the daemon to look an image up on its registry,
// with the X-Registry-Auth auth (none when empty).
func (c *Client) DistributionInspect(ctx context.Context, image, auth string) (DistributionInspect, error) {
	var out DistributionInspect
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/distribution/" + image + "/json", headers: authHeader(auth)}, &out)
	return out, err
}
