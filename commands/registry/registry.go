// Package registry holds `docker login` and `docker logout`: they check
// credentials through the engine and keep them in the configured store.
package registry

import (
	"github.com/dockerclone/docker/cli"
)

// Entries are the root commands `docker login` and `docker logout`.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "login", Build: newLoginCommand}, {Name: "logout", Build: newLogoutCommand},
		{Name: "search", Build: newSearchCommand}}
}
