package formatter

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

// TreeWarning opens the output of `images --tree`.
const TreeWarning = "WARNING: This is an experimental feature. The output may change and shouldn't be depended on."

// TreeOptions say how `images --tree` is drawn.
type TreeOptions struct {
	All      bool // images with neither tag nor digest are shown too
	Terminal bool // colours, the info icon and boxed markers
	Width    int  // the terminal's columns; 0 means 80
}

// Layout constants of the reference's tree view.
const (
	treeDefaultWidth  = 80
	treeMinImageWidth = 12 // narrower, the rightmost column goes instead
	treeOnlyMinWidth  = 20 // the IMAGE column alone never gets narrower
	treeGap           = "   "
)

// Styles (SGR sequences); the header is styled even on a pipe, as with the
// reference.
const (
	sgrReset    = "\x1b[0m"
	sgrWarning  = "\x1b[93m"
	sgrHeader   = "\x1b[39m\x1b[1m"
	sgrTagged   = "\x1b[34m\x1b[1m"
	sgrDim      = "\x1b[39m\x1b[2m"
	sgrDefault  = "\x1b[39m"
	sgrInUseBox = "\x1b[38;5;0m\x1b[48;5;14m U " + sgrReset
	sgrInfoIcon = "\x1b[1m\x1b[106m\x1b[30mi" + sgrReset + sgrReset
	sgrInfoText = "\x1b[96mInfo → " + sgrReset + sgrReset
)

type treeColumn struct {
	header string
	width  int
	right  bool
}

// treeColumns follow IMAGE; the last ones go first when space runs out.
var treeColumns = []treeColumn{{"ID", 12, false}, {"DISK USAGE", 10, true}, {"CONTENT SIZE", 12, true}, {"EXTRA", 5, false}}

// treeRow is one line of the table: an image or one of its platforms.
type treeRow struct {
	label, style string    // style of the label on a terminal
	cells        [4]string // ID, DISK USAGE, CONTENT SIZE, EXTRA
	dim          bool      // content not all available locally
}

type treeImage struct {
	otherTags []string // printed alone above the image's row
	row       treeRow
	platforms []treeRow
}

// WriteTree draws images the way `docker images --tree` does.
func WriteTree(out io.Writer, images []engine.Image, o TreeOptions) error {
	width := o.Width
	if width <= 0 {
		width = treeDefaultWidth
	}
	entries, natural := treeEntries(images, o.All)
	cols, imageWidth := treeLayout(natural, width)
	t := treeWriter{w: bufio.NewWriter(out), terminal: o.Terminal}

	t.w.WriteString(t.styled(TreeWarning, sgrWarning) + "\n")
	t.legend(width)
	t.w.WriteString("\n")
	t.header(cols, imageWidth)

	blank := slices.ContainsFunc(entries, func(e treeImage) bool { return len(e.platforms) > 0 })
	for _, e := range entries {
		for _, tag := range e.otherTags {
			t.w.WriteString(t.styled(format.Ellipsis(tag, width), sgrTagged) + "\n")
		}
		t.line(e.row, cols, imageWidth)
		for _, p := range e.platforms {
			t.line(p, cols, imageWidth)
		}
		if blank {
			t.w.WriteString("\n")
		}
	}
	return t.w.Flush()
}

// treeEntries turns the engine's images into rows, newest first, and
// measures the IMAGE column (in bytes, as the reference does).
func treeEntries(images []engine.Image, all bool) ([]treeImage, int) {
	images = slices.Clone(images)
	slices.SortStableFunc(images, func(a, b engine.Image) int { return cmp.Compare(b.Created, a.Created) })
	natural := len("IMAGE")
	var entries []treeImage
	for _, img := range images {
		if !all && len(img.RepoTags) == 0 && len(img.RepoDigests) == 0 {
			continue
		}
		tags := slices.Clone(img.RepoTags)
		slices.SortStableFunc(tags, func(a, b string) int { return len(b) - len(a) })
		e := treeImage{row: treeRow{label: "<untagged>", style: sgrDim}}
		if len(tags) > 0 {
			e.otherTags, e.row.label, e.row.style = tags[:len(tags)-1], tags[len(tags)-1], sgrTagged
		}
		var content int64
		for _, m := range img.Manifests {
			content += m.Size.Content
			if m.Kind == "image" && m.ImageData != nil {
				e.platforms = append(e.platforms, platformRow(m))
			}
		}
		e.row.cells = [4]string{shortID(img.ID), size(img.Size), size(content), inUse(img.Containers > 0)}
		for i := range e.platforms {
			branch := "├─ "
			if i == len(e.platforms)-1 {
				branch = "└─ "
			}
			e.platforms[i].label = branch + e.platforms[i].label
		}
		for _, s := range append(slices.Clone(tags), e.row.label) {
			natural = max(natural, len(s))
		}
		for _, p := range e.platforms {
			natural = max(natural, len(p.label))
		}
		entries = append(entries, e)
	}
	return entries, natural
}

func platformRow(m engine.ImageManifest) treeRow {
	p := m.ImageData.Platform
	label := p.OS + "/" + p.Architecture
	if p.Variant != "" {
		label += "/" + p.Variant
	}
	return treeRow{label: label, style: sgrDefault, dim: !m.Available,
		cells: [4]string{shortID(m.ID), size(m.Size.Total), size(m.Size.Content), inUse(len(m.ImageData.Containers) > 0)}}
}

func shortID(id string) string {
	id = strings.TrimPrefix(id, "sha256:")
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

func size(n int64) string { return format.HumanSizeWithPrecision(n, 3) }

// inUseMark fills EXTRA for what containers use; a box on a terminal.
const inUseMark = "U"

func inUse(yes bool) string {
	if yes {
		return inUseMark
	}
	return ""
}

// treeLayout drops columns from the right until IMAGE gets at least
// treeMinImageWidth cells, and gives IMAGE what its content needs within that.
func treeLayout(natural, width int) ([]treeColumn, int) {
	cols := treeColumns
	for len(cols) > 0 {
		avail := width
		for _, c := range cols {
			avail -= c.width + len(treeGap)
		}
		if avail >= treeMinImageWidth {
			return cols, min(natural, avail)
		}
		cols = cols[:len(cols)-1]
	}
	return nil, min(natural, max(width, treeOnlyMinWidth))
}

type treeWriter struct {
	w        *bufio.Writer
	terminal bool
}

func (t *treeWriter) styled(s, style string) string {
	if !t.terminal || s == "" {
		return s
	}
	return style + s + sgrReset
}

// legend is the key to the markers, right-aligned.
func (t *treeWriter) legend(width int) {
	text, visible := "Info -> "+" U In Use ", 18
	if t.terminal {
		text, visible = sgrInfoIcon+" "+sgrInfoText+" "+sgrInUseBox+" In Use ", 21
	}
	t.w.WriteString(strings.Repeat(" ", max(0, width-visible)) + text + "\n")
}

// header names the columns; it is styled even on a pipe, as with the reference.
func (t *treeWriter) header(cols []treeColumn, imageWidth int) {
	styled := func(s string) string { return sgrHeader + s + sgrReset }
	t.pad(styled, "IMAGE", imageWidth, false)
	for _, c := range cols {
		t.w.WriteString(treeGap)
		t.pad(styled, c.header, c.width, c.right)
	}
	t.w.WriteString("\n")
}

// line writes one row, every cell padded to its column's width.
func (t *treeWriter) line(r treeRow, cols []treeColumn, imageWidth int) {
	labelStyle, cellStyle := r.style, sgrDefault
	if r.dim {
		labelStyle, cellStyle = sgrDim, sgrDim
	}
	t.pad(func(s string) string { return t.styled(s, labelStyle) }, format.Ellipsis(r.label, imageWidth), imageWidth, false)
	for i, c := range cols {
		t.w.WriteString(treeGap)
		if r.cells[i] == inUseMark && t.terminal {
			t.w.WriteString(sgrInUseBox + strings.Repeat(" ", c.width-3))
			continue
		}
		t.pad(func(s string) string { return t.styled(s, cellStyle) }, r.cells[i], c.width, c.right)
	}
	t.w.WriteString("\n")
}

func (t *treeWriter) pad(style func(string) string, s string, width int, right bool) {
	fill := strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
	if right {
		t.w.WriteString(fill + style(s))
	} else {
		t.w.WriteString(style(s) + fill)
	}
}
