package image

import (
	"encoding/json"
	"time"
)

// The types below give inspect templates the shapes the reference's typed
// values have, so {{.Config}}, {{.Size}} or {{.Metadata.LastTagTime}} print
// the same text. Templates that need a key these types lack fall back to
// the daemon's raw JSON (see inspectTemplate).

type imageInspect struct {
	ID              string `json:"Id"`
	RepoTags        []string
	RepoDigests     []string
	Parent          string
	Comment         string
	Created         string
	Container       string
	ContainerConfig *containerConfig
	DockerVersion   string
	Author          string
	Config          *imageConfig
	Architecture    string
	Variant         string
	Os              string
	OsVersion       string
	Size            int64
	VirtualSize     int64
	GraphDriver     struct {
		Data map[string]string
		Name string
	}
	RootFS struct {
		Type   string
		Layers []string
	}
	Metadata struct {
		LastTagTime time.Time `json:",omitempty"`
	}
	Descriptor *ociDescriptor
	Manifests  []json.RawMessage
}

type healthConfig struct {
	Test          []string
	Interval      time.Duration
	Timeout       time.Duration
	StartPeriod   time.Duration
	StartInterval time.Duration
	Retries       int
}

// containerConfig is the legacy ContainerConfig (API < 1.45).
type containerConfig struct {
	Hostname        string
	Domainname      string
	User            string
	AttachStdin     bool
	AttachStdout    bool
	AttachStderr    bool
	ExposedPorts    map[string]struct{}
	Tty             bool
	OpenStdin       bool
	StdinOnce       bool
	Env             []string
	Cmd             []string
	Healthcheck     *healthConfig
	ArgsEscaped     bool
	Image           string
	Volumes         map[string]struct{}
	WorkingDir      string
	Entrypoint      []string
	NetworkDisabled bool
	MacAddress      string
	OnBuild         []string
	Labels          map[string]string
	StopSignal      string
	StopTimeout     *int
	Shell           []string
}

// imageConfig is the OCI image config plus Docker's extensions.
type imageConfig struct {
	ociImageConfig
	dockerConfigExt
}

type ociImageConfig struct {
	User         string
	ExposedPorts map[string]struct{}
	Env          []string
	Entrypoint   []string
	Cmd          []string
	Volumes      map[string]struct{}
	WorkingDir   string
	Labels       map[string]string
	StopSignal   string
	ArgsEscaped  bool
}

type dockerConfigExt struct {
	Healthcheck *healthConfig
	OnBuild     []string
	Shell       []string
}

type ociPlatform struct {
	Architecture string   `json:"architecture"`
	OS           string   `json:"os"`
	OSVersion    string   `json:"os.version"`
	OSFeatures   []string `json:"os.features"`
	Variant      string   `json:"variant"`
}

type ociDescriptor struct {
	MediaType    string            `json:"mediaType"`
	Digest       string            `json:"digest"`
	Size         int64             `json:"size"`
	URLs         []string          `json:"urls"`
	Annotations  map[string]string `json:"annotations"`
	Data         []byte            `json:"data"`
	Platform     *ociPlatform      `json:"platform"`
	ArtifactType string            `json:"artifactType"`
}
