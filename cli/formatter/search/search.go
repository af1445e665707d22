// Package formatter holds the row of `docker search`; named formatter, with
// the row type searchContext, because template errors name it.
package formatter

import (
	"strconv"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

// DefaultFormat is the table of `docker search`.
const DefaultFormat = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}"

// Header titles the columns.
var Header = format.Header{
	"Name":        "NAME",
	"Description": "DESCRIPTION",
	"StarCount":   "STARS",
	"IsOfficial":  "OFFICIAL",
	"IsAutomated": "AUTOMATED",
}

// Row is the template value for one result.
func Row(r *engine.SearchResult, trunc bool) any { return &searchContext{r: r, trunc: trunc} }

type searchContext struct {
	r     *engine.SearchResult
	trunc bool
}

func (c *searchContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(c) }
func (c *searchContext) Name() string                 { return c.r.Name }
func (c *searchContext) StarCount() string            { return strconv.Itoa(c.r.StarCount) }
func (c *searchContext) IsOfficial() string           { return ok(c.r.IsOfficial) }
func (c *searchContext) IsAutomated() string          { return ok(c.r.IsAutomated) }

// Description is on one line, cut to 45 cells unless --no-trunc.
func (c *searchContext) Description() string {
	d := strings.ReplaceAll(c.r.Description, "\n", " ")
	d = strings.ReplaceAll(d, "\r", " ")
	if c.trunc {
		d = format.Ellipsis(d, 45)
	}
	return d
}

func ok(b bool) string {
	if b {
		return "[OK]"
	}
	return ""
}
