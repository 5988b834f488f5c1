package arabic

// wordSet is an immutable set of short strings: an open-addressing hash
// table with FNV-1a hashing and linear probing, kept at most one-eighth
// full so that a miss (the common case) usually ends at the first, empty
// slot. It is faster than a Go map for the per-word lookups of
// segmentation and stemming.
type wordSet struct {
	slots []string // "" marks an empty slot
	mask  uint32
	// first and last are quick filters: bit (b & 63) of first[n] is set
	// when some word of n bytes (n < 32) has b as its second byte, and
	// likewise for last with the final byte. Longer words skip the filter.
	first, last [32]uint64
}

// mayHave reports whether a word of n bytes with second byte b1 and final
// byte bn may be in the set.
func (ws *wordSet) mayHave(n int, b1, bn byte) bool {
	if n >= 32 {
		return true
	}
	return ws.first[n]&(1<<(b1&63)) != 0 && ws.last[n]&(1<<(bn&63)) != 0
}

// hashString hashes s eight bytes at a time (a multiply and xor-shift
// per word, then the tail): short keys, no seed needed (the sets are
// fixed word lists, not attacker-chosen keys; Analyze's per-text table
// degrades gracefully with collisions). Arabic words are 6–20 bytes, so
// this is a few times faster than a byte-at-a-time hash.
func hashString(s string) uint32 {
	const k = 0x9E3779B97F4A7C15
	h := uint64(len(s)) * k
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = (h ^ w) * k
		h ^= h >> 32
		s = s[8:]
	}
	// The tail: two overlapping four-byte loads, or the first, middle
	// and last of up to three bytes, cover every byte; with the length
	// already in h, different tails give different words.
	var w uint64
	switch n := len(s); {
	case n >= 4:
		w = uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[n-4])<<32 | uint64(s[n-3])<<40 | uint64(s[n-2])<<48 | uint64(s[n-1])<<56
	case n > 0:
		w = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	default:
		return uint32(h)
	}
	h = (h ^ w) * k
	h ^= h >> 32
	return uint32(h)
}

// hashBytes is hashString for a byte slice.
func hashBytes(s []byte) uint32 { return hashString(bytesString(s)) }

// newWordSet builds a set from words; the empty word is ignored.
func newWordSet(words []string) *wordSet {
	size := 16
	for size < 8*len(words) {
		size *= 2
	}
	ws := &wordSet{slots: make([]string, size), mask: uint32(size - 1)}
	for _, w := range words {
		if w == "" {
			continue
		}
		h := hashString(w) & ws.mask
		for ws.slots[h] != "" && ws.slots[h] != w {
			h = (h + 1) & ws.mask
		}
		ws.slots[h] = w
		if n := len(w); n < 32 {
			ws.first[n] |= 1 << (w[min(1, n-1)] & 63)
			ws.last[n] |= 1 << (w[n-1] & 63)
		}
	}
	return ws
}

// has reports whether s is in the set.
func (ws *wordSet) has(s string) bool {
	if s == "" || !ws.mayHave(len(s), s[min(1, len(s)-1)], s[len(s)-1]) {
		return false
	}
	h := hashString(s) & ws.mask
	for {
		e := ws.slots[h]
		if e == "" {
			return false
		}
		if e == s {
			return true
		}
		h = (h + 1) & ws.mask
	}
}

// hasBytes is has for a byte slice, without allocating.
func (ws *wordSet) hasBytes(s []byte) bool {
	if len(s) == 0 || !ws.mayHave(len(s), s[min(1, len(s)-1)], s[len(s)-1]) {
		return false
	}
	h := hashBytes(s) & ws.mask
	for {
		e := ws.slots[h]
		if e == "" {
			return false
		}
		if e == string(s) {
			return true
		}
		h = (h + 1) & ws.mask
	}
}
