package format

// NaturalLess orders strings with runs of digits compared as numbers
// ("net2" before "net10"), the order the reference lists names in.
func NaturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da == "" || db == "" {
			if da != db { // a digit sorts before any other character
				return da != ""
			}
			if a[0] != b[0] {
				return a[0] < b[0]
			}
			a, b = a[1:], b[1:]
			continue
		}
		na, nb := trimLeadingZeros(da), trimLeadingZeros(db)
		if len(na) != len(nb) {
			return len(na) < len(nb)
		}
		if na != nb {
			return na < nb
		}
		if len(da) != len(db) { // same value: fewer leading zeros first
			return len(da) < len(db)
		}
		a, b = a[len(da):], b[len(db):]
	}
	return len(a) < len(b)
}

func digitRun(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

func trimLeadingZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

// NaturalCompare is NaturalLess as a comparison, for slices.SortFunc.
func NaturalCompare(a, b string) int {
	switch {
	case NaturalLess(a, b):
		return -1
	case NaturalLess(b, a):
		return 1
	}
	return 0
}
