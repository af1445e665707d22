package container

import (
	"strings"

	"github.com/dockerclone/docker/config"
)

// withProxyEnv adds the proxies of config.json (the entry for the daemon's
// host, else "default") to env, each as NAME and name, unless env already
// sets that exact name.
func withProxyEnv(cfg *config.File, host string, env []string) []string {
	if cfg == nil || len(cfg.Proxies) == 0 {
		return env
	}
	p, ok := cfg.Proxies[host]
	if !ok {
		if p, ok = cfg.Proxies["default"]; !ok {
			return env
		}
	}
	set := map[string]bool{}
	for _, e := range env {
		k, _, _ := strings.Cut(e, "=")
		set[k] = true
	}
	for _, kv := range [][2]string{
		{"HTTP_PROXY", p.HTTPProxy}, {"HTTPS_PROXY", p.HTTPSProxy}, {"NO_PROXY", p.NoProxy},
		{"FTP_PROXY", p.FTPProxy}, {"ALL_PROXY", p.AllProxy},
	} {
		if kv[1] == "" {
			continue
		}
		for _, name := range []string{kv[0], strings.ToLower(kv[0])} {
			if !set[name] {
				env = append(env, name+"="+kv[1])
			}
		}
	}
	return env
}
