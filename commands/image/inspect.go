package image

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/template"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
)

const inspectFormatUsage = "Format output using a custom template:\n" +
	"'json':             Print in JSON format\n" +
	"'TEMPLATE':         Print output using the given Go template.\n" +
	"Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

type inspectOptions struct {
	format   string
	platform string
	names    []string
}

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var opts inspectOptions
	cmd := &cobra.Command{
		Use:                   "inspect [OPTIONS] IMAGE [IMAGE...]",
		Short:                 "Display detailed information on one or more images",
		Args:                  cli.RequiresMinArgs(1),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.names = args
			return runInspect(cmd.Context(), c, &opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.format, "format", "f", "", inspectFormatUsage)
	fl.StringVar(&opts.platform, "platform", "", "Inspect a specific platform of the multi-platform image.\n"+
		"If the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n"+
		"'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)")
	_ = fl.SetAnnotation("platform", "version", []string{"1.49"})
	return cmd
}

// runInspect prints what the daemon knows of each image, in argument order:
// its JSON re-indented inside one array by default, one compact array with
// -f json, or the template's output per image. Images that are not found
// are reported after the output and fail the command.
func runInspect(ctx context.Context, c *cli.CLI, opts *inspectOptions) error {
	var tmpl *template.Template
	if opts.format != "" && opts.format != "json" {
		t, err := format.ParseTemplate("", opts.format)
		if err != nil {
			return cli.Errorf(64, "template parsing error: %v", err)
		}
		tmpl = t
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if opts.platform != "" {
		if err := requireAPI(ctx, client, "platform", "1.49"); err != nil {
			return err
		}
	}
	var raws []json.RawMessage
	var errs []error
	for _, name := range opts.names {
		raw, err := client.ImageInspectPlatform(ctx, name, opts.platform)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		raws = append(raws, raw)
	}
	if err := writeInspect(c.Out, raws, opts.format, tmpl); err != nil {
		return err
	}
	return errors.Join(errs...)
}

func writeInspect(out io.Writer, raws []json.RawMessage, spec string, tmpl *template.Template) error {
	if tmpl != nil {
		var buf bytes.Buffer
		for _, raw := range raws {
			if err := inspectTemplate(&buf, tmpl, raw); err != nil {
				// What was rendered is dropped; an empty line is still printed.
				fmt.Fprintln(out)
				return fmt.Errorf("template parsing error: %w", err)
			}
			buf.WriteByte('\n')
		}
		if buf.Len() == 0 {
			buf.WriteByte('\n')
		}
		_, err := out.Write(buf.Bytes())
		return err
	}
	arr := []byte("[")
	for i, raw := range raws {
		if i > 0 {
			arr = append(arr, ',')
		}
		arr = append(arr, raw...)
	}
	arr = append(arr, ']')
	var buf bytes.Buffer
	var err error
	if spec == "json" {
		err = json.Compact(&buf, arr)
	} else {
		err = json.Indent(&buf, arr, "", "    ")
	}
	if err != nil {
		return fmt.Errorf("error decoding daemon response: %w", err)
	}
	buf.WriteByte('\n')
	_, err = out.Write(buf.Bytes())
	return err
}

// inspectTemplate runs tmpl on the image as a typed value and, when that
// fails (a key the type does not have), on the raw JSON as a map.
func inspectTemplate(w *bytes.Buffer, tmpl *template.Template, raw json.RawMessage) error {
	mark := w.Len()
	var typed imageInspect
	if json.Unmarshal(raw, &typed) == nil {
		if err := tmpl.Execute(w, &typed); err == nil {
			return nil
		}
		w.Truncate(mark)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return err
	}
	t, err := tmpl.Clone()
	if err != nil {
		return err
	}
	if err := t.Option("missingkey=error").Execute(w, m); err != nil {
		w.Truncate(mark)
		return err
	}
	return nil
}
