package stack

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/compose"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

type deployOptions struct {
	files                              []string
	detach, prune, quiet, registryAuth bool
	resolveImage                       string
	detachSet                          func() bool
}

func newDeployCommand(c *cli.CLI) *cobra.Command {
	var o deployOptions
	cmd := cli.Command("deploy [OPTIONS] STACK", "Deploy a new stack or update an existing stack", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			return runDeploy(cmd.Context(), c, &o, namespace(args[0]))
		})
	cmd.Aliases = []string{"up"}
	f := cmd.Flags()
	addComposeFlag(f, &o.files)
	f.BoolVarP(&o.detach, "detach", "d", true, "Exit immediately instead of waiting for the stack services to converge")
	f.BoolVar(&o.prune, "prune", false, "Prune services that are no longer referenced")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Suppress progress output")
	f.StringVar(&o.resolveImage, "resolve-image", "always", `Query the registry to resolve image digest and supported platforms ("always", "changed", "never")`)
	f.BoolVar(&o.registryAuth, "with-registry-auth", false, "Send registry authentication details to Swarm agents")
	o.detachSet = func() bool { return f.Changed("detach") }
	return cli.MinAPICommand(cmd, "1.25")
}

// deployer deploys one stack.
type deployer struct {
	c      *cli.CLI
	client *engine.Client
	o      *deployOptions
	ns     namespace
	model  *compose.Model
}

// runDeploy creates (or updates) the stack's networks, secrets, configs
// and services, as the compose files describe them.
func runDeploy(ctx context.Context, c *cli.CLI, o *deployOptions, ns namespace) error {
	if !slices.Contains([]string{"always", "changed", "never"}, o.resolveImage) {
		return fmt.Errorf("Invalid option %s for flag --resolve-image", o.resolveImage)
	}
	cfg, model, err := load(c, o.files, false)
	if err != nil {
		return err
	}
	printIgnored(c, cfg)
	if !o.detachSet() {
		fmt.Fprintln(c.Err, "Since --detach=false was not specified, tasks will be created in the background.\n"+
			"In a future release, --detach=false will become the default.")
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if st, err := client.SwarmState(ctx); err != nil {
		return err
	} else if !st.ControlAvailable {
		return errors.New(`this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again`)
	}
	d := &deployer{c: c, client: client, o: o, ns: ns, model: model}
	if o.prune {
		if err := d.prune(ctx); err != nil {
			return err
		}
	}
	if err := d.networks(ctx); err != nil {
		return err
	}
	refs, err := d.secretsAndConfigs(ctx)
	if err != nil {
		return err
	}
	ids, err := d.services(ctx, refs)
	if err != nil || o.detach {
		return err
	}
	for _, id := range ids {
		if err := service.WaitConverged(ctx, c, client, id, o.quiet); err != nil {
			return err
		}
	}
	return nil
}

// load reads the compose files (-c, "-" for stdin) with the environment.
func load(c *cli.CLI, files []string, skipInterpolation bool) (*compose.Config, *compose.Model, error) {
	cfg, err := compose.Load(compose.Options{Files: files, Stdin: c.In, Env: os.LookupEnv, SkipInterpolation: skipInterpolation})
	if err != nil {
		return nil, nil, err
	}
	model, err := cfg.Decode()
	return cfg, model, err
}

// printIgnored tells which options of the services a deploy ignores.
func printIgnored(c *cli.CLI, cfg *compose.Config) {
	unsupported, deprecated := cfg.Ignored()
	if len(unsupported) > 0 {
		fmt.Fprintf(c.Err, "Ignoring unsupported options: %s\n\n", strings.Join(unsupported, ", "))
	}
	if len(deprecated) > 0 {
		var b strings.Builder
		for _, d := range deprecated {
			fmt.Fprintf(&b, "%s: %s\n\n", d[0], d[1])
		}
		fmt.Fprintf(c.Err, "Ignoring deprecated options:\n\n%s", b.String())
	}
}

// prune removes the stack's services the files no longer describe.
func (d *deployer) prune(ctx context.Context) error {
	existing, err := d.stackServices(ctx)
	if err != nil {
		return err
	}
	for _, s := range existing {
		name, _ := strings.CutPrefix(s.Spec.Name, string(d.ns)+"_")
		if _, ok := d.model.Services[name]; ok {
			continue
		}
		fmt.Fprintf(d.c.Out, "Removing service %s\n", s.Spec.Name)
		if err := d.client.ServiceRemove(ctx, s.ID); err != nil {
			fmt.Fprintf(d.c.Err, "Failed to remove service %s: %s\n", s.ID, err)
		}
	}
	return nil
}

// stackServices lists the stack's services, by name.
func (d *deployer) stackServices(ctx context.Context) ([]engine.Service, error) {
	list, err := d.client.ServiceList(ctx, engine.ServiceListOptions{Filters: d.ns.filter()})
	slices.SortFunc(list, func(a, b engine.Service) int { return strings.Compare(a.Spec.Name, b.Spec.Name) })
	return list, err
}

// services creates the services missing from the stack and updates the
// others; it returns their IDs.
func (d *deployer) services(ctx context.Context, refs objectRefs) ([]string, error) {
	existing, err := d.stackServices(ctx)
	if err != nil {
		return nil, err
	}
	byName := map[string]engine.Service{}
	for _, s := range existing {
		byName[s.Spec.Name] = s
	}
	var ids []string
	for _, name := range slices.Sorted(maps.Keys(d.model.Services)) {
		svc := d.model.Services[name]
		spec, err := serviceSpec(d.ns, &svc, refs)
		if err != nil {
			return nil, err
		}
		auth := ""
		if d.o.registryAuth {
			auth = service.RegistryAuth(d.c, svc.Image)
		}
		cur, exists := byName[spec.Name]
		warning := d.pinImage(ctx, &spec, svc.Image, auth, cur, exists)
		if !exists {
			fmt.Fprintf(d.c.Out, "Creating service %s\n", spec.Name)
			resp, err := d.client.ServiceCreate(ctx, spec, auth)
			if err != nil {
				return nil, fmt.Errorf("failed to create service %s: %w", spec.Name, err)
			}
			ids = append(ids, resp.ID)
			continue
		}
		fmt.Fprintf(d.c.Out, "Updating service %s (id: %s)\n", spec.Name, cur.ID)
		spec.TaskTemplate.ForceUpdate = cur.Spec.TaskTemplate.ForceUpdate
		warnings, err := d.client.ServiceUpdate(ctx, cur.ID, cur.Version.Index, spec, engine.ServiceUpdateOptions{Auth: auth, NoAuthFrom: true})
		if err != nil {
			return nil, fmt.Errorf("failed to update service %s: %w", spec.Name, err)
		}
		if warning != "" {
			warnings = append([]string{warning}, warnings...)
		}
		service.PrintWarnings(d.c, warnings)
		ids = append(ids, cur.ID)
	}
	return ids, nil
}

// pinImage resolves the image on the registry as --resolve-image says:
// always, only when it changed since the last deploy (keeping the pinned
// image otherwise), or never.
func (d *deployer) pinImage(ctx context.Context, spec *engine.ServiceSpec, image, auth string, cur engine.Service, exists bool) string {
	if exists && d.o.resolveImage == "changed" && cur.Spec.Labels[imageLabel] == image {
		if cs := cur.Spec.TaskTemplate.ContainerSpec; cs != nil {
			spec.TaskTemplate.ContainerSpec.Image = cs.Image
		}
		return ""
	}
	if d.o.resolveImage == "never" {
		return ""
	}
	img, warning := service.ResolveImage(ctx, d.client, image, auth)
	spec.TaskTemplate.ContainerSpec.Image = img.Name
	if img.Platforms != nil {
		spec.TaskTemplate.Placement.Platforms = img.Platforms
	}
	return warning
}
