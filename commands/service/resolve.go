package service

import (
	"context"
	"fmt"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
	"github.com/dockerclone/docker/cli/service"
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
	secretIDs, err := lookup(ctx, client, "secret", refNames(o.secrets.Values()), service.SecretIDs)
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
	configIDs, err := lookup(ctx, client, "config", names, service.ConfigIDs)
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

// lookup finds the IDs of the objects of kind with these names; a name
// that matches none is an error.
func lookup(ctx context.Context, client *engine.Client, kind string, names []string,
	ids func(context.Context, *engine.Client, []string) (map[string]string, error)) (map[string]string, error) {
	found, err := ids(ctx, client, names)
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if _, ok := found[n]; !ok {
			return nil, fmt.Errorf("%s not found: %s", kind, n)
		}
	}
	return found, nil
}
