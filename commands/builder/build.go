package builder

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
	"github.com/dockerclone/docker/cli/progress"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
	"github.com/dockerclone/docker/credentials"
)

type buildOptions struct {
	dockerfile          string
	tags, buildArgs     *opts.List
	labels, extraHosts  *opts.List
	cacheFrom, security []string
	ulimits             opts.Ulimits
	memory              opts.MemBytes
	memorySwap          opts.MemSwapBytes
	shmSize             opts.MemBytes
	cpuShares           int64
	cpuPeriod, cpuQuota int64
	cpusetCPUs          string
	cpusetMems          string
	cgroupParent        string
	network, isolation  string
	platform, target    string
	iidfile             string
	quiet, noCache      bool
	pull, rm, forceRm   bool
	squash, compress    bool
	untrusted           bool
}

func newBuildOptions() buildOptions {
	return buildOptions{
		tags:       opts.NewList(validateTag),
		buildArgs:  opts.NewList(opts.ValidateEnv),
		labels:     opts.NewList(opts.ValidateLabel),
		extraHosts: opts.NewList(opts.ValidateExtraHost),
		rm:         true,
		network:    "default",
	}
}

// NewBuildCommand is `docker build` (also image build and builder build).
func NewBuildCommand(c *cli.CLI) *cobra.Command {
	o := newBuildOptions()
	cmd := cli.Command("build [OPTIONS] PATH | URL | -", "Build an image from a Dockerfile", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runBuild(cmd.Context(), c, o, args[0]) },
		"docker image build", "docker build", "docker builder build")
	f := cmd.Flags()
	f.VarP(o.tags, "tag", "t", `Name and optionally a tag in the "name:tag" format`)
	f.Var(o.buildArgs, "build-arg", "Set build-time variables")
	f.Var(&o.ulimits, "ulimit", "Ulimit options")
	f.StringVarP(&o.dockerfile, "file", "f", "", `Name of the Dockerfile (Default is "PATH/Dockerfile")`)
	f.VarP(&o.memory, "memory", "m", "Memory limit")
	f.Var(&o.memorySwap, "memory-swap", "Swap limit equal to memory plus swap: -1 to enable unlimited swap")
	f.Var(&o.shmSize, "shm-size", `Size of "/dev/shm"`)
	f.Int64VarP(&o.cpuShares, "cpu-shares", "c", 0, "CPU shares (relative weight)")
	f.Int64Var(&o.cpuPeriod, "cpu-period", 0, "Limit the CPU CFS (Completely Fair Scheduler) period")
	f.Int64Var(&o.cpuQuota, "cpu-quota", 0, "Limit the CPU CFS (Completely Fair Scheduler) quota")
	f.StringVar(&o.cpusetCPUs, "cpuset-cpus", "", "CPUs in which to allow execution (0-3, 0,1)")
	f.StringVar(&o.cpusetMems, "cpuset-mems", "", "MEMs in which to allow execution (0-3, 0,1)")
	f.StringVar(&o.cgroupParent, "cgroup-parent", "", `Set the parent cgroup for the "RUN" instructions during build`)
	f.StringVar(&o.isolation, "isolation", "", "Container isolation technology")
	f.Var(o.labels, "label", "Set metadata for an image")
	f.BoolVar(&o.noCache, "no-cache", false, "Do not use cache when building the image")
	f.BoolVar(&o.rm, "rm", true, "Remove intermediate containers after a successful build")
	f.BoolVar(&o.forceRm, "force-rm", false, "Always remove intermediate containers")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Suppress the build output and print image ID on success")
	f.BoolVar(&o.pull, "pull", false, "Always attempt to pull a newer version of the image")
	f.StringSliceVar(&o.cacheFrom, "cache-from", nil, "Images to consider as cache sources")
	f.BoolVar(&o.compress, "compress", false, "Compress the build context using gzip")
	f.StringSliceVar(&o.security, "security-opt", nil, "Security options")
	f.StringVar(&o.network, "network", "default", "Set the networking mode for the RUN instructions during build")
	f.Var(o.extraHosts, "add-host", `Add a custom host-to-IP mapping ("host:ip")`)
	f.StringVar(&o.target, "target", "", "Set the target build stage to build.")
	f.StringVar(&o.iidfile, "iidfile", "", "Write the image ID to the file")
	f.BoolVar(&o.untrusted, "disable-content-trust", !trust.Enabled(), "Skip image verification")
	f.StringVar(&o.platform, "platform", os.Getenv("DOCKER_DEFAULT_PLATFORM"), "Set platform if server is multi-platform capable")
	f.BoolVar(&o.squash, "squash", false, "Squash newly built layers into a single new layer")
	cli.MinAPI(f, "1.25", "network")
	cli.MinAPI(f, "1.38", "platform")
	cli.Experimental(f, "squash")
	return cmd
}

// validateTag checks a -t value as a reference; it is sent as typed.
func validateTag(v string) (string, error) {
	_, err := reference.ParseNormalizedNamed(v)
	return v, err
}

// runBuild prepares the context, sends it with the options and shows the
// daemon's output (kept back with -q, and shown on stderr on failure).
func runBuild(ctx context.Context, c *cli.CLI, o buildOptions, src string) error {
	if src == "-" && o.dockerfile == "-" {
		return errors.New("invalid argument: can't use stdin for both build context and dockerfile")
	}
	if o.iidfile != "" {
		if err := os.Remove(o.iidfile); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("Removing image ID file: %w", err)
		}
	}
	// With -q the upload's progress and the daemon's output are kept back:
	// the output (the image ID) goes to stdout on success, both to stderr
	// on failure.
	var out, progressOut io.Writer = c.Out, c.Out
	var kept, keptProgress bytes.Buffer
	if o.quiet {
		out, progressOut = &kept, &keptProgress
	}
	shown := &uploadProgress{out: progressOut, terminal: c.Out.IsTerminal() && !o.quiet}
	bc, err := prepareContext(c, o, src, shown)
	if err != nil {
		fmt.Fprint(c.Err, keptProgress.String())
		return err
	}
	if bc.cleanup != nil {
		defer bc.cleanup()
	}
	if !o.untrusted && !bc.downloaded && !bc.compressed {
		bc.body = trustedContext(ctx, bc.body, c.ConfigDir(), bc.dockerfile)
	}
	body, sending := contextBody(bc, o.compress, shown)
	defer body.Close()

	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	req, err := o.request(c, bc.dockerfile)
	if err != nil {
		return err
	}
	resp, err := client.ImageBuild(ctx, body, req)
	if err != nil {
		body.Close() // the transport may not have got to it
	}
	if sending != nil {
		sending.Wait() // its last line comes before the daemon's output
	}
	imageID := ""
	if err == nil {
		defer resp.Close()
		imageID, err = showBuild(c, resp, out, o.quiet)
	}
	if o.quiet {
		if err != nil {
			fmt.Fprint(c.Err, keptProgress.String()+kept.String())
			return err
		}
		if imageID == "" { // a quiet build's output is the ID alone
			imageID = kept.String()
		}
		fmt.Fprint(c.Out, kept.String())
	}
	if err != nil {
		return err
	}
	if o.iidfile != "" && imageID != "" {
		return os.WriteFile(o.iidfile, []byte(imageID), 0o666)
	}
	return nil
}

// prepareContext gets the context from stdin, a git repository, a URL or
// a directory (with the Dockerfile from -f, possibly on stdin).
func prepareContext(c *cli.CLI, o buildOptions, src string, shown *uploadProgress) (*buildContext, error) {
	switch {
	case src == "-":
		return stdinContext(c.In, o.dockerfile)
	case isGitURL(src):
		return gitContext(src, o.dockerfile, c.LogError)
	case isURL(src):
		return urlContext(src, o.dockerfile, shown)
	}
	var stdinDockerfile []byte
	if o.dockerfile == "-" {
		b, err := io.ReadAll(c.In)
		if err != nil {
			return nil, err
		}
		stdinDockerfile = b
	}
	return dirContext(src, o.dockerfile, stdinDockerfile, c.LogError)
}

// contextBody is the request body: the context, gzipped with --compress,
// counted by "Sending build context" unless it is a download (drawn as
// such already). sending is nil then.
func contextBody(bc *buildContext, compress bool, shown *uploadProgress) (io.ReadCloser, *progressReader) {
	body := bc.body
	if bc.downloaded {
		return body, nil
	}
	if compress {
		tarStream := body
		pr, pw := io.Pipe()
		go func() {
			zw := gzip.NewWriter(pw)
			_, err := io.Copy(zw, tarStream)
			if cerr := zw.Close(); err == nil {
				err = cerr
			}
			tarStream.Close()
			pw.CloseWithError(err)
		}()
		body = pr
	}
	sending := shown.upload(body)
	if up, ok := body.(engine.Upload); ok && !compress {
		return &progressUpload{progressReader: sending, up: up}, sending
	}
	return sending, sending
}

// request maps the options onto POST /build.
func (o buildOptions) request(c *cli.CLI, dockerfile string) (engine.BuildOptions, error) {
	auths, _ := credentials.All(c.Config())
	regConfig, err := json.Marshal(auths)
	if err != nil {
		return engine.BuildOptions{}, err
	}
	return engine.BuildOptions{
		Tags:           o.tags.Values(),
		Dockerfile:     dockerfile,
		Quiet:          o.quiet,
		NoCache:        o.noCache,
		Pull:           o.pull,
		Remove:         o.rm,
		ForceRemove:    o.forceRm,
		Squash:         o.squash,
		Target:         o.target,
		Platform:       o.platform,
		NetworkMode:    o.network,
		Isolation:      o.isolation,
		CgroupParent:   o.cgroupParent,
		CPUSetCPUs:     o.cpusetCPUs,
		CPUSetMems:     o.cpusetMems,
		CPUShares:      o.cpuShares,
		CPUQuota:       o.cpuQuota,
		CPUPeriod:      o.cpuPeriod,
		Memory:         o.memory.Value(),
		MemorySwap:     o.memorySwap.Value(),
		ShmSize:        o.shmSize.Value(),
		ExtraHosts:     o.extraHosts.Values(),
		SecurityOpt:    o.security,
		CacheFrom:      o.cacheFrom,
		Ulimits:        o.ulimits.Values(),
		BuildArgs:      keyValues(o.buildArgs.Values()),
		Labels:         labels(o.labels.Values()),
		RegistryConfig: base64.URLEncoding.EncodeToString(regConfig),
	}, nil
}

// keyValues maps NAME=value strings; a bare NAME maps to nil.
func keyValues(list []string) map[string]*string {
	m := make(map[string]*string, len(list))
	for _, kv := range list {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			m[k] = nil
			continue
		}
		m[k] = &v
	}
	return m
}

func labels(list []string) map[string]string {
	m := make(map[string]string, len(list))
	for _, kv := range list {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

// showBuild draws the daemon's output and returns the built image's ID.
// A failed step exits with the daemon's code for it (1 when it has none).
func showBuild(c *cli.CLI, resp io.Reader, out io.Writer, quiet bool) (string, error) {
	var imageID string
	onAux := func(raw json.RawMessage) {
		var aux struct{ ID string }
		if json.Unmarshal(raw, &aux) == nil && aux.ID != "" {
			imageID = aux.ID
		}
	}
	terminal := c.Out.IsTerminal() && !quiet
	width := progress.DefaultWidth
	if terminal {
		_, w := c.Out.Size()
		width = int(w)
	}
	err := progress.Render(resp, out, terminal, width, onAux)
	c.Out.Flush()
	var jerr *engine.JSONError
	if errors.As(err, &jerr) {
		code := jerr.Code
		if code == 0 {
			code = 1
		}
		return "", &cli.StatusError{Code: code, Msg: jerr.Message}
	}
	return imageID, err
}
