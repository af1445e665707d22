package engine

import "context"

// DataObject is a swarm object that carries data: a config or a secret.
type DataObject[S DataSpec] struct {
	ID string
	ObjectMeta
	Spec S
}

// DataSpec is the spec of a config or of a secret. (Its method is
// unexported so that templates never see it.)
type DataSpec interface{ annotations() Annotations }

// Name is the object's name.
func (o *DataObject[S]) Name() string { return o.Spec.annotations().Name }

// Labels are the object's labels.
func (o *DataObject[S]) Labels() map[string]string { return o.Spec.annotations().Labels }

// DataObjects are the endpoints of configs or of secrets, which differ only
// in their path and spec. Their methods take the client first, so that
// Secrets.List is a function of the client like (*Client).NodeList.
type DataObjects[S DataSpec] struct{ path string }

// List calls GET /{configs,secrets}.
func (o DataObjects[S]) List(c *Client, ctx context.Context, f Filters) ([]DataObject[S], error) {
	return list[DataObject[S]](ctx, c, o.path, f)
}

// Create calls POST /{configs,secrets}/create and returns the new ID.
func (o DataObjects[S]) Create(c *Client, ctx context.Context, spec S) (string, error) {
	return c.create(ctx, o.path+"/create", spec)
}

// Inspect calls GET /{configs,secrets}/{id} and returns the object and its
// JSON.
func (o DataObjects[S]) Inspect(c *Client, ctx context.Context, id string) (DataObject[S], []byte, error) {
	var v DataObject[S]
	raw, err := c.rawAndTyped(ctx, o.path+"/"+id, nil, &v)
	return v, raw, err
}

// Remove calls DELETE /{configs,secrets}/{id}.
func (o DataObjects[S]) Remove(c *Client, ctx context.Context, id string) error {
	return c.remove(ctx, o.path+"/"+id)
}

// Update calls POST /{configs,secrets}/{id}/update with the spec read at
// version (the daemon accepts label changes only).
func (o DataObjects[S]) Update(c *Client, ctx context.Context, id string, version uint64, spec S) error {
	return c.update(ctx, o.path+"/"+id+"/update", version, spec)
}
