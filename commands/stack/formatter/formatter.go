// Package formatter holds the row type of `docker stack ls`. It is a
// package of its own so that template errors name the type as the
// reference does ("can't evaluate field X in type *formatter.stackContext").
package formatter

import (
	"strconv"

	"github.com/dockerclone/docker/cli/format"
)

// Table is the default layout of stack ls.
const Table = "table {{.Name}}\t{{.Services}}"

// Header titles the columns.
var Header = format.Header{"Name": "NAME", "Services": "SERVICES"}

// Stack is one line of stack ls: a stack and how many services it has.
type Stack struct {
	Name     string
	Services int
}

type stackContext struct{ s *Stack }

// Row wraps s for format.Writer; templates see its methods as fields.
func Row(s *Stack) any { return &stackContext{s} }

func (r *stackContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

func (r *stackContext) Name() string     { return r.s.Name }
func (r *stackContext) Services() string { return strconv.Itoa(r.s.Services) }
