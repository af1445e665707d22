package cli

import (
	"testing"
	"time"
)

func TestLogsTimestamp(t *testing.T) {
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	tests := []struct{ in, want, err string }{
		{"", "", ""},
		{"10m", "1795791000", ""},
		{"1h30m", "1795786200", ""},
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
		{"2020-13-01", "", `parsing time "2020-13-01": month out of range`},
		{"2020-13-01T00:00:00Z", "", `parsing time "2020-13-01T00:00:00Z": month out of range`},
	}
	for _, tt := range tests {
		got, err := LogsTimestamp(tt.in, now)
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		if got != tt.want || errText != tt.err {
			t.Errorf("LogsTimestamp(%q) = %q, %q; want %q, %q", tt.in, got, errText, tt.want, tt.err)
		}
	}
}
