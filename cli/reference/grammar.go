package reference

import "strings"

// The reference grammar, checked by hand-written scanners rather than
// regexps so that linking this package costs nothing at start-up:
//
//	reference        := name [ ":" tag ] [ "@" digest ]
//	name             := [ domain "/" ] path
//	domain           := host [ ":" port ]
//	host             := domain-name | "[" [0-9A-Fa-f:]+ "]"
//	domain-name      := component ( "." component )*   component: [A-Za-z0-9], "-" inside only
//	port             := [0-9]+
//	path             := path-component ( "/" path-component )*
//	path-component   := [a-z0-9]+ ( separator [a-z0-9]+ )*
//	separator        := "." | "_" | "__" | "-"+
//	tag              := [\w][\w.-]{0,127}
//	digest           := algorithm ":" [0-9A-Fa-f]{32,}
//	algorithm        := [A-Za-z][A-Za-z0-9]* ( [-_+.] [A-Za-z][A-Za-z0-9]* )*

// split breaks s into its name, tag and digest if it matches the reference
// grammar. The split is unambiguous: only the digest follows an "@", and a
// ":" after the last "/" can only start the tag (a port is always followed
// by a "/").
func split(s string) (name, tag, digest string, ok bool) {
	rest := s
	if at := strings.IndexByte(s, '@'); at >= 0 {
		rest, digest = s[:at], s[at+1:]
		if !validDigestSyntax(digest) {
			return "", "", "", false
		}
	}
	name = rest
	if c := strings.LastIndexByte(rest, ':'); c > strings.LastIndexByte(rest, '/') {
		name, tag = rest[:c], rest[c+1:]
		if !validTag(tag) {
			return "", "", "", false
		}
	}
	if _, _, ok := splitName(name); !ok {
		return "", "", "", false
	}
	return name, tag, digest, true
}

// splitName separates the domain from the path of a name. The first
// component is the domain whenever it can be one, even without a dot
// ("foo/bar" has domain "foo"); normalization decides otherwise earlier.
func splitName(name string) (domain, path string, ok bool) {
	if i := strings.IndexByte(name, '/'); i >= 0 && validDomain(name[:i]) && validPath(name[i+1:]) {
		return name[:i], name[i+1:], true
	}
	if validPath(name) {
		return "", name, true
	}
	return "", "", false
}

func validDomain(s string) bool {
	host, port := s, ""
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return false
		}
		host, port = s[:end+1], s[end+1:]
		if !validIPv6(host[1:end]) {
			return false
		}
	} else {
		if c := strings.IndexByte(s, ':'); c >= 0 {
			host, port = s[:c], s[c:]
		}
		if !validDomainName(host) {
			return false
		}
	}
	return port == "" || (len(port) > 1 && port[0] == ':' && allBytes(port[1:], isDigit))
}

func validIPv6(s string) bool {
	return s != "" && allBytes(s, func(c byte) bool { return isHex(c) || c == ':' })
}

func validDomainName(s string) bool {
	for comp := range strings.SplitSeq(s, ".") {
		if comp == "" || comp[0] == '-' || comp[len(comp)-1] == '-' ||
			!allBytes(comp, func(c byte) bool { return isAlnum(c) || c == '-' }) {
			return false
		}
	}
	return true
}

func validPath(s string) bool {
	for comp := range strings.SplitSeq(s, "/") {
		if !validPathComponent(comp) {
			return false
		}
	}
	return true
}

func validPathComponent(s string) bool {
	i, n := 0, len(s)
	for {
		start := i
		for i < n && isLowerAlnum(s[i]) {
			i++
		}
		if i == start {
			return false // empty component, or a separator at an edge or doubled
		}
		if i == n {
			return true
		}
		switch s[i] {
		case '.':
			i++
		case '_':
			i++
			if i < n && s[i] == '_' {
				i++
			}
		case '-':
			for i < n && s[i] == '-' {
				i++
			}
		default:
			return false
		}
	}
}

func validTag(s string) bool {
	return len(s) >= 1 && len(s) <= 128 && isWord(s[0]) &&
		allBytes(s[1:], func(c byte) bool { return isWord(c) || c == '.' || c == '-' })
}

// validDigestSyntax is the reference grammar's looser view of a digest;
// Digest.validate then applies the stricter rules of the algorithm.
func validDigestSyntax(s string) bool {
	c := strings.IndexByte(s, ':')
	if c < 0 {
		return false
	}
	alg, hex := s[:c], s[c+1:]
	if len(hex) < 32 || !allBytes(hex, isHex) {
		return false
	}
	i, n := 0, len(alg)
	for {
		if i == n || !isLetter(alg[i]) {
			return false
		}
		for i++; i < n && isAlnum(alg[i]); i++ {
		}
		if i == n {
			return true
		}
		if !strings.ContainsRune("-_+.", rune(alg[i])) {
			return false
		}
		i++
	}
}

func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool        { return '0' <= c && c <= '9' }
func isLetter(c byte) bool       { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool        { return isLetter(c) || isDigit(c) }
func isLowerAlnum(c byte) bool   { return 'a' <= c && c <= 'z' || isDigit(c) }
func isLowerHex(c byte) bool     { return 'a' <= c && c <= 'f' || isDigit(c) }
func isHex(c byte) bool          { return isLowerHex(c) || 'A' <= c && c <= 'F' }
func isWord(c byte) bool         { return isAlnum(c) || c == '_' }
func isIdentifier(s string) bool { return len(s) == 64 && allBytes(s, isLowerHex) }
