package service

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

// The daemon's defaults, filled in when one flag of a policy is given.
const (
	defaultRestartDelay = 5 * time.Second
	defaultMonitor      = 5 * time.Second
)

// The helpers below apply an option's values (the --X of create, the
// --X-add of update) and its --X-rm values to one list of a spec.

// updateMap removes the keys of rm, then sets the key=value pairs of add.
func updateMap(m map[string]string, add, rm []string) {
	for _, k := range rm {
		delete(m, k)
	}
	for k, v := range opts.KeyValueMap(add) {
		m[k] = v
	}
}

func envKey(kv string) string {
	k, _, _ := strings.Cut(kv, "=")
	return k
}

// updateEnv drops the variables named in rm and sets those of add: in
// place when the variable is there, at the end otherwise.
func updateEnv(env, add, rm []string) []string {
	env = slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return slices.Contains(rm, envKey(kv)) })
	for _, kv := range add {
		if i := slices.IndexFunc(env, func(e string) bool { return envKey(e) == envKey(kv) }); i >= 0 {
			env[i] = kv
		} else {
			env = append(env, kv)
		}
	}
	return env
}

// updateList removes rm's values and appends add's that are missing,
// sorted when asked (the reference sorts constraints and DNS settings on
// update).
func updateList(list, add, rm []string, sorted bool) []string {
	list = slices.DeleteFunc(slices.Clone(list), func(v string) bool { return slices.Contains(rm, v) })
	for _, v := range add {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	if sorted {
		slices.Sort(list)
	}
	return list
}

// updateHosts keeps /etc/hosts lines ("IP host"); add and rm are
// host:ip (rm may name the host only).
func updateHosts(hosts, add, rm []string) []string {
	hosts = slices.DeleteFunc(slices.Clone(hosts), func(line string) bool {
		ip, names, _ := strings.Cut(line, " ")
		for _, r := range rm {
			host, rip, hasIP := strings.Cut(r, ":")
			if slices.Contains(strings.Fields(names), host) && (!hasIP || rip == ip) {
				return true
			}
		}
		return false
	})
	for _, h := range add {
		host, ip, _ := strings.Cut(h, ":")
		if line := ip + " " + host; !slices.Contains(hosts, line) {
			hosts = append(hosts, line)
		}
	}
	return hosts
}

// updateMounts removes the mounts at rm's targets and adds (or replaces)
// add's; an update sorts them by target.
func updateMounts(mounts, add []engine.Mount, rm []string, sorted bool) []engine.Mount {
	if len(add)+len(rm) == 0 {
		return mounts
	}
	mounts = slices.DeleteFunc(slices.Clone(mounts), func(m engine.Mount) bool {
		return slices.Contains(rm, m.Target) || slices.ContainsFunc(add, func(a engine.Mount) bool { return a.Target == m.Target })
	})
	mounts = append(mounts, add...)
	if sorted {
		slices.SortStableFunc(mounts, func(a, b engine.Mount) int { return strings.Compare(a.Target, b.Target) })
	}
	return mounts
}

// updateUlimits removes rm's names and sets add's limits, sorted by name.
func updateUlimits(limits, add []*engine.Ulimit, rm []string) []*engine.Ulimit {
	if len(add)+len(rm) == 0 {
		return limits
	}
	limits = slices.DeleteFunc(slices.Clone(limits), func(u *engine.Ulimit) bool {
		return slices.Contains(rm, u.Name) || slices.ContainsFunc(add, func(a *engine.Ulimit) bool { return a.Name == u.Name })
	})
	limits = append(limits, add...)
	slices.SortStableFunc(limits, func(a, b *engine.Ulimit) int { return strings.Compare(a.Name, b.Name) })
	return limits
}

// updateCapabilities adds and drops capabilities: adding one that was
// dropped (or dropping one that was added) only undoes that; "ALL" stands
// alone.
func updateCapabilities(added, dropped, add, drop []string) ([]string, []string) {
	if len(add)+len(drop) == 0 {
		return added, dropped
	}
	added, dropped = slices.Clone(added), slices.Clone(dropped)
	move := func(caps []string, to, from *[]string) {
		for _, c := range caps {
			c = opts.NormalizeCapability(c)
			if i := slices.Index(*from, c); i >= 0 {
				*from = slices.Delete(*from, i, i+1)
			} else if !slices.Contains(*to, c) {
				*to = append(*to, c)
			}
		}
	}
	move(add, &added, &dropped)
	move(drop, &dropped, &added)
	for _, list := range []*[]string{&added, &dropped} {
		if slices.Contains(*list, "ALL") {
			*list = []string{"ALL"}
		}
		slices.Sort(*list)
		if len(*list) == 0 {
			*list = nil
		}
	}
	return added, dropped
}

// updateRefs removes the references to the objects named in rm, then adds
// add's, replacing those with the same target file.
func updateRefs[R any](refs, add []*R, rm []string, name func(*R) string, target func(*R) string) []*R {
	if len(add)+len(rm) == 0 {
		return refs
	}
	refs = slices.DeleteFunc(slices.Clone(refs), func(r *R) bool {
		return slices.Contains(rm, name(r)) || slices.ContainsFunc(add, func(a *R) bool { return target(a) != "" && target(a) == target(r) })
	})
	return append(refs, add...)
}

func updateSecrets(refs, add []*engine.SecretReference, rm []string) []*engine.SecretReference {
	return updateRefs(refs, add, rm, func(r *engine.SecretReference) string { return r.SecretName },
		func(r *engine.SecretReference) string { return fileName(r.File) })
}

func updateConfigs(refs, add []*engine.ConfigReference, rm []string) []*engine.ConfigReference {
	return updateRefs(refs, add, rm, func(r *engine.ConfigReference) string { return r.ConfigName },
		func(r *engine.ConfigReference) string { return fileName(r.File) })
}

func fileName(f *engine.FileTarget) string {
	if f == nil {
		return ""
	}
	return f.Name
}

// updateGeneric removes the resources of rm's kinds and adds add's.
func updateGeneric(res, add []engine.GenericResource, rm []string) []engine.GenericResource {
	kind := func(g engine.GenericResource) string {
		if d := g.DiscreteResourceSpec; d != nil {
			return d.Kind
		}
		if n := g.NamedResourceSpec; n != nil {
			return n.Kind
		}
		return ""
	}
	res = slices.DeleteFunc(slices.Clone(res), func(g engine.GenericResource) bool {
		return slices.Contains(rm, kind(g)) || slices.ContainsFunc(add, func(a engine.GenericResource) bool { return kind(a) == kind(g) })
	})
	return append(res, add...)
}

// updatePrefs removes rm's placement preferences and appends add's.
func updatePrefs(prefs, add, rm []engine.PlacementPreference) []engine.PlacementPreference {
	spread := func(p engine.PlacementPreference) string {
		if p.Spread == nil {
			return ""
		}
		return p.Spread.SpreadDescriptor
	}
	prefs = slices.DeleteFunc(slices.Clone(prefs), func(p engine.PlacementPreference) bool {
		return slices.ContainsFunc(rm, func(r engine.PlacementPreference) bool { return spread(r) == spread(p) })
	})
	return append(prefs, add...)
}

// updateNetworks detaches rm's networks and attaches add's; attaching one
// twice is an error naming the network as typed.
func updateNetworks(nets []engine.NetworkAttachmentConfig, r resolved) ([]engine.NetworkAttachmentConfig, error) {
	nets = slices.DeleteFunc(slices.Clone(nets), func(n engine.NetworkAttachmentConfig) bool {
		return slices.ContainsFunc(r.networksRm, func(rm engine.NetworkAttachmentConfig) bool { return rm.Target == n.Target })
	})
	for i, a := range r.networks {
		if slices.ContainsFunc(nets, func(n engine.NetworkAttachmentConfig) bool { return n.Target == a.Target }) {
			return nil, fmt.Errorf("service is already attached to network %s", r.networkNames[i])
		}
		nets = append(nets, a)
	}
	return nets, nil
}

// updatePorts removes the ports published for rm's targets and publishes
// add's (replacing a port published on the same node port); an update
// sorts them by published port.
func updatePorts(ports, add, rm []engine.PortConfig, sorted bool) []engine.PortConfig {
	ports = slices.DeleteFunc(slices.Clone(ports), func(p engine.PortConfig) bool {
		return slices.ContainsFunc(rm, func(r engine.PortConfig) bool { return r.TargetPort == p.TargetPort && r.Protocol == p.Protocol }) ||
			slices.ContainsFunc(add, func(a engine.PortConfig) bool {
				return a == p || a.PublishedPort != 0 && a.PublishedPort == p.PublishedPort && a.Protocol == p.Protocol
			})
	})
	ports = append(ports, add...)
	if sorted {
		slices.SortStableFunc(ports, func(a, b engine.PortConfig) int {
			return cmp.Or(cmp.Compare(a.PublishedPort, b.PublishedPort), cmp.Compare(a.TargetPort, b.TargetPort))
		})
	}
	return ports
}
