package context

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

// endpointHelp is the part of create/update help describing --docker keys.
const endpointHelp = `Docker endpoint config:

NAME                DESCRIPTION
from                Copy named context's Docker endpoint configuration
host                Docker endpoint on which to connect
ca                  Trust certs signed only by this CA
cert                Path to TLS certificate file
key                 Path to TLS key file
skip-tls-verify     Skip TLS certificate validation
`

// endpointOptions are what create and update share: the context's name,
// --description and --docker.
type endpointOptions struct {
	name        string
	description string
	docker      map[string]string
}

// newEndpointCommand is create or update (verb), with the help text that
// describes --docker; run is called once the name is known.
func newEndpointCommand(verb, short string, o *endpointOptions, run func() error) *cobra.Command {
	cmd := cli.Command(verb+" [OPTIONS] CONTEXT", short, cli.ExactArgs(1), func(_ *cobra.Command, args []string) error {
		o.name = args[0]
		return run()
	})
	cmd.Long = short + "\n\n" + endpointHelp + "\nExample:\n\n" +
		`$ docker context ` + verb + ` my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"`
	fs := cmd.Flags()
	fs.StringVar(&o.description, "description", "", "Description of the context")
	fs.StringToStringVar(&o.docker, "docker", nil, "set the docker endpoint")
	return cmd
}

var endpointKeys = map[string]bool{"from": true, "host": true, "ca": true, "cert": true, "key": true, "skip-tls-verify": true}

// endpointFromFlag builds a docker endpoint from --docker key=value pairs.
// Errors carry the reference's "unable to create docker endpoint config"
// prefix.
func endpointFromFlag(kv map[string]string) (endpointOf, error) {
	e, err := parseEndpointFlag(kv)
	if err != nil {
		return endpointOf{}, fmt.Errorf("unable to create docker endpoint config: %w", err)
	}
	return e, nil
}

func parseEndpointFlag(kv map[string]string) (endpointOf, error) {
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !endpointKeys[k] {
			return endpointOf{}, fmt.Errorf("unrecognized config key: %s", k)
		}
	}
	ep := &config.DockerEndpoint{}
	if _, ok := kv["from"]; ok {
		// The reference keeps nothing of the named context here (only
		// --from copies it); we follow what it does.
		return endpointOf{meta: config.Context{Docker: ep}}, nil
	}
	ep.Host = kv["host"]
	if v, ok := kv["skip-tls-verify"]; ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return endpointOf{}, fmt.Errorf("skip-tls-verify: parsing %q: invalid syntax", v)
		}
		ep.SkipTLSVerify = b
	}
	var tls config.TLSData
	for _, f := range []struct {
		key string
		dst *[]byte
	}{{"ca", &tls.CA}, {"cert", &tls.Cert}, {"key", &tls.Key}} {
		if p := kv[f.key]; p != "" {
			b, err := os.ReadFile(p)
			if err != nil {
				return endpointOf{}, err
			}
			*f.dst = b
		}
	}
	e := endpointOf{meta: config.Context{Docker: ep}}
	if len(tls.CA)+len(tls.Cert)+len(tls.Key) > 0 {
		e.tls = &tls
	}
	if err := validateEndpoint(e); err != nil {
		return endpointOf{}, err
	}
	return e, nil
}

// validateEndpoint checks what a client would need to use the endpoint.
func validateEndpoint(e endpointOf) error {
	host := e.meta.Docker.Host
	if err := clientOptionsError(host, e.tls, e.meta.Docker.SkipTLSVerify); err != nil {
		return fmt.Errorf("invalid docker endpoint options: %w", err)
	}
	if host == "" {
		return nil
	}
	proto, addr, ok := strings.Cut(host, "://")
	if !ok || proto == "" || addr == "" {
		return fmt.Errorf("unable to apply docker endpoint options: unable to parse docker host `%s`", host)
	}
	return nil
}

func clientOptionsError(host string, tls *config.TLSData, skip bool) error {
	if host != "" {
		if _, err := url.Parse(host); err != nil {
			return err
		}
		if strings.HasPrefix(host, "ssh://") {
			if _, err := cli.ParseSSHURL(host); err != nil {
				return err
			}
		}
	}
	if tls != nil {
		if _, err := cli.BuildTLSConfig(tls.CA, tls.Cert, tls.Key, skip); err != nil {
			return err
		}
	}
	return nil
}

// saveContext writes metadata and docker TLS material; a failure to store
// TLS files removes the half-written context.
func saveContext(store *config.ContextStore, e endpointOf) error {
	if err := store.Save(e.meta); err != nil {
		return err
	}
	if err := store.SaveTLS(e.meta.Name, "docker", e.tls); err != nil {
		return errors.Join(err, store.Remove(e.meta.Name))
	}
	return nil
}
