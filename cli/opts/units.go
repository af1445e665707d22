package opts

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"

	"github.com/docker/go-units"

	"github.com/dockerclone/docker/cli/engine"
)

// MemBytes is a size in bytes given with an optional unit suffix
// ("64m", "1g"), as RAM sizes are parsed: binary multiples (type "bytes").
type MemBytes int64

func (m *MemBytes) String() string {
	if *m == 0 {
		return "0" // pflag hides a zero default
	}
	return units.BytesSize(float64(*m))
}

// Set parses a size.
func (m *MemBytes) Set(v string) error {
	n, err := units.RAMInBytes(v)
	*m = MemBytes(n)
	return err
}

// Type is the name shown in help.
func (m *MemBytes) Type() string { return "bytes" }

// Value is the size in bytes.
func (m *MemBytes) Value() int64 { return int64(*m) }

// MemSwapBytes is MemBytes that also accepts -1 (unlimited swap).
type MemSwapBytes int64

func (m *MemSwapBytes) String() string { return (*MemBytes)(m).String() }

// Set parses a size or -1.
func (m *MemSwapBytes) Set(v string) error {
	if v == "-1" {
		*m = -1
		return nil
	}
	return (*MemBytes)(m).Set(v)
}

// Type is the name shown in help.
func (m *MemSwapBytes) Type() string { return "bytes" }

// Value is the size in bytes (-1 for unlimited).
func (m *MemSwapBytes) Value() int64 { return int64(*m) }

// NanoCPUs is a decimal CPU count stored in billionths (type "decimal").
type NanoCPUs int64

func (c *NanoCPUs) String() string {
	if *c == 0 {
		return ""
	}
	return big.NewRat(int64(*c), 1e9).FloatString(3)
}

// Set parses a decimal such as "1.5".
func (c *NanoCPUs) Set(v string) error {
	r, ok := new(big.Rat).SetString(v)
	if !ok {
		return fmt.Errorf("failed to parse %v as a rational number", v)
	}
	n := r.Mul(r, big.NewRat(1e9, 1))
	if !n.IsInt() {
		return fmt.Errorf("value is too precise")
	}
	*c = NanoCPUs(n.Num().Int64())
	return nil
}

// Type is the name shown in help.
func (c *NanoCPUs) Type() string { return "decimal" }

// Value is the count in billionths of a CPU.
func (c *NanoCPUs) Value() int64 { return int64(*c) }

// Ulimits is a repeatable --ulimit flag (type "ulimit"); a later value for
// the same name replaces the earlier one.
type Ulimits struct {
	values []*engine.Ulimit
}

func (u *Ulimits) String() string {
	s := make([]string, len(u.values))
	for i, v := range u.values {
		s[i] = v.Name + "=" + strconv.FormatInt(v.Soft, 10) + ":" + strconv.FormatInt(v.Hard, 10)
	}
	return fmt.Sprintf("%v", s)
}

// Set parses "name=soft[:hard]".
func (u *Ulimits) Set(v string) error {
	l, err := units.ParseUlimit(v)
	if err != nil {
		return err
	}
	nu := &engine.Ulimit{Name: l.Name, Hard: l.Hard, Soft: l.Soft}
	for i := range u.values {
		if u.values[i].Name == nu.Name {
			u.values[i] = nu
			return nil
		}
	}
	u.values = append(u.values, nu)
	return nil
}

// Type is the name shown in help.
func (u *Ulimits) Type() string { return "ulimit" }

// Values returns the limits sorted by name, as the reference sends them;
// never nil (the API body carries []).
func (u *Ulimits) Values() []*engine.Ulimit {
	out := append([]*engine.Ulimit{}, u.values...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
