package credentials

import (
	"encoding/base64"
	"encoding/json"
)

// EncodeAuth is the X-Registry-Auth header value: the AuthConfig's JSON
// (empty fields omitted) in URL-safe base64 with padding. No credentials
// give "e30=" ("{}").
func EncodeAuth(auth AuthConfig) string {
	b, err := json.Marshal(auth)
	if err != nil {
		// Unreachable: AuthConfig is all strings.
		return "e30="
	}
	return base64.URLEncoding.EncodeToString(b)
}
