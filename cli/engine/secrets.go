package engine

import "context"

// Secret is a swarm secret (GET /secrets); its data is never returned.
type Secret struct {
	ID string
	ObjectMeta
	Spec SecretSpec
}

// SecretSpec is a secret's name, labels, data and drivers.
type SecretSpec struct {
	Annotations
	Data       []byte       `json:",omitempty"`
	Driver     *SwarmDriver `json:",omitempty"`
	Templating *SwarmDriver `json:",omitempty"`
}

// SecretList calls GET /secrets.
func (c *Client) SecretList(ctx context.Context, f Filters) ([]Secret, error) {
	return list[Secret](ctx, c, "/secrets", f)
}

// SecretCreate calls POST /secrets/create and returns the new ID.
func (c *Client) SecretCreate(ctx context.Context, spec SecretSpec) (string, error) {
	return c.create(ctx, "/secrets/create", spec)
}

// SecretInspect calls GET /secrets/{id} and returns the secret and its JSON.
func (c *Client) SecretInspect(ctx context.Context, id string) (Secret, []byte, error) {
	var s Secret
	raw, err := c.rawAndTyped(ctx, "/secrets/"+id, nil, &s)
	return s, raw, err
}

// SecretRemove calls DELETE /secrets/{id}.
func (c *Client) SecretRemove(ctx context.Context, id string) error {
	return c.remove(ctx, "/secrets/"+id)
}

// SecretUpdate calls POST /secrets/{id}/update with the spec read at
// version (the daemon accepts label changes only).
func (c *Client) SecretUpdate(ctx context.Context, id string, version uint64, spec SecretSpec) error {
	return c.update(ctx, "/secrets/"+id+"/update", version, spec)
}
