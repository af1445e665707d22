package format

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
)

// keyOrder remembers the key order of the JSON objects it decoded, by map
// address, so that {{json .X}} can print them as the daemon sent them. A
// nil keyOrder decodes without remembering.
type keyOrder map[uintptr][]string

// decode reads one JSON value as the reference's raw fallback sees it:
// objects become map[string]any, numbers json.Number (large integers print
// whole, not as 1.98421e+06), null nil.
func (o keyOrder) decode(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return o.value(dec)
}

func (o keyOrder) value(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return tok, nil // string, json.Number, bool or nil
	}
	if d == '[' {
		list := []any{}
		for dec.More() {
			v, err := o.value(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := dec.Token()
		return list, err
	}
	m := map[string]any{}
	var keys []string
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := kt.(string)
		v, err := o.value(dec)
		if err != nil {
			return nil, err
		}
		if _, dup := m[k]; !dup {
			keys = append(keys, k)
		}
		m[k] = v
	}
	if o != nil {
		o[reflect.ValueOf(m).Pointer()] = keys
	}
	_, err = dec.Token()
	return m, err
}

// json is the template function over decoded values: compact, not
// HTML-escaped, maps in their recorded order (sorted when unknown).
func (o keyOrder) json(v any) (string, error) {
	var b bytes.Buffer
	if err := o.write(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (o keyOrder) write(b *bytes.Buffer, v any) error {
	switch t := v.(type) {
	case map[string]any:
		keys, ok := o[reflect.ValueOf(t).Pointer()]
		if !ok {
			keys = make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			slices.Sort(keys)
		}
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := o.write(b, k); err != nil {
				return err
			}
			b.WriteByte(':')
			if err := o.write(b, t[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	case []any:
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := o.write(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	}
	s, err := jsonString(v)
	if err != nil {
		return err
	}
	b.WriteString(s)
	return nil
}
