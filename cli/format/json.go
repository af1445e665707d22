package format

import (
	"encoding/json"
	"reflect"
	"slices"
)

var errorType = reflect.TypeFor[error]()

// MarshalRow encodes row as the JSON object the reference prints for
// `--format json` and `{{json .}}`: one key per exported method that takes
// no arguments and returns a single value, keys in alphabetical order,
// values encoded by encoding/json (so strings are HTML-escaped:
// "<none>" -> "\u003cnone\u003e", and a nil pointer is null).
//
// Row types implement json.Marshaler by calling it:
//
//	func (r containerRow) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }
//
// Methods named in exclude are left out. MarshalJSON never qualifies (it
// returns two values), nor does Label (it takes an argument).
func MarshalRow(row any, exclude ...string) ([]byte, error) {
	v := reflect.ValueOf(row)
	if !v.IsValid() {
		return []byte("null"), nil
	}
	t := v.Type()
	fields := make(map[string]any, t.NumMethod())
	for i := range t.NumMethod() {
		m := t.Method(i) // exported methods only, sorted by name
		// m.Type includes the receiver.
		if m.Type.NumIn() != 1 || m.Type.NumOut() != 1 || m.Type.Out(0) == errorType {
			continue
		}
		if slices.Contains(exclude, m.Name) {
			continue
		}
		fields[m.Name] = v.Method(i).Call(nil)[0].Interface()
	}
	// encoding/json sorts map keys, which is the order we want.
	return json.Marshal(fields)
}
