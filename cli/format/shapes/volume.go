package shapes

import "encoding/json"

// Volume is GET /volumes/{name}.
type Volume struct {
	ClusterVolume *json.RawMessage `json:",omitempty"`
	CreatedAt     string           `json:",omitempty"`
	Driver        string
	Labels        map[string]string
	Mountpoint    string
	Name          string
	Options       map[string]string
	Scope         string
	Status        map[string]any `json:",omitempty"`
	UsageData     *VolumeUsage   `json:",omitempty"`
}

// VolumeUsage is a volume's disk usage (only from /system/df).
type VolumeUsage struct {
	RefCount int64
	Size     int64
}
