package image

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

type historyOptions struct {
	image    string
	human    bool
	quiet    bool
	noTrunc  bool
	format   string
	platform string
}

func newHistoryCommand(c *cli.CLI) *cobra.Command {
	var opts historyOptions
	cmd := cli.Command("history [OPTIONS] IMAGE", "Show the history of an image", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			opts.image = args[0]
			return runHistory(cmd.Context(), c, &opts)
		},
		"docker image history", "docker history")
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.BoolVarP(&opts.human, "human", "H", true, "Print sizes and dates in human readable format")
	fl.BoolVarP(&opts.quiet, "quiet", "q", false, "Only show image IDs")
	fl.BoolVar(&opts.noTrunc, "no-trunc", false, "Don't truncate output")
	fl.StringVar(&opts.format, "format", "", format.ListUsage)
	fl.StringVar(&opts.platform, "platform", "",
		`Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")`)
	cli.MinAPI(fl, "1.48", "platform")
	return cmd
}

var historyHeader = format.Header{
	"ID":           "IMAGE",
	"CreatedSince": "CREATED",
	"CreatedAt":    "CREATED AT",
	"CreatedBy":    "CREATED BY",
	"Size":         "SIZE",
	"Comment":      "COMMENT",
}

// historySpec picks the layout: the default table shows CREATED with -H and
// CREATED AT without; a user's format wins over -q.
func historySpec(spec string, quiet, human bool) string {
	if spec != "" && spec != "table" {
		return spec
	}
	switch {
	case quiet:
		return "{{.ID}}"
	case human:
		return "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
	default:
		return "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
	}
}

func runHistory(ctx context.Context, c *cli.CLI, opts *historyOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	items, err := client.ImageHistory(ctx, opts.image, opts.platform)
	if err != nil {
		return err
	}
	f, err := format.Parse(historySpec(opts.format, opts.quiet, opts.human), "")
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	return format.WriteRows(format.NewWriter(c.Out, f, historyHeader), items, func(h *engine.HistoryItem) any {
		return &historyContext{h: h, trunc: !opts.noTrunc, human: opts.human, now: time.Now}
	})
}

// historyContext is one layer row. Its name and package appear in template
// errors ("in type *image.historyContext"), as with the reference.
type historyContext struct {
	h     *engine.HistoryItem
	trunc bool
	human bool
	now   func() time.Time
}

func (r *historyContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

// ID is shortened unless --no-trunc (Podman sends it without the
// "sha256:"); layers without an image say <missing>.
func (r *historyContext) ID() string {
	if !r.trunc {
		return r.h.ID
	}
	id := strings.TrimPrefix(r.h.ID, "sha256:")
	if len(id) > 12 {
		id = id[:12]
	}
	return id
}

func (r *historyContext) CreatedAt() string {
	return time.Unix(r.h.Created, 0).Format(time.RFC3339)
}

// noDateBefore is the reference's cut-off for a meaningful layer date:
// layers created at or before it (an unset time, SOURCE_DATE_EPOCH=0) show
// N/A rather than "56 years ago".
var noDateBefore = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

func (r *historyContext) CreatedSince() string {
	if !r.human {
		return r.CreatedAt()
	}
	created := time.Unix(r.h.Created, 0)
	if !created.After(noDateBefore) {
		return "N/A"
	}
	return format.HumanDuration(r.now().UTC().Sub(created)) + " ago"
}

// CreatedBy keeps one line per layer: TABs become spaces, and it is cut to
// 45 cells unless --no-trunc.
func (r *historyContext) CreatedBy() string {
	s := strings.ReplaceAll(r.h.CreatedBy, "\t", " ")
	if r.trunc {
		return format.Ellipsis(s, 45)
	}
	return s
}

func (r *historyContext) Size() string {
	if r.human {
		return format.HumanSizeWithPrecision(r.h.Size, 3)
	}
	return strconv.FormatInt(r.h.Size, 10)
}

func (r *historyContext) Comment() string { return r.h.Comment }
