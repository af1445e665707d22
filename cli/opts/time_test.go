package opts

import (
	"testing"
	"time"
)

// The cases were checked against the reference's logs and events (the
// since/until it sends, the errors it prints).
func TestTimestamp(t *testing.T) {
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	tests := []parseCase{
		{"", "", ""},
		{"10m", "1795791000", ""},
		{"1h30m", "1795786200", ""},
		{"-1h", "1795795200", ""},
		{"1us", "1795791599", ""},
		{"+5", "+5", ""},
		{"00001", "00001", ""},
		{"0", "0", ""},
		{"1700000000", "1700000000", ""},
		{"1700000000.5", "1700000000.5", ""},
		{"2026-11-27", "1795737600.000000000", ""},
		{"2026-11-27T15", "1795791600.000000000", ""},
		{"2026-11-27T15:24", "1795793040.000000000", ""},
		{"2026-11-27T15:24:05", "1795793045.000000000", ""},
		{"2026-11-27T15:24:05.25", "1795793045.250000000", ""},
		{"2026-11-27T15:30:00Z", "1795793400.000000000", ""},
		{"2026-11-27T15:30:00+01:00", "1795789800.000000000", ""},
		{"2026-11-27T15:30:00-01:00", "1795797000.000000000", ""},
		{"2026-11-27T15Z", "1795791600.000000000", ""},
		{"2026-11-27T15:30+01:00", "1795789800.000000000", ""},
		{"2026-11-27Z", "1795737600.000000000", ""},
		{"2026-11-27T15:30:00.123456789Z", "1795793400.123456789", ""},
		{"bogus", "", `failed to parse value as time or duration: "bogus"`},
		{"12:30", "", `failed to parse value as time or duration: "12:30"`},
		{"1.2.3", "", `failed to parse value as time or duration: "1.2.3"`},
		{"1d", "", `failed to parse value as time or duration: "1d"`},
		{" 10m", "", `failed to parse value as time or duration: " 10m"`},
		{"1h-1m", "", `parsing time "1h-1m" as "2006-01-02": cannot parse "1h-1m" as "2006"`},
		{"2026-11-27t15", "", `parsing time "2026-11-27t15": extra text: "t15"`},
		{"2020-13-01", "", `parsing time "2020-13-01": month out of range`},
		{"2020-13-01T00:00:00Z", "", `parsing time "2020-13-01T00:00:00Z": month out of range`},
	}
	checkParses(t, tests, func(in string) (string, error) { return Timestamp(in, now) })
}
