package engine

import (
	"context"
	"net/http"
)

// AuthRequest is the body of POST /auth.
type AuthRequest struct {
	Username      string `json:"username,omitempty"`
	Password      string `json:"password,omitempty"`
	ServerAddress string `json:"serveraddress,omitempty"`
	IdentityToken string `json:"identitytoken,omitempty"`
}

// AuthResponse is the daemon's reply to a login.
type AuthResponse struct {
	Status        string
	IdentityToken string
}

// RegistryLogin checks credentials against a registry through the daemon.
func (c *Client) RegistryLogin(ctx context.Context, a AuthRequest) (AuthResponse, error) {
	var out AuthResponse
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/auth", json: a}, &out)
	return out, err
}
