// Command testhelper is a docker-credential-<name> program for tests: it
// keeps credentials in the JSON file named by $HX_CRED_STORE and appends
// each action and server to $HX_CRED_STORE.log (never the secret).
// $HX_CRED_FAIL=1 makes every store fail.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/docker/docker-credential-helpers/credentials"
)

type entry struct{ Username, Secret string }

type fileHelper struct{ path string }

func (h fileHelper) load() (map[string]entry, error) {
	m := map[string]entry{}
	b, err := os.ReadFile(h.path)
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	return m, json.Unmarshal(b, &m)
}

func (h fileHelper) save(m map[string]entry) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(h.path, b, 0o600)
}

func (h fileHelper) log(action, server string) {
	f, err := os.OpenFile(h.path+".log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "%s %s\n", action, server)
}

func (h fileHelper) Add(c *credentials.Credentials) error {
	h.log("store", c.ServerURL+" "+c.Username)
	if os.Getenv("HX_CRED_FAIL") == "1" {
		return errors.New("keychain is locked")
	}
	m, err := h.load()
	if err != nil {
		return err
	}
	m[c.ServerURL] = entry{c.Username, c.Secret}
	return h.save(m)
}

func (h fileHelper) Delete(server string) error {
	h.log("erase", server)
	m, err := h.load()
	if err != nil {
		return err
	}
	if _, ok := m[server]; !ok {
		return credentials.NewErrCredentialsNotFound()
	}
	delete(m, server)
	return h.save(m)
}

func (h fileHelper) Get(server string) (string, string, error) {
	h.log("get", server)
	m, err := h.load()
	if err != nil {
		return "", "", err
	}
	e, ok := m[server]
	if !ok {
		return "", "", credentials.NewErrCredentialsNotFound()
	}
	return e.Username, e.Secret, nil
}

func (h fileHelper) List() (map[string]string, error) {
	h.log("list", "")
	m, err := h.load()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, e := range m {
		out[k] = e.Username
	}
	return out, nil
}

func main() {
	credentials.Serve(fileHelper{path: os.Getenv("HX_CRED_STORE")})
}
