// Package formatter holds the row types of `docker system df`. It is its
// own package because the reference's rows are formatter.diskUsage*Context,
// names that show in template errors.
package formatter

import (
	"fmt"
	"strconv"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

// DefaultFormat is the summary table.
const DefaultFormat = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}"

// Header titles the summary columns.
var Header = format.Header{"TotalCount": "TOTAL"}.WithUpper("Type", "Active", "Size", "Reclaimable")

// Rows are the four summary lines: images, containers, local volumes and
// build cache.
func Rows(du *engine.DiskUsage) []any {
	return []any{
		&diskUsageImagesContext{du},
		&diskUsageContainersContext{du},
		&diskUsageVolumesContext{du},
		&diskUsageBuilderContext{du},
	}
}

// count is the ACTIVE column: how many of items are in use.
func count[T any](items []T, inUse func(*T) bool) string {
	n := 0
	for i := range items {
		if inUse(&items[i]) {
			n++
		}
	}
	return strconv.Itoa(n)
}

// withPercent appends the reclaimable share of total, when there is a total.
func withPercent(reclaimable, total int64) string {
	s := format.HumanSize(reclaimable)
	if total > 0 {
		return fmt.Sprintf("%s (%v%%)", s, reclaimable*100/total)
	}
	return s
}

type diskUsageImagesContext struct{ du *engine.DiskUsage }

func (c *diskUsageImagesContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(c) }
func (c *diskUsageImagesContext) Type() string                 { return "Images" }
func (c *diskUsageImagesContext) TotalCount() string           { return strconv.Itoa(len(c.du.Images)) }
func (c *diskUsageImagesContext) Size() string                 { return format.HumanSize(c.du.LayersSize) }

func (c *diskUsageImagesContext) Active() string {
	return count(c.du.Images, func(i *engine.Image) bool { return i.Containers > 0 })
}

func (c *diskUsageImagesContext) Reclaimable() string {
	var used int64
	for _, i := range c.du.Images {
		if i.Containers != 0 && i.Size != -1 && i.SharedSize != -1 {
			used += i.Size - i.SharedSize
		}
	}
	return withPercent(c.du.LayersSize-used, c.du.LayersSize)
}

type diskUsageContainersContext struct{ du *engine.DiskUsage }

func (c *diskUsageContainersContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(c) }
func (c *diskUsageContainersContext) Type() string                 { return "Containers" }
func (c *diskUsageContainersContext) TotalCount() string           { return strconv.Itoa(len(c.du.Containers)) }

func active(state string) bool { return state == "running" || state == "paused" }

func (c *diskUsageContainersContext) Active() string {
	return count(c.du.Containers, func(ct *engine.Container) bool { return active(ct.State) })
}

func (c *diskUsageContainersContext) Size() string {
	var size int64
	for _, ct := range c.du.Containers {
		size += ct.SizeRw
	}
	return format.HumanSize(size)
}

func (c *diskUsageContainersContext) Reclaimable() string {
	var size, reclaimable int64
	for _, ct := range c.du.Containers {
		size += ct.SizeRw
		if !active(ct.State) {
			reclaimable += ct.SizeRw
		}
	}
	return withPercent(reclaimable, size)
}

type diskUsageVolumesContext struct{ du *engine.DiskUsage }

func (c *diskUsageVolumesContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(c) }
func (c *diskUsageVolumesContext) Type() string                 { return "Local Volumes" }
func (c *diskUsageVolumesContext) TotalCount() string           { return strconv.Itoa(len(c.du.Volumes)) }

func (c *diskUsageVolumesContext) Active() string {
	return count(c.du.Volumes, func(v *engine.Volume) bool { return v.UsageData != nil && v.UsageData.RefCount > 0 })
}

func (c *diskUsageVolumesContext) sizes() (size, reclaimable int64) {
	for _, v := range c.du.Volumes {
		if v.UsageData == nil || v.UsageData.Size == -1 {
			continue
		}
		size += v.UsageData.Size
		if v.UsageData.RefCount == 0 {
			reclaimable += v.UsageData.Size
		}
	}
	return size, reclaimable
}

func (c *diskUsageVolumesContext) Size() string {
	size, _ := c.sizes()
	return format.HumanSize(size)
}

func (c *diskUsageVolumesContext) Reclaimable() string {
	size, reclaimable := c.sizes()
	return withPercent(reclaimable, size)
}

type diskUsageBuilderContext struct{ du *engine.DiskUsage }

func (c *diskUsageBuilderContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(c) }
func (c *diskUsageBuilderContext) Type() string                 { return "Build Cache" }
func (c *diskUsageBuilderContext) TotalCount() string           { return strconv.Itoa(len(c.du.BuildCache)) }

func (c *diskUsageBuilderContext) Active() string {
	return count(c.du.BuildCache, func(b *engine.BuildCacheRecord) bool { return b.InUse })
}

func (c *diskUsageBuilderContext) Size() string {
	var size int64
	for _, b := range c.du.BuildCache {
		if !b.Shared {
			size += b.Size
		}
	}
	return format.HumanSize(size)
}

func (c *diskUsageBuilderContext) Reclaimable() string {
	var r int64
	for _, b := range c.du.BuildCache {
		if !b.InUse && !b.Shared {
			r += b.Size
		}
	}
	return format.HumanSize(r)
}
