package swarm

import (
	"context"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
)

type caOptions struct {
	specOptions
	caCert, caKey pemFile
	rotate        bool
	detach        bool
	quiet         bool
}

func newCACommand(c *cli.CLI) *cobra.Command {
	var o caOptions
	cmd := cli.Command("ca [OPTIONS]", "Display and rotate the root CA", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runCA(cmd.Context(), c, cmd.Flags(), o) })
	f := cmd.Flags()
	f.Var(&o.caCert, "ca-cert", "Path to the PEM-formatted root CA certificate to use for the new cluster")
	f.Var(&o.caKey, "ca-key", "Path to the PEM-formatted root CA key to use for the new cluster")
	o.addCAFlags(f)
	f.BoolVar(&o.rotate, "rotate", false, "Rotate the swarm CA - if no certificate or key are provided, new ones will be generated")
	f.BoolVarP(&o.detach, "detach", "d", false, "Exit immediately instead of waiting for the root rotation to converge")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Suppress progress output")
	return cli.MinAPICommand(cmd, "1.30")
}

func runCA(ctx context.Context, c *cli.CLI, f *pflag.FlagSet, o caOptions) error {
	client, sw, err := inspectSwarm(ctx, c)
	if err != nil {
		return err
	}
	if !o.rotate {
		for _, name := range []string{"ca-cert", "ca-key", "cert-expiry", "external-ca"} {
			if f.Changed(name) {
				return fmt.Errorf("`--%s` flag requires the `--rotate` flag to update the CA", name)
			}
		}
		printTrustRoot(c, sw.TLSInfo.TrustRoot)
		return nil
	}
	if o.caCert.data != "" && o.caKey.data == "" && !f.Changed("external-ca") {
		return errors.New("the --ca-cert flag requires that a --ca-key flag and/or --external-ca flag be provided as well")
	}
	if f.Changed("external-ca") && o.caCert.data == "" {
		return errors.New("rotating to an external CA requires the `--ca-cert` flag to specify the external CA's cert - " +
			"to add an external CA with the current root CA certificate, use the `update` command instead")
	}
	spec := &sw.Spec
	o.merge(f, spec, o.caCert.data)
	spec.CAConfig.SigningCACert = o.caCert.data
	spec.CAConfig.SigningCAKey = o.caKey.data
	if o.caCert.data == "" && o.caKey.data == "" {
		spec.CAConfig.ForceRotate++
	}
	if err := client.SwarmUpdate(ctx, sw.Version.Index, *spec, noRotation); err != nil {
		return err
	}
	if o.detach {
		return nil
	}
	root, err := waitForRootRotation(ctx, c, client, o.quiet)
	if err != nil || o.quiet {
		return err
	}
	printTrustRoot(c, root)
	return nil
}

func printTrustRoot(c *cli.CLI, root string) {
	fmt.Fprintln(c.Out, strings.TrimRight(root, "\n"))
}

// pemFile is a flag naming a PEM file; its value is the file's content.
type pemFile struct{ path, data string }

func (p *pemFile) String() string { return p.path }
func (p *pemFile) Type() string   { return "pem-file" }

func (p *pemFile) Set(v string) error {
	b, err := os.ReadFile(v)
	if err != nil {
		return err
	}
	if block, _ := pem.Decode(b); block == nil {
		return errors.New("file contents must be in PEM format")
	}
	p.path, p.data = v, string(b)
	return nil
}
