// Package formatter holds the row type of `docker context ls`. It is a
// package of its own so that template errors name the type as the
// reference does ("can't evaluate field X in type *formatter.clientContextContext").
package formatter

import "github.com/dockerclone/docker/cli/format"

// MaxErrorWidth is where the ERROR column is cut.
const MaxErrorWidth = 45

// ClientContext is what one line of `context ls` shows.
type ClientContext struct {
	Name           string
	Description    string
	DockerEndpoint string
	Error          string
	Current        bool
}

// clientContextContext exposes a ClientContext to templates through methods.
type clientContextContext struct {
	c ClientContext
}

// Row wraps c for format.Writer; templates see its methods as fields.
func Row(c ClientContext) *clientContextContext { return &clientContextContext{c} }

func (r *clientContextContext) Name() string           { return r.c.Name }
func (r *clientContextContext) Current() bool          { return r.c.Current }
func (r *clientContextContext) Description() string    { return r.c.Description }
func (r *clientContextContext) DockerEndpoint() string { return r.c.DockerEndpoint }

// Error is cut to the table's column width, in every format.
func (r *clientContextContext) Error() string { return format.Ellipsis(r.c.Error, MaxErrorWidth) }

func (r *clientContextContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }
