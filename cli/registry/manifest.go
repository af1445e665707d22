package registry

import "github.com/dockerclone/docker/cli/engine"

// Media types of manifests and indexes.
const (
	MediaTypeDockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
	MediaTypeDockerList     = "application/vnd.docker.distribution.manifest.list.v2+json"
	MediaTypeOCIManifest    = "application/vnd.oci.image.manifest.v1+json"
	MediaTypeOCIIndex       = "application/vnd.oci.image.index.v1+json"
)

// Platform is an OCI platform as a manifest list carries it: the engine's
// (fields in the order the reference prints) and the list's features.
type Platform struct {
	engine.Platform
	Features []string `json:"features,omitempty"`
}

// Descriptor is an OCI descriptor (mediaType, digest, size order).
type Descriptor struct {
	MediaType    string            `json:"mediaType"`
	Digest       string            `json:"digest"`
	Size         int64             `json:"size"`
	URLs         []string          `json:"urls,omitempty"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	Data         []byte            `json:"data,omitempty"`
	ArtifactType string            `json:"artifactType,omitempty"`
	Platform     *Platform         `json:"platform,omitempty"`
}

// DockerDescriptor is a Docker schema 2 descriptor (mediaType, size,
// digest order).
type DockerDescriptor struct {
	MediaType   string            `json:"mediaType,omitempty"`
	Size        int64             `json:"size"`
	Digest      string            `json:"digest"`
	URLs        []string          `json:"urls,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
	Platform    *Platform         `json:"platform,omitempty"`
}

// DockerManifest is a Docker image manifest, schema 2.
type DockerManifest struct {
	SchemaVersion int                `json:"schemaVersion"`
	MediaType     string             `json:"mediaType"`
	Config        DockerDescriptor   `json:"config"`
	Layers        []DockerDescriptor `json:"layers"`
}

// OCIManifest is an OCI image manifest.
type OCIManifest struct {
	SchemaVersion int               `json:"schemaVersion"`
	MediaType     string            `json:"mediaType,omitempty"`
	ArtifactType  string            `json:"artifactType,omitempty"`
	Config        Descriptor        `json:"config"`
	Layers        []Descriptor      `json:"layers"`
	Subject       *Descriptor       `json:"subject,omitempty"`
	Annotations   map[string]string `json:"annotations,omitempty"`
}

// DockerList is a Docker manifest list.
type DockerList struct {
	SchemaVersion int                `json:"schemaVersion"`
	MediaType     string             `json:"mediaType"`
	Manifests     []DockerDescriptor `json:"manifests"`
}

// OCIIndex is an OCI image index.
type OCIIndex struct {
	SchemaVersion int               `json:"schemaVersion"`
	MediaType     string            `json:"mediaType,omitempty"`
	ArtifactType  string            `json:"artifactType,omitempty"`
	Manifests     []Descriptor      `json:"manifests"`
	Subject       *Descriptor       `json:"subject,omitempty"`
	Annotations   map[string]string `json:"annotations,omitempty"`
}

// ImageConfig is the part of an image config that names its platform:
// the same fields, under the same names.
type ImageConfig = engine.Platform

// IsList reports whether a media type is a manifest list or index.
func IsList(mediaType string) bool {
	return mediaType == MediaTypeDockerList || mediaType == MediaTypeOCIIndex
}
