package engine

// Secret is a swarm secret (GET /secrets); its data is never returned.
type Secret = DataObject[SecretSpec]

// SecretSpec is a secret's name, labels, data and drivers.
type SecretSpec struct {
	Annotations
	Data       []byte       `json:",omitempty"`
	Driver     *SwarmDriver `json:",omitempty"`
	Templating *SwarmDriver `json:",omitempty"`
}

func (s SecretSpec) annotations() Annotations { return s.Annotations }

// Secrets are the endpoints of swarm secrets.
var Secrets = DataObjects[SecretSpec]{"/secrets"}
