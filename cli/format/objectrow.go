package format

import (
	"slices"
	"strings"
	"time"
)

// ObjectRow holds the columns named swarm objects (secrets, configs) share
// in their lists; a command's row type embeds it, so the row keeps the
// command's type name in template errors.
type ObjectRow struct {
	ObjectID, ObjectName string
	Created, Updated     time.Time
	LabelMap             map[string]string
}

func (r *ObjectRow) ID() string        { return r.ObjectID }
func (r *ObjectRow) Name() string      { return r.ObjectName }
func (r *ObjectRow) CreatedAt() string { return HumanDuration(time.Since(r.Created)) + " ago" }
func (r *ObjectRow) UpdatedAt() string { return HumanDuration(time.Since(r.Updated)) + " ago" }

// Labels joins key=value pairs with commas, sorted.
func (r *ObjectRow) Labels() string { return JoinLabels(r.LabelMap) }

// JoinLabels is the LABELS column of a list: key=value pairs joined with
// commas, sorted (the reference's follow a map's order, so any order is as
// right).
func JoinLabels(labels map[string]string) string {
	kv := make([]string, 0, len(labels))
	for k, v := range labels {
		kv = append(kv, k+"="+v)
	}
	slices.Sort(kv)
	return strings.Join(kv, ",")
}

// Label is the value of one label.
func (r *ObjectRow) Label(name string) string { return r.LabelMap[name] }

// ObjectHeader titles ObjectRow's columns, and the extra ones given as
// field, title pairs.
func ObjectHeader(extra ...string) Header {
	h := Header{"ID": "ID", "Name": "NAME", "CreatedAt": "CREATED", "UpdatedAt": "UPDATED", "Labels": "LABELS"}
	for i := 0; i+1 < len(extra); i += 2 {
		h[extra[i]] = extra[i+1]
	}
	return h
}
