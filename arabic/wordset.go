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

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// hashString is 32-bit FNV-1a: short keys, no seed needed (the sets are
// fixed word lists, not attacker-chosen keys; Analyze's per-text table
// degrades gracefully with collisions).
func hashString(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// hashBytes is hashString for a byte slice.
func hashBytes(s []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range s {
		h ^= uint32(c)
		h *= fnvPrime
	}
	return h
}

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
