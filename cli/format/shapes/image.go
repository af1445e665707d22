package shapes

import (
	"encoding/json"
	"time"

	"github.com/dockerclone/docker/cli/engine"
)

// Image is GET /images/{name}/json.
type Image struct {
	ID              string `json:"Id"`
	RepoTags        []string
	RepoDigests     []string
	Parent          string
	Comment         string
	Created         string         `json:",omitempty"`
	Container       string         `json:",omitempty"`
	ContainerConfig *engine.Config `json:",omitempty"`
	DockerVersion   string
	Author          string
	Config          *ImageConfig
	Architecture    string
	Variant         string `json:",omitempty"`
	Os              string
	OsVersion       string `json:",omitempty"`
	Size            int64
	VirtualSize     int64 `json:",omitempty"`
	GraphDriver     GraphDriver
	RootFS          RootFS
	Metadata        ImageMetadata
	Descriptor      *Descriptor       `json:",omitempty"`
	Manifests       []json.RawMessage `json:",omitempty"`
}

// RootFS lists the image's layers.
type RootFS struct {
	Type   string
	Layers []string `json:",omitempty"`
}

// ImageMetadata is what the daemon knows beyond the image config.
type ImageMetadata struct {
	LastTagTime time.Time `json:",omitempty"`
}

// ImageConfig is the OCI image config plus Docker's extensions; every
// field is left out of JSON when empty.
type ImageConfig struct {
	OCIImageConfig
	DockerImageConfigExt
}

// OCIImageConfig is the config of the OCI image spec.
type OCIImageConfig struct {
	User         string              `json:",omitempty"`
	ExposedPorts map[string]struct{} `json:",omitempty"`
	Env          []string            `json:",omitempty"`
	Entrypoint   []string            `json:",omitempty"`
	Cmd          []string            `json:",omitempty"`
	Volumes      map[string]struct{} `json:",omitempty"`
	WorkingDir   string              `json:",omitempty"`
	Labels       map[string]string   `json:",omitempty"`
	StopSignal   string              `json:",omitempty"`
	ArgsEscaped  bool                `json:",omitempty"`
}

// DockerImageConfigExt are Docker's additions to the OCI config.
type DockerImageConfigExt struct {
	Healthcheck *engine.HealthConfig `json:",omitempty"`
	OnBuild     []string             `json:",omitempty"`
	Shell       []string             `json:",omitempty"`
}

// Descriptor is an OCI content descriptor.
type Descriptor struct {
	MediaType    string            `json:"mediaType"`
	Digest       string            `json:"digest"`
	Size         int64             `json:"size"`
	URLs         []string          `json:"urls,omitempty"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	Data         []byte            `json:"data,omitempty"`
	Platform     *engine.Platform  `json:"platform,omitempty"`
	ArtifactType string            `json:"artifactType,omitempty"`
}
