package engine

import (
	"context"
	"net/http"
	"net/url"
)

// VolumeUsage is a volume's disk usage (from /system/df only).
type VolumeUsage struct {
	Size     int64
	RefCount int64
}

// Volume is an entry of GET /volumes.
type Volume struct {
	Name       string
	Driver     string
	Mountpoint string
	Scope      string
	CreatedAt  string `json:",omitempty"`
	Labels     map[string]string
	Options    map[string]string
	UsageData  *VolumeUsage `json:",omitempty"`
}

// VolumeList calls GET /volumes; Warnings are the daemon's.
func (c *Client) VolumeList(ctx context.Context, f Filters) ([]Volume, []string, error) {
	q := url.Values{}
	f.encode(q)
	var out struct {
		Volumes  []Volume
		Warnings []string
	}
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/volumes", query: q}, &out)
	return out.Volumes, out.Warnings, err
}

// VolumeCreateRequest is the body of POST /volumes/create.
type VolumeCreateRequest struct {
	Driver     string            `json:",omitempty"`
	DriverOpts map[string]string `json:",omitempty"`
	Labels     map[string]string `json:",omitempty"`
	Name       string            `json:",omitempty"`
}

// VolumeCreate calls POST /volumes/create.
func (c *Client) VolumeCreate(ctx context.Context, body VolumeCreateRequest) (Volume, error) {
	var out Volume
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/volumes/create", json: body}, &out)
	return out, err
}

// VolumeInspect returns the daemon's JSON of one volume.
func (c *Client) VolumeInspect(ctx context.Context, name string) ([]byte, error) {
	return c.getRaw(ctx, "/volumes/"+name, nil)
}

// VolumeRemove calls DELETE /volumes/{name}[?force=1].
func (c *Client) VolumeRemove(ctx context.Context, name string, force bool) error {
	var q url.Values
	if force {
		q = url.Values{"force": {"1"}}
	}
	return c.doJSON(ctx, request{method: http.MethodDelete, path: "/volumes/" + name, query: q}, nil)
}

// PruneReport is what a prune endpoint answers: the names or IDs removed
// and the space given back.
type PruneReport struct {
	Deleted        []string
	SpaceReclaimed uint64
}

// VolumesPrune calls POST /volumes/prune.
func (c *Client) VolumesPrune(ctx context.Context, f Filters) (PruneReport, error) {
	q := url.Values{}
	f.encode(q)
	var out struct {
		VolumesDeleted []string
		SpaceReclaimed uint64
	}
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/volumes/prune", query: q}, &out)
	return PruneReport{Deleted: out.VolumesDeleted, SpaceReclaimed: out.SpaceReclaimed}, err
}
