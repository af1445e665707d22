// Package shapes holds the typed views the reference CLI decodes inspect
// objects into before running a --format template on them. The shape is
// observable: it decides the field order and the omitted empty fields of
// {{json .X}}, which daemon keys a template can reach (others fall back to
// the raw JSON), and how {{.X}} prints (structs as {...}, durations as "5s",
// nil lists as "[]"). Field names, order, types and json tags follow what
// the reference prints; there is no logic here. Where the engine's wire
// type already has that shape (Config, HostConfig, mounts, endpoints), the
// view uses it rather than a copy.
package shapes

// New returns a pointer to a zero value of the shape for an inspect object
// of kind ("container", "image", "network", "volume"), ready to be decoded
// into, or nil when the kind has no shape here.
func New(kind string) any {
	switch kind {
	case "container":
		return new(Container)
	case "image":
		return new(Image)
	case "network":
		return new(Network)
	case "volume":
		return new(Volume)
	}
	return nil
}
