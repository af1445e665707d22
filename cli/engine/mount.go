package engine

import "os"

// Mount is one --mount: HostConfig.Mounts of a container, Mounts of a
// service's container spec. Every empty field is left out.
type Mount struct {
	Type           string          `json:",omitempty"`
	Source         string          `json:",omitempty"`
	Target         string          `json:",omitempty"`
	ReadOnly       bool            `json:",omitempty"`
	Consistency    string          `json:",omitempty"`
	BindOptions    *BindOptions    `json:",omitempty"`
	VolumeOptions  *VolumeOptions  `json:",omitempty"`
	ImageOptions   *ImageOptions   `json:",omitempty"`
	TmpfsOptions   *TmpfsOptions   `json:",omitempty"`
	ClusterOptions *ClusterOptions `json:",omitempty"`
}

// BindOptions are a bind mount's options.
type BindOptions struct {
	Propagation            string `json:",omitempty"`
	NonRecursive           bool   `json:",omitempty"`
	CreateMountpoint       bool   `json:",omitempty"`
	ReadOnlyNonRecursive   bool   `json:",omitempty"`
	ReadOnlyForceRecursive bool   `json:",omitempty"`
}

// VolumeOptions are a volume mount's options.
type VolumeOptions struct {
	NoCopy       bool              `json:",omitempty"`
	Labels       map[string]string `json:",omitempty"`
	Subpath      string            `json:",omitempty"`
	DriverConfig *MountDriver      `json:",omitempty"`
}

// MountDriver names the driver of a volume mount and its options.
type MountDriver struct {
	Name    string            `json:",omitempty"`
	Options map[string]string `json:",omitempty"`
}

// ImageOptions are an image mount's options.
type ImageOptions struct {
	Subpath string `json:",omitempty"`
}

// TmpfsOptions are a tmpfs mount's options.
type TmpfsOptions struct {
	SizeBytes int64       `json:",omitempty"`
	Mode      os.FileMode `json:",omitempty"`
	Options   [][]string  `json:",omitempty"`
}

// ClusterOptions are a cluster volume mount's options (none yet).
type ClusterOptions struct{}

// MountPoint is a mount as a container reports it (list and inspect).
type MountPoint struct {
	Type        string `json:",omitempty"`
	Name        string `json:",omitempty"`
	Source      string
	Destination string
	Driver      string `json:",omitempty"`
	Mode        string
	RW          bool
	Propagation string
}
