package engine

// SwarmConfig is a swarm config (GET /configs).
type SwarmConfig = DataObject[ConfigSpec]

// ConfigSpec is a config's name, labels, data and templating driver.
type ConfigSpec struct {
	Annotations
	Data       []byte       `json:",omitempty"`
	Templating *SwarmDriver `json:",omitempty"`
}

func (s ConfigSpec) annotations() Annotations { return s.Annotations }

// Configs are the endpoints of swarm configs.
var Configs = DataObjects[ConfigSpec]{"/configs"}
