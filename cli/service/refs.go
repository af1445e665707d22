package service

import (
	"context"

	"github.com/dockerclone/docker/cli/engine"
)

// SecretIDs maps the secrets of these names to their IDs, in one query
// (none when there are no names); a name that matches none is missing.
func SecretIDs(ctx context.Context, client *engine.Client, names []string) (map[string]string, error) {
	return namedIDs(ctx, client, names, engine.Secrets.List, func(s engine.Secret) (string, string) { return s.Spec.Name, s.ID })
}

// ConfigIDs is SecretIDs for configs.
func ConfigIDs(ctx context.Context, client *engine.Client, names []string) (map[string]string, error) {
	return namedIDs(ctx, client, names, engine.Configs.List, func(c engine.SwarmConfig) (string, string) { return c.Spec.Name, c.ID })
}

func namedIDs[T any](ctx context.Context, client *engine.Client, names []string,
	list func(*engine.Client, context.Context, engine.Filters) ([]T, error), nameID func(T) (string, string)) (map[string]string, error) {
	if len(names) == 0 {
		return nil, nil
	}
	f := engine.Filters{}
	for _, n := range names {
		f.Add("name", n)
	}
	objs, err := list(client, ctx, f)
	ids := map[string]string{}
	for _, o := range objs {
		name, id := nameID(o)
		ids[name] = id
	}
	return ids, err
}
