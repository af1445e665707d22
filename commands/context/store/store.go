// Package store holds the shape of a context's metadata as `context
// inspect` shows it. It is a package of its own so that template errors
// name the type as the reference does ("... in type store.Metadata").
package store

import (
	"bytes"
	"encoding/json"
	"sort"
)

// Metadata is meta.json as templates see it: `{{.Metadata.Metadata.Description}}`
// and `{{json .Metadata}}` behave as with the reference. The inner Metadata
// is a DockerContext behind `any`, as the reference's is (template errors
// below it read "in type interface {}").
type Metadata struct {
	Name      string
	Metadata  any
	Endpoints map[string]any `json:",omitempty"`
}

// StorageInfo is where a context's files live ("<IN MEMORY>" for default).
type StorageInfo struct {
	MetadataPath string
	TLSPath      string
}

// DockerContext is a context's metadata: its description and any other keys.
type DockerContext struct {
	Description      string
	AdditionalFields map[string]any
}

// MarshalJSON flattens the extra keys next to Description, as stored.
func (d DockerContext) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(d.AdditionalFields)+1)
	for k, v := range d.AdditionalFields {
		m[k] = v
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "Description" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	if d.Description != "" {
		m["Description"] = d.Description
		keys = append([]string{"Description"}, keys...)
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(m[k])
		if err != nil {
			return nil, err
		}
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
