package opts

import (
	"fmt"
	"strings"

	"github.com/google/shlex"
)

// Repeated is a repeatable flag whose values are parsed (and so checked)
// as they are given; one value may stand for several (a port range).
type Repeated[T any] struct {
	typ    string
	parse  func(string) ([]T, error)
	values []T
}

// NewRepeated returns an empty flag of help type typ.
func NewRepeated[T any](typ string, parse func(string) ([]T, error)) *Repeated[T] {
	return &Repeated[T]{typ: typ, parse: parse}
}

// One adapts a parser of single values to NewRepeated.
func One[T any](parse func(string) (T, error)) func(string) ([]T, error) {
	return func(v string) ([]T, error) {
		t, err := parse(v)
		if err != nil {
			return nil, err
		}
		return []T{t}, nil
	}
}

func (r *Repeated[T]) String() string { return "" }

// Type is the name shown in help.
func (r *Repeated[T]) Type() string { return r.typ }

// Set parses and appends v.
func (r *Repeated[T]) Set(v string) error {
	ts, err := r.parse(v)
	if err != nil {
		return err
	}
	r.values = append(r.values, ts...)
	return nil
}

// Values are the parsed values in order.
func (r *Repeated[T]) Values() []T { return r.values }

// Command is a command line split as a POSIX shell would (quotes, escapes,
// # comments): --entrypoint and --args of services (type "command").
type Command struct{ words []string }

func (c *Command) String() string { return strings.Join(c.words, " ") }

// Type is the name shown in help.
func (c *Command) Type() string { return "command" }

// Set splits v.
func (c *Command) Set(v string) error {
	words, err := shlex.Split(v)
	if err != nil {
		return err
	}
	c.words = words
	return nil
}

// Words are the command's words (nil when empty).
func (c *Command) Words() []string { return c.words }

// CredentialSpec is a service's --credential-spec:
// config://NAME, file://PATH or registry://KEY.
type CredentialSpec struct{ Kind, Value string }

func (c *CredentialSpec) String() string {
	if c.Kind == "" {
		return ""
	}
	return c.Kind + "://" + c.Value
}

// Type is the name shown in help.
func (c *CredentialSpec) Type() string { return "credential-spec" }

// Set checks the prefix.
func (c *CredentialSpec) Set(v string) error {
	kind, value, ok := strings.Cut(v, "://")
	switch {
	case ok && (kind == "config" || kind == "file" || kind == "registry"):
		c.Kind, c.Value = kind, value
		return nil
	}
	return fmt.Errorf(`invalid credential spec: value must be prefixed with "config://", "file://", or "registry://"`)
}
