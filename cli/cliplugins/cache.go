package cliplugins

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
)

// cache remembers the metadata of valid plugins by binary (path, size,
// modification time, inode), so that running one does not first run it
// once more for its metadata: that call costs as much as the rest of the
// dispatch. A changed or replaced binary misses and is asked again; a
// cache that cannot be read or written is simply not used.
type cache struct {
	mu      sync.Mutex
	file    string
	entries map[string]cacheEntry
	loaded  bool
	dirty   bool
}

type cacheKey struct {
	Path    string
	Size    int64
	ModTime int64
	Inode   uint64
}

type cacheEntry struct {
	Key      cacheKey
	Metadata Metadata
}

func newCache() *cache {
	dir, err := os.UserCacheDir()
	if err != nil {
		return &cache{loaded: true}
	}
	return &cache{file: filepath.Join(dir, "docker-cli-plugins", "metadata.json")}
}

// lookup returns the key of the binary at path and its cached metadata,
// nil when unknown.
func (c *cache) lookup(path string) (cacheKey, *Metadata) {
	fi, err := os.Stat(path)
	if err != nil {
		return cacheKey{}, nil
	}
	key := cacheKey{Path: path, Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Inode: inode(fi)}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.load()
	if e, ok := c.entries[path]; ok && e.Key == key {
		return key, &e.Metadata
	}
	return key, nil
}

func (c *cache) store(key cacheKey, md Metadata) {
	if key.Path == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key.Path] = cacheEntry{Key: key, Metadata: md}
	c.dirty = true
}

func (c *cache) load() {
	if c.loaded {
		return
	}
	c.loaded = true
	c.entries = map[string]cacheEntry{}
	if b, err := os.ReadFile(c.file); err == nil {
		_ = json.Unmarshal(b, &c.entries)
	}
}

// save writes the cache atomically when something was added.
func (c *cache) save() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dirty || c.file == "" {
		return
	}
	b, err := json.Marshal(c.entries)
	if err != nil || os.MkdirAll(filepath.Dir(c.file), 0o700) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.file), ".metadata-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), c.file) != nil {
		_ = os.Remove(tmp.Name())
	}
}
