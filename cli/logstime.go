package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Layouts tried for --since/--until, by what the value contains.
const (
	logsDateLocal     = "2006-01-02"
	logsDateZone      = "2006-01-02Z07:00"
	logsRFC3339Local  = "2006-01-02T15:04:05"
	logsRFC3339NanoLc = "2006-01-02T15:04:05.999999999"
)

// LogsTimestamp turns a --since/--until value into what the daemon takes:
//
//   - a Go duration ("10m", "1h30m") means that long before now, sent as
//     whole unix seconds;
//   - a date or RFC 3339 time, complete or cut after the date, the hour or the
//     minute, with or without fraction, is sent as "seconds.nanoseconds";
//     without a zone ("Z", "+hh:mm" or a "-hh:mm" making three dashes) it is
//     in the local zone;
//   - a unix timestamp ("1700000000", "1700000000.5") is passed through.
//
// Errors are Go's time parsing errors, or "failed to parse value as time or
// duration" for values that are neither.
func LogsTimestamp(value string, now time.Time) (string, error) {
	if value == "" {
		return "", nil
	}
	if d, err := time.ParseDuration(value); err == nil && value != "0" {
		return strconv.FormatInt(now.Add(-d).Unix(), 10), nil
	}
	local := !strings.ContainsAny(value, "zZ+") && strings.Count(value, "-") != 3
	var layout string
	switch {
	case strings.Contains(value, "."):
		layout = time.RFC3339Nano
		if local {
			layout = logsRFC3339NanoLc
		}
	case strings.Contains(value, "T"):
		colons := strings.Count(value, ":")
		// A numeric zone offset carries a colon of its own.
		if !local && !strings.ContainsAny(value, "zZ") && colons > 0 {
			colons--
		}
		switch {
		case colons == 0 && local:
			layout = "2006-01-02T15"
		case colons == 1 && local:
			layout = "2006-01-02T15:04"
		case local:
			layout = logsRFC3339Local
		case colons == 0:
			layout = "2006-01-02T15Z07:00"
		case colons == 1:
			layout = "2006-01-02T15:04Z07:00"
		default:
			layout = time.RFC3339
		}
	case local:
		layout = logsDateLocal
	default:
		layout = logsDateZone
	}

	var t time.Time
	var err error
	if local {
		t, err = time.ParseInLocation(layout, value, time.FixedZone(now.Zone()))
	} else {
		t, err = time.Parse(layout, value)
	}
	if err == nil {
		return fmt.Sprintf("%d.%09d", t.Unix(), int64(t.Nanosecond())), nil
	}
	if strings.Contains(value, "-") {
		// Meant as a date: its parse error says what is wrong.
		return "", err
	}
	if !logsIsUnixTime(value) {
		return "", fmt.Errorf("failed to parse value as time or duration: %q", value)
	}
	return value, nil
}

// logsIsUnixTime accepts "seconds" or "seconds.fraction" in decimal.
func logsIsUnixTime(v string) bool {
	sec, frac, hasFrac := strings.Cut(v, ".")
	if _, err := strconv.ParseInt(sec, 10, 64); err != nil {
		return false
	}
	if hasFrac {
		if _, err := strconv.ParseInt(frac, 10, 64); err != nil {
			return false
		}
	}
	return true
}
