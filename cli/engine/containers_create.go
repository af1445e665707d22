package engine

import (
	"context"
	"net/http"
	"net/url"
)

// ContainerCreateRequest is the body of POST /containers/create: the
// container's Config with its HostConfig and NetworkingConfig.
type ContainerCreateRequest struct {
	Config
	HostConfig       HostConfig
	NetworkingConfig NetworkingConfig
}

// NetworkingConfig is the endpoint of each network a new container joins.
type NetworkingConfig struct {
	EndpointsConfig map[string]*EndpointSettings
}

// CreateResponse is the reply of POST /containers/create.
type CreateResponse struct {
	ID       string `json:"Id"`
	Warnings []string
}

// ContainerCreate creates a container; name and platform ("os/arch") are
// left to the daemon when empty.
func (c *Client) ContainerCreate(ctx context.Context, name, platform string, body ContainerCreateRequest) (CreateResponse, error) {
	q := url.Values{}
	if name != "" {
		q.Set("name", name)
	}
	if platform != "" {
		q.Set("platform", platform)
	}
	var out CreateResponse
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/create", query: q, json: body}, &out)
	return out, err
}
