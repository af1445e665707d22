// Command plugsrv is the whole rootfs of the e2e tests' managed plugin: it
// serves the plugin socket so that the engine can enable the plugin.
package main

import (
	"net"
	"net/http"
	"os"
)

func main() {
	if err := os.MkdirAll("/run/docker/plugins", 0o755); err != nil {
		panic(err)
	}
	l, err := net.Listen("unix", "/run/docker/plugins/e2e.sock")
	if err != nil {
		panic(err)
	}
	panic(http.Serve(l, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.docker.plugins.v1.2+json")
		if r.URL.Path == "/Plugin.Activate" {
			_, _ = w.Write([]byte(`{"Implements":["VolumeDriver"]}`))
			return
		}
		_, _ = w.Write([]byte(`{}`))
	})))
}
