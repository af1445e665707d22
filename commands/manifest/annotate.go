package manifest

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/registry"
)

type annotateOptions struct {
	os, arch, variant, osVersion string
	osFeatures                   []string
}

func newAnnotateCommand(c *cli.CLI) *cobra.Command {
	var o annotateOptions
	cmd := cli.Command("annotate [OPTIONS] MANIFEST_LIST MANIFEST", "Add additional information to a local image manifest",
		cli.ExactArgs(2), func(cmd *cobra.Command, args []string) error { return runAnnotate(c, o, args[0], args[1]) })
	flags := cmd.Flags()
	flags.StringVar(&o.os, "os", "", "Set operating system")
	flags.StringVar(&o.arch, "arch", "", "Set architecture")
	flags.StringVar(&o.osVersion, "os-version", "", "Set operating system version")
	flags.StringSliceVar(&o.osFeatures, "os-features", nil, "Set operating system feature")
	flags.StringVar(&o.variant, "variant", "", "Set architecture variant")
	return cmd
}

// runAnnotate changes the platform of one image of a local list.
func runAnnotate(c *cli.CLI, o annotateOptions, listArg, imageArg string) error {
	list, err := normalize(listArg)
	if err != nil {
		return fmt.Errorf("annotate: error parsing name for manifest list %s: %w", listArg, err)
	}
	image, err := normalize(imageArg)
	if err != nil {
		return fmt.Errorf("annotate: error parsing name for manifest %s: %w", imageArg, err)
	}
	s := newStore(c)
	m, err := s.get(list.String(), image.String())
	if err != nil {
		return fmt.Errorf("manifest for image %s does not exist in %s", imageArg, listArg)
	}
	p := m.Descriptor.Platform
	if p == nil {
		p = &registry.Platform{}
		m.Descriptor.Platform = p
	}
	if o.os != "" {
		p.OS = o.os
	}
	if o.arch != "" {
		p.Architecture = o.arch
	}
	if o.variant != "" {
		p.Variant = o.variant
	}
	if o.osVersion != "" {
		p.OSVersion = o.osVersion
	}
	if len(o.osFeatures) > 0 {
		p.OSFeatures = o.osFeatures
	}
	if !strings.Contains(validOSArch, " "+p.OS+"/"+p.Architecture+" ") {
		return fmt.Errorf("manifest entry for image has unsupported os/arch combination: %s/%s", o.os, o.arch)
	}
	return s.save(list.String(), m)
}

// validOSArch lists the platforms the reference accepts in a list
// (a constant: nothing to build at start-up).
const validOSArch = " darwin/386 darwin/amd64 darwin/arm darwin/arm64 dragonfly/amd64 " +
	"freebsd/386 freebsd/amd64 freebsd/arm linux/386 linux/amd64 linux/arm linux/arm64 " +
	"linux/ppc64le linux/mips64 linux/mips64le linux/riscv64 linux/s390x netbsd/386 netbsd/amd64 " +
	"netbsd/arm openbsd/386 openbsd/amd64 openbsd/arm plan9/386 plan9/amd64 solaris/amd64 " +
	"windows/386 windows/amd64 "
