// Package registry holds the row of `docker search`; named registry, with
// the row type searchContext, because template errors name it.
package registry

import (
	"encoding/json"
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
}

// Row is the template value for one result.
func Row(r *engine.SearchResult, trunc bool) any { return &searchContext{r: r, trunc: trunc} }

type searchContext struct {
	r     *engine.SearchResult
	trunc bool
}

// MarshalJSON is the reference's row in JSON: strings, IsOfficial as
// "true"/"false" where templates see "[OK]".
func (c *searchContext) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"Name": c.Name(), "Description": c.Description(),
		"StarCount": c.StarCount(), "IsOfficial": strconv.FormatBool(c.r.IsOfficial)})
}

func (c *searchContext) Name() string      { return c.r.Name }
func (c *searchContext) StarCount() string { return strconv.Itoa(c.r.StarCount) }

// IsOfficial is "[OK]" for an official image.
func (c *searchContext) IsOfficial() string {
	if c.r.IsOfficial {
		return "[OK]"
	}
	return ""
}

// Description is on one line, cut to 45 cells unless --no-trunc.
func (c *searchContext) Description() string {
	d := strings.ReplaceAll(c.r.Description, "\n", " ")
	d = strings.ReplaceAll(d, "\r", " ")
	if c.trunc {
		d = format.Ellipsis(d, 45)
	}
	return d
}
