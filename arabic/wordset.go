package arabic

// wordSet is an immutable set of short strings: an open-addressing hash
// table with FNV-1a hashing and linear probing, kept at most one-eighth
// full so that a miss (the common case) usually ends at the first, empty
// slot. It is faster than a Go map for the per-word lookups of
// segmentation and stemming.
type wordSet struct {
	words []string // the words; words[0] is unused
	// slots hold indexes into words, 0 marking an empty slot: two bytes a
	// slot keep the table small enough to stay in the L1 cache.
	slots []uint16
	mask  uint32
	// bloom is a quick filter: bit filterKey(w) is set for every word w
	// of the set. With one word in sixteen bits, it rejects most words
	// that are not in the set before they are hashed.
	bloom [bloomBits / 64]uint64
}

// bloomBits is the size of a wordSet's filter, a power of two.
const (
	bloomLog  = 13
	bloomBits = 1 << bloomLog
)

// filterKey is the filter bit of s, not empty: a multiplicative hash of
// its length and its second, fourth and last bytes (for Arabic words, the
// first two letters and the last; the filter needs no loop over s).
func filterKey(s string) uint32 {
	n := len(s)
	x := uint32(s[min(1, n-1)]) | uint32(s[min(3, n-1)])<<8 | uint32(s[n-1])<<16 | uint32(n)<<24
	return (x * 0x9E3779B1) >> (32 - bloomLog)
}

// mayHave reports whether s, not empty, may be in the set.
func (ws *wordSet) mayHave(s string) bool {
	k := filterKey(s)
	return ws.bloom[k>>6]&(1<<(k&63)) != 0
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

// newWordSet builds a set from words; the empty word is ignored.
func newWordSet(words []string) *wordSet {
	size := 16
	for size < 8*len(words) {
		size *= 2
	}
	ws := &wordSet{words: []string{""}, slots: make([]uint16, size), mask: uint32(size - 1)}
	for _, w := range words {
		if w == "" {
			continue
		}
		h := hashString(w) & ws.mask
		for ws.slots[h] != 0 && ws.words[ws.slots[h]] != w {
			h = (h + 1) & ws.mask
		}
		if ws.slots[h] != 0 {
			continue // a repeat
		}
		if len(ws.words) > 0xFFFF {
			panic("arabic: word set too large")
		}
		ws.slots[h] = uint16(len(ws.words))
		ws.words = append(ws.words, w)
		k := filterKey(w)
		ws.bloom[k>>6] |= 1 << (k & 63)
	}
	return ws
}

// has reports whether s is in the set.
func (ws *wordSet) has(s string) bool {
	if s == "" || !ws.mayHave(s) {
		return false
	}
	h := hashString(s) & ws.mask
	for {
		e := ws.slots[h]
		if e == 0 {
			return false
		}
		if ws.words[e] == s {
			return true
		}
		h = (h + 1) & ws.mask
	}
}

// hasBytes is has for a byte slice, without allocating.
func (ws *wordSet) hasBytes(s []byte) bool {
	return ws.has(bytesString(s))
}
