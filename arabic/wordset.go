package arabic

// wordSet is an immutable set of short strings with a bit filter in front
// of the map: most words of a text are not in the set, and the filter
// answers for them without hashing the whole word.
type wordSet struct {
	m      map[string]struct{}
	filter [1 << 10]uint64 // 65536 bits
}

// filterBit hashes the length and the first and last two bytes of s.
func filterBit(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	h := uint32(n) * 0x9E3779B1
	h ^= uint32(s[0]) | uint32(s[n-1])<<8
	if n >= 2 {
		h ^= (uint32(s[1]) | uint32(s[n-2])<<8) * 0x85EBCA6B
	}
	h ^= h >> 15
	return h & (1<<16 - 1)
}

// newWordSet builds a set from words.
func newWordSet(words []string) *wordSet {
	ws := &wordSet{m: make(map[string]struct{}, len(words))}
	for _, w := range words {
		ws.m[w] = struct{}{}
		b := filterBit(w)
		ws.filter[b>>6] |= 1 << (b & 63)
	}
	return ws
}

// has reports whether s is in the set.
func (ws *wordSet) has(s string) bool {
	b := filterBit(s)
	if ws.filter[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	_, ok := ws.m[s]
	return ok
}

// hasBytes is has for a byte slice, without allocating.
func (ws *wordSet) hasBytes(s []byte) bool {
	n := len(s)
	if n == 0 {
		return ws.has("")
	}
	h := uint32(n) * 0x9E3779B1
	h ^= uint32(s[0]) | uint32(s[n-1])<<8
	if n >= 2 {
		h ^= (uint32(s[1]) | uint32(s[n-2])<<8) * 0x85EBCA6B
	}
	h ^= h >> 15
	b := h & (1<<16 - 1)
	if ws.filter[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	_, ok := ws.m[string(s)]
	return ok
}
