package stack

import (
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/dockerclone/docker/cli"
)

func newConfigCommand(c *cli.CLI) *cobra.Command {
	var files []string
	var skipInterpolation bool
	cmd := cli.Command("config [OPTIONS]", "Outputs the final config file, after doing merges and interpolations", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error {
			cfg, model, err := load(c, files, skipInterpolation)
			if err != nil {
				return err
			}
			enc := yaml.NewEncoder(c.Out)
			enc.SetIndent(2)
			if err := enc.Encode(configYAML(cfg, model)); err != nil {
				return err
			}
			return enc.Close()
		})
	addComposeFlag(cmd.Flags(), &files)
	cmd.Flags().BoolVar(&skipInterpolation, "skip-interpolation", false, "Skip interpolation and output only merged config")
	return cli.MinAPICommand(cmd, "1.25")
}
