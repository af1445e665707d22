package stack

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"

	"github.com/compose-spec/compose-go/v2/types"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

// filter selects the stack's objects by their namespace label.
func (ns namespace) filter() engine.Filters {
	return engine.Filters{"label": {namespaceLabel + "=" + string(ns): true}}
}

// networks creates the networks the services use that the stack does not
// have yet; an external network must exist, swarm-scoped.
func (d *deployer) networks(ctx context.Context) error {
	used := map[string]bool{}
	for _, s := range d.model.Services {
		if len(s.Networks) == 0 {
			used["default"] = true
		}
		for n := range s.Networks {
			used[n] = true
		}
	}
	keys := slices.Sorted(maps.Keys(used))
	for _, key := range keys {
		if decl := d.model.Networks[key]; bool(decl.External) {
			if err := d.checkExternal(ctx, d.ns.name(key, decl.Name)); err != nil {
				return err
			}
		}
	}
	existing, err := d.client.NetworkList(ctx, d.ns.filter())
	if err != nil {
		return err
	}
	for _, key := range keys {
		decl := d.model.Networks[key]
		name := d.ns.name(key, decl.Name)
		if bool(decl.External) || slices.ContainsFunc(existing, func(n engine.Network) bool { return n.Name == name }) {
			continue
		}
		req := engine.NetworkCreateRequest{
			Driver: cmpOr(decl.Driver, "overlay"), Internal: decl.Internal, Attachable: decl.Attachable,
			Labels: d.ns.labels(decl.Labels), Name: name, CheckDuplicate: true,
		}
		if len(decl.DriverOpts) > 0 {
			req.Options = decl.DriverOpts
		}
		if ipam := decl.Ipam; ipam.Driver != "" || len(ipam.Config) > 0 {
			req.IPAM = &engine.NetworkIPAM{Driver: ipam.Driver}
			for _, p := range ipam.Config {
				req.IPAM.Config = append(req.IPAM.Config, engine.NetworkIPAMConfig{Subnet: p.Subnet})
			}
		}
		fmt.Fprintf(d.c.Out, "Creating network %s\n", name)
		if _, err := d.client.NetworkCreate(ctx, req); err != nil {
			return fmt.Errorf("failed to create network %s: %w", name, err)
		}
	}
	return nil
}

func (d *deployer) checkExternal(ctx context.Context, name string) error {
	raw, err := d.client.NetworkInspect(ctx, name, false)
	if engine.IsNotFound(err) {
		return fmt.Errorf("network %q is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed", name)
	} else if err != nil {
		return err
	}
	var n struct{ Scope string }
	if err := json.Unmarshal(raw, &n); err == nil && n.Scope != "swarm" {
		return fmt.Errorf("network %q is declared as external, but it is not in the right scope: %q instead of \"swarm\"", name, n.Scope)
	}
	return nil
}

// secretsAndConfigs creates the stack's secrets and configs (updating
// those that exist) and returns the IDs of those the services use.
func (d *deployer) secretsAndConfigs(ctx context.Context) (objectRefs, error) {
	refs := objectRefs{model: d.model}
	for _, key := range slices.Sorted(maps.Keys(d.model.Secrets)) {
		if err := d.secret(ctx, key, types.FileObjectConfig(d.model.Secrets[key])); err != nil {
			return refs, err
		}
	}
	for _, key := range slices.Sorted(maps.Keys(d.model.Configs)) {
		if err := d.config(ctx, key, types.FileObjectConfig(d.model.Configs[key])); err != nil {
			return refs, err
		}
	}
	var secretNames, configNames []string
	for _, name := range slices.Sorted(maps.Keys(d.model.Services)) {
		s := d.model.Services[name]
		for _, r := range s.Secrets {
			if decl, ok := d.model.Secrets[r.Source]; ok {
				secretNames = append(secretNames, d.ns.name(r.Source, decl.Name))
			}
		}
		for _, r := range s.Configs {
			if decl, ok := d.model.Configs[r.Source]; ok {
				configNames = append(configNames, d.ns.name(r.Source, decl.Name))
			}
		}
	}
	var err error
	if refs.secrets, err = service.SecretIDs(ctx, d.client, secretNames); err != nil {
		return refs, err
	}
	refs.configs, err = service.ConfigIDs(ctx, d.client, configNames)
	return refs, err
}

// objectData is the content of a secret or config: its file's.
func objectData(decl types.FileObjectConfig) ([]byte, error) {
	if decl.File != "" {
		return os.ReadFile(decl.File)
	}
	return []byte(decl.Content), nil
}

func (d *deployer) secret(ctx context.Context, key string, decl types.FileObjectConfig) error {
	name := d.ns.name(key, decl.Name)
	data, err := objectData(decl)
	if bool(decl.External) || err != nil {
		return err
	}
	spec := engine.SecretSpec{Annotations: engine.Annotations{Name: name, Labels: d.ns.labels(decl.Labels)}, Data: data}
	if decl.Driver != "" {
		spec.Driver = &engine.SwarmDriver{Name: decl.Driver, Options: decl.DriverOpts}
	}
	if decl.TemplateDriver != "" {
		spec.Templating = &engine.SwarmDriver{Name: decl.TemplateDriver}
	}
	return upsert(ctx, d, "secret", engine.Secrets, name, spec)
}

func (d *deployer) config(ctx context.Context, key string, decl types.FileObjectConfig) error {
	name := d.ns.name(key, decl.Name)
	data, err := objectData(decl)
	if bool(decl.External) || err != nil {
		return err
	}
	spec := engine.ConfigSpec{Annotations: engine.Annotations{Name: name, Labels: d.ns.labels(decl.Labels)}, Data: data}
	if decl.TemplateDriver != "" {
		spec.Templating = &engine.SwarmDriver{Name: decl.TemplateDriver}
	}
	return upsert(ctx, d, "config", engine.Configs, name, spec)
}

// upsert creates a secret or config that does not exist yet, and updates
// one that does (its data cannot change: the daemon says so).
func upsert[S engine.DataSpec](ctx context.Context, d *deployer, kind string, objs engine.DataObjects[S], name string, spec S) error {
	cur, _, err := objs.Inspect(d.client, ctx, name)
	switch {
	case err == nil:
		if err := objs.Update(d.client, ctx, cur.ID, cur.Version.Index, spec); err != nil {
			return fmt.Errorf("failed to update %s %s: %w", kind, name, err)
		}
	case engine.IsNotFound(err):
		fmt.Fprintf(d.c.Out, "Creating %s %s\n", kind, name)
		if _, err := objs.Create(d.client, ctx, spec); err != nil {
			return fmt.Errorf("failed to create %s %s: %w", kind, name, err)
		}
	default:
		return err
	}
	return nil
}
