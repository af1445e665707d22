package service

import (
	"context"

	"github.com/dockerclone/docker/cli/engine"
)

// SecretIDs maps the secrets of these names to their IDs, in one query
// (none when there are no names); a name that matches none is missing.
func SecretIDs(ctx context.Context, client *engine.Client, names []string) (map[string]string, error) {
	return namedIDs(ctx, client, engine.Secrets, names)
}

// ConfigIDs is SecretIDs for configs.
func ConfigIDs(ctx context.Context, client *engine.Client, names []string) (map[string]string, error) {
	return namedIDs(ctx, client, engine.Configs, names)
}

func namedIDs[S engine.DataSpec](ctx context.Context, client *engine.Client, objs engine.DataObjects[S], names []string) (map[string]string, error) {
	if len(names) == 0 {
		return nil, nil
	}
	f := engine.Filters{}
	for _, n := range names {
		f.Add("name", n)
	}
	list, err := objs.List(client, ctx, f)
	ids := map[string]string{}
	for _, o := range list {
		ids[o.Name()] = o.ID
	}
	return ids, err
}
