package cliplugins

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/dockerclone/docker/cli/format"
)

// Find looks for the plugin name in dirs and returns the first candidate
// with its verdict; ok is false when no directory has one. It costs one
// stat per directory (and nothing for a name no plugin can have), plus the
// metadata call unless the cache knows the binary.
func Find(dirs []string, name string) (p Plugin, ok bool) {
	if nameError(name) != "" {
		return Plugin{}, false
	}
	for _, dir := range dirs {
		path := filepath.Join(dir, prefix+name)
		if fi, err := os.Lstat(path); err != nil || fi.IsDir() {
			continue
		}
		c := newCache()
		p = validate(Plugin{Name: name, Path: path}, c)
		c.save()
		return p, true
	}
	return Plugin{}, false
}

// List returns every candidate in dirs (the first of each name), valid or
// not, in natural order of names (docker-sv2 before docker-sv10). Metadata
// calls run in parallel.
func List(dirs []string) []Plugin {
	seen := map[string]bool{}
	found := []Plugin{} // never nil: info shows "Plugins":[]
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name, ok := strings.CutPrefix(e.Name(), prefix)
			if !ok || e.IsDir() || seen[name] {
				continue
			}
			seen[name] = true
			found = append(found, Plugin{Name: name, Path: filepath.Join(dir, e.Name())})
		}
	}
	c := newCache()
	var wg sync.WaitGroup
	for i := range found {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[i] = validate(found[i], c)
		}()
	}
	wg.Wait()
	c.save()
	sort.Slice(found, func(i, j int) bool { return format.NaturalLess(found[i].Name, found[j].Name) })
	return found
}

// validate fills in the metadata and the verdict: name, clash with a
// built-in, then the metadata call and its content.
func validate(p Plugin, c *cache) Plugin {
	if p.Err = nameError(p.Name); p.Err != "" {
		return p
	}
	key, known := c.lookup(p.Path)
	if known != nil {
		p.Metadata = *known
		return p
	}
	out, err := exec.Command(p.Path, MetadataCommand).Output()
	if err != nil {
		p.Err = "failed to fetch metadata: " + err.Error()
		return p
	}
	if err := json.Unmarshal(out, &p.Metadata); err != nil {
		p.Err = "invalid metadata: " + err.Error()
		return p
	}
	switch {
	case p.SchemaVersion != schemaVersion:
		p.Err = fmt.Sprintf("plugin SchemaVersion %q is not valid, must be %s", p.SchemaVersion, schemaVersion)
	case p.Vendor == "":
		p.Err = "plugin metadata does not define a vendor"
	default:
		c.store(key, p.Metadata)
	}
	return p
}
