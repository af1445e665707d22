package service

import (
	"context"
	"fmt"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

// resolved are the objects the options name, looked up before the spec is
// written: networks (as attachments to their IDs), secrets and configs.
type resolved struct {
	networks, networksRm []engine.NetworkAttachmentConfig
	networkNames         []string // of networks, as typed
	secrets              []*engine.SecretReference
	configs              []*engine.ConfigReference
	credSpecConfig       string // the ID of a config://NAME credential spec
}

// resolve looks up what the options name, in the reference's order:
// networks, then secrets, then configs (one query each).
func (o *serviceOptions) resolve(ctx context.Context, client *engine.Client) (resolved, error) {
	var r resolved
	var err error
	for _, name := range o.networksRm.Values() {
		n, err := client.SwarmNetwork(ctx, name)
		if err != nil {
			return r, err
		}
		r.networksRm = append(r.networksRm, engine.NetworkAttachmentConfig{Target: n.ID})
	}
	for _, a := range o.networks.Values() {
		n, err := client.SwarmNetwork(ctx, a.Target)
		if err != nil {
			return r, err
		}
		r.networks = append(r.networks, engine.NetworkAttachmentConfig{Target: n.ID, Aliases: a.Aliases, DriverOpts: a.DriverOpts})
		r.networkNames = append(r.networkNames, a.Target)
	}
	secretIDs, err := lookupNames("secret", refNames(o.secrets.Values()), func(f engine.Filters) (map[string]string, error) {
		list, err := client.SecretList(ctx, f)
		ids := map[string]string{}
		for _, s := range list {
			ids[s.Spec.Name] = s.ID
		}
		return ids, err
	})
	if err != nil {
		return r, err
	}
	for _, ref := range o.secrets.Values() {
		r.secrets = append(r.secrets, &engine.SecretReference{File: &ref.File, SecretID: secretIDs[ref.Source], SecretName: ref.Source})
	}
	names := refNames(o.configs.Values())
	if o.credSpec.Kind == "config" {
		names = append(names, o.credSpec.Value)
	}
	configIDs, err := lookupNames("config", names, func(f engine.Filters) (map[string]string, error) {
		list, err := client.ConfigList(ctx, f)
		ids := map[string]string{}
		for _, c := range list {
			ids[c.Spec.Name] = c.ID
		}
		return ids, err
	})
	if err != nil {
		return r, err
	}
	for _, ref := range o.configs.Values() {
		r.configs = append(r.configs, &engine.ConfigReference{File: &ref.File, ConfigID: configIDs[ref.Source], ConfigName: ref.Source})
	}
	if o.credSpec.Kind == "config" {
		id := configIDs[o.credSpec.Value]
		r.credSpecConfig = id
		r.configs = append(r.configs, &engine.ConfigReference{Runtime: &engine.RuntimeTarget{}, ConfigID: id, ConfigName: o.credSpec.Value})
	}
	return r, nil
}

func refNames(refs []opts.FileRef) []string {
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.Source
	}
	return names
}

// lookupNames asks for the objects of kind with these names and returns
// their IDs by name; a name that matches none is an error.
func lookupNames(kind string, names []string, list func(engine.Filters) (map[string]string, error)) (map[string]string, error) {
	if len(names) == 0 {
		return nil, nil
	}
	f := engine.Filters{}
	for _, n := range names {
		f.Add("name", n)
	}
	ids, err := list(f)
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if _, ok := ids[n]; !ok {
			return nil, fmt.Errorf("%s not found: %s", kind, n)
		}
	}
	return ids, nil
}
