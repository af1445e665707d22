package opts

import (
	"errors"
	"strconv"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
)

// ParseRestartPolicy reads --restart, name[:max-retries]; an empty count is
// no count. The name is the daemon's to check.
func ParseRestartPolicy(v string) (engine.RestartPolicy, error) {
	name, count, hasColon := strings.Cut(v, ":")
	p := engine.RestartPolicy{Name: name}
	if hasColon && name == "" {
		return p, errors.New("invalid restart policy format: no policy provided before colon")
	}
	if count != "" {
		n, err := strconv.Atoi(count)
		if err != nil {
			return p, errors.New("invalid restart policy format: maximum retry count must be an integer")
		}
		p.MaximumRetryCount = n
	}
	return p, nil
}
