package engine

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
)

// ClusterVolume is the swarm part of a cluster volume (API 1.42).
type ClusterVolume struct {
	ID string
	ObjectMeta
	Spec ClusterVolumeSpec
}

// ClusterVolumeSpec is what an update of a cluster volume sends back.
type ClusterVolumeSpec struct {
	Group                     string               `json:",omitempty"`
	AccessMode                *VolumeAccessMode    `json:",omitempty"`
	AccessibilityRequirements *TopologyRequirement `json:",omitempty"`
	CapacityRange             *CapacityRange       `json:",omitempty"`
	Secrets                   []VolumeSecret       `json:",omitempty"`
	Availability              string               `json:",omitempty"`
}

// VolumeAccessMode is how a cluster volume may be used.
type VolumeAccessMode struct {
	Scope       string `json:",omitempty"`
	Sharing     string `json:",omitempty"`
	MountVolume *struct {
		FsType     string   `json:",omitempty"`
		MountFlags []string `json:",omitempty"`
	} `json:",omitempty"`
	BlockVolume *struct{} `json:",omitempty"`
}

// TopologyRequirement is where a cluster volume must or should be.
type TopologyRequirement struct {
	Requisite []Topology `json:",omitempty"`
	Preferred []Topology `json:",omitempty"`
}

// CapacityRange bounds a cluster volume's size.
type CapacityRange struct {
	RequiredBytes int64
	LimitBytes    int64
}

// VolumeSecret is a secret handed to a cluster volume's driver.
type VolumeSecret struct {
	Key    string
	Secret string
}

// ClusterVolumeOf reads a volume's cluster part (nil for a local volume).
func (c *Client) ClusterVolumeOf(ctx context.Context, name string) (*ClusterVolume, error) {
	var v struct{ ClusterVolume *ClusterVolume }
	raw, err := c.VolumeInspect(ctx, name)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return v.ClusterVolume, nil
}

// ClusterVolumeUpdate calls PUT /volumes/{id}?version=N.
func (c *Client) ClusterVolumeUpdate(ctx context.Context, id string, version uint64, spec ClusterVolumeSpec) error {
	q := url.Values{"version": {strconv.FormatUint(version, 10)}}
	body := struct{ Spec ClusterVolumeSpec }{spec}
	return c.doJSON(ctx, request{method: http.MethodPut, path: "/volumes/" + id, query: q, json: body}, nil)
}
