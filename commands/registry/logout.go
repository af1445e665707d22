package registry

import (
	"fmt"
	"strings"

	"github.com/docker/docker-credential-helpers/client"
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
	"github.com/dockerclone/docker/credentials"
)

func newLogoutCommand(c *cli.CLI) *cobra.Command {
	cmd := cli.Command("logout [SERVER]", "Log out from a registry", cli.RequiresMaxArgs(1),
		func(_ *cobra.Command, args []string) error {
			server := ""
			if len(args) == 1 {
				server = args[0]
			}
			runLogout(c.Streams, c.Config(), server)
			return nil
		})
	cmd.Long = "Log out from a registry.\nIf no server is specified, the default is defined by the daemon."
	cmd.Annotations = map[string]string{"category-top": "9"}
	return cmd
}

// logoutTargets are the exact keys logout erases, as the reference does:
// the server as given, its host, and the host behind http:// and https://.
// No server means Docker Hub's key alone. Entries are not normalized, so
// `logout docker.io` leaves Hub's "https://index.docker.io/v1/" in place,
// as the reference does. Duplicates are kept: they are erased twice.
func logoutTargets(server string) (host string, targets []string) {
	if server == "" {
		return credentials.IndexServer, []string{credentials.IndexServer}
	}
	host = credentials.Hostname(server)
	return host, []string{server, host, "http://" + host, "https://" + host}
}

// runLogout never fails: like the reference it reports, and warns only
// when every erase failed.
func runLogout(s cli.Streams, cfg *config.File, server string) {
	if server == "" {
		logoutOAuth(s, cfg) // first, as the reference does
	}
	host, targets := logoutTargets(server)
	fmt.Fprintf(s.Out, "Removing login credentials for %s\n", host)
	errs := map[string]error{}
	var order []string
	for _, t := range targets {
		if err := eraseExact(cfg, t); err != nil {
			if _, seen := errs[t]; !seen {
				order = append(order, t)
			}
			errs[t] = err
		}
	}
	// Errors are keyed by target, so a duplicated target (logout of a bare
	// host) can never make every erase count as failed: the reference's
	// behaviour, kept.
	if len(errs) == len(targets) {
		var b strings.Builder
		b.WriteString("WARNING: could not erase credentials:\n")
		for _, t := range order {
			fmt.Fprintf(&b, "%s: %s\n", t, errs[t])
		}
		fmt.Fprint(s.Err, b.String())
	}
}

// eraseExact removes exactly the key server: from its credential helper
// (which must succeed first) and from config.json, saving the file only
// when an entry went away. credentials.Store.Erase would also remove
// legacy keys that normalize to the same host, which logout must not.
func eraseExact(cfg *config.File, server string) error {
	if name := exactHelperName(cfg, server); name != "" {
		if err := client.Erase(client.NewShellProgramFunc("docker-credential-"+name), server); err != nil {
			return err
		}
	}
	if _, ok := cfg.AuthConfigs[server]; !ok {
		return nil
	}
	// Removed from the file as it is now, so a concurrent login stays.
	return cfg.Update(func(f *config.File) error {
		delete(f.AuthConfigs, server)
		return nil
	})
}

// exactHelperName is the helper logout uses for key: like the reference,
// credHelpers is looked up with the key exactly as erased, so
// "http://host" falls to credsStore (or the file) even when "host" has a
// helper of its own.
func exactHelperName(cfg *config.File, key string) string {
	if h, ok := cfg.CredentialHelpers[key]; ok {
		return h
	}
	return cfg.CredsStore()
}
