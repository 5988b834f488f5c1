package arabic

import (
	"sort"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Options selects the foldings [Normalize] applies. The zero value changes
// nothing. Most callers want [SearchOptions] or [DisplayOptions].
//
// Normalization is defined as NFKC (when NFKC is set) followed by the
// per-character foldings below, repeated until nothing changes, so that the
// result is idempotent: Normalize(Normalize(s)) == Normalize(s).
type Options struct {
	// StripHarakat removes the Arabic diacritics: tanwin (U+064B–U+064D),
	// fatha, damma, kasra (U+064E–U+0650), shadda (U+0651), sukun (U+0652),
	// madda and hamza above/below when they do not combine with the letter
	// before them (U+0653–U+0655), the other marks U+0656–U+065F, superscript
	// alef (U+0670) and the Quranic annotation marks (U+06D6–U+06ED, U+08D3–U+08FF).
	StripHarakat bool
	// StripTatweel removes the kashida U+0640 used to stretch words.
	StripTatweel bool
	// FoldAlef maps أ إ آ ٱ (and the rarer ٲ ٳ) to bare alef ا.
	FoldAlef bool
	// FoldYeh maps alef maksura ى to yeh ي.
	FoldYeh bool
	// FoldTehMarbuta maps teh marbuta ة to heh ه (search only: it loses the
	// feminine ending that display needs).
	FoldTehMarbuta bool
	// FoldHamzaCarriers maps ؤ to و and ئ to ي.
	FoldHamzaCarriers bool
	// FoldPersian maps Persian and Urdu letter forms to their Arabic
	// equivalents: ی ې ۍ ے → ي, ک → ك, ۀ ە ہ ھ → ه.
	FoldPersian bool
	// FoldDigits maps Arabic-Indic (U+0660–U+0669) and Extended
	// Arabic-Indic (Persian, U+06F0–U+06F9) digits to ASCII, and the Arabic
	// decimal separator ٫, thousands separator ٬ and percent sign ٪ to
	// '.', ',' and '%'.
	FoldDigits bool
	// NFKC applies Unicode compatibility composition (presentation forms
	// such as ﻻ and ﺍﻟﺴﻼﻢ become ordinary letters, ligatures are split,
	// full-width Latin becomes ASCII).
	NFKC bool
	// StripInvisible removes zero-width and bidirectional format characters:
	// ZWSP, ZWNJ, ZWJ, LRM, RLM (U+200B–U+200F), the embeddings and
	// overrides U+202A–U+202E, the isolates U+2066–U+2069, word joiner
	// U+2060, Arabic letter mark U+061C, soft hyphen U+00AD and BOM U+FEFF.
	StripInvisible bool
}

// SearchOptions returns the options for matching and indexing: everything
// is folded, including ة → ه and the hamza carriers ؤ ئ. Two spellings that
// a reader would consider the same word normalize to the same string.
func SearchOptions() Options {
	return Options{
		StripHarakat:      true,
		StripTatweel:      true,
		FoldAlef:          true,
		FoldYeh:           true,
		FoldTehMarbuta:    true,
		FoldHamzaCarriers: true,
		FoldPersian:       true,
		FoldDigits:        true,
		NFKC:              true,
		StripInvisible:    true,
	}
}

// DisplayOptions returns the options for text shown to people, such as
// entity names: harakat, tatweel and invisible marks are removed,
// presentation forms, Persian letters and digits are folded, but the
// letters that carry meaning in writing are kept: hamza forms (أ إ آ ؤ ئ),
// alef maksura ى and teh marbuta ة.
func DisplayOptions() Options {
	return Options{
		StripHarakat:   true,
		StripTatweel:   true,
		FoldPersian:    true,
		FoldDigits:     true,
		NFKC:           true,
		StripInvisible: true,
	}
}

// OffsetMap maps byte offsets in a normalized string back to byte offsets
// in the original string it was produced from. The zero value is the
// identity map.
type OffsetMap struct {
	bps     []breakpoint // sorted by norm; empty for the identity
	normLen int
	origLen int
}

// breakpoint records that normalized offset norm corresponds to original
// offset orig; between breakpoints the mapping is linear (bytes copied
// unchanged), clamped to the next breakpoint.
type breakpoint struct{ norm, orig int }

// Orig returns the byte offset in the original string that corresponds to
// byte offset i in the normalized string. Orig(0) is the start of the
// original character that produced the first normalized character, and
// Orig(len(normalized)) is len(original). The mapping is monotonic
// (non-decreasing); a character removed by normalization belongs to the
// span of the character before it, so a token's end offset includes
// trailing harakat and tatweel. Out-of-range i is clamped.
func (m OffsetMap) Orig(i int) int {
	if len(m.bps) == 0 {
		if i < 0 {
			return 0
		}
		if m.origLen > 0 || m.normLen > 0 {
			if i > m.origLen {
				return m.origLen
			}
		}
		return i
	}
	if i <= 0 {
		i = 0
	}
	if i >= m.normLen {
		return m.origLen
	}
	// Last breakpoint with norm <= i.
	k := sort.Search(len(m.bps), func(k int) bool { return m.bps[k].norm > i }) - 1
	b := breakpoint{} // identity before the first breakpoint
	if k >= 0 {
		b = m.bps[k]
	}
	o := b.orig + (i - b.norm)
	if k+1 < len(m.bps) && o > m.bps[k+1].orig {
		o = m.bps[k+1].orig
	}
	if o > m.origLen {
		o = m.origLen
	}
	return o
}

// Span maps the normalized half-open range [start, end) to the original.
func (m OffsetMap) Span(start, end int) (int, int) {
	return m.Orig(start), m.Orig(end)
}

// Identity reports whether the map is the identity (nothing changed).
func (m OffsetMap) Identity() bool { return len(m.bps) == 0 }

// compose returns the map of applying m then next (next maps offsets of a
// string that m's output was normalized into).
func (m OffsetMap) compose(next OffsetMap) OffsetMap {
	if next.Identity() {
		return m
	}
	if m.Identity() {
		next.origLen = m.origLen
		return next
	}
	// Sample every offset of the final string (this path is rare: it runs
	// only when normalization needed a second pass).
	out := OffsetMap{normLen: next.normLen, origLen: m.origLen}
	for p := 0; p <= next.normLen; p++ {
		o := m.Orig(next.Orig(p))
		if n := len(out.bps); n > 0 {
			prev := out.bps[n-1]
			if prev.orig+(p-prev.norm) == o {
				continue
			}
		} else if o == p {
			continue
		}
		out.bps = append(out.bps, breakpoint{p, o})
	}
	return out
}

// runeFlags holds per-rune properties used by the normalizer.
type runeFlags uint8

const (
	flagNonStarter runeFlags = 1 << iota // canonical combining class != 0
	flagCompat                           // not NFKC-normal on its own
)

// computeFlags asks the Unicode tables for the properties of r.
func computeFlags(r rune) runeFlags {
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	return encodedFlags(string(buf[:n]))
}

// encodedFlags returns the flags of the rune encoded in s.
func encodedFlags(s string) runeFlags {
	var f runeFlags
	if norm.NFKC.PropertiesString(s).CCC() != 0 {
		f |= flagNonStarter
	}
	if !norm.NFKC.IsNormalString(s) {
		f |= flagCompat
	}
	return f
}

// flagRange fills t with the flags of the runes from first on, encoding
// them all into one string so that the lookups do not allocate.
func flagRange(t []runeFlags, first rune) {
	buf := make([]byte, 0, 3*len(t))
	for i := range t {
		buf = utf8.AppendRune(buf, first+rune(i))
	}
	enc := string(buf)
	for i, off := 0, 0; i < len(t); i++ {
		n := utf8.RuneLen(first + rune(i))
		t[i] = encodedFlags(enc[off : off+n])
		off += n
	}
}

// twoByteFlags is the flag table for U+0080–U+07FF (Latin supplements,
// combining diacritics, Arabic), computed at init; other runes are looked
// up when met.
var twoByteFlags = func() (t [0x800]runeFlags) {
	flagRange(t[0x80:], 0x80)
	return t
}()

// arabicBlockFlags is the part of twoByteFlags for U+0600–U+06FF.
var arabicBlockFlags = func() (t [256]runeFlags) {
	copy(t[:], twoByteFlags[0x600:0x700])
	return t
}()

// flagsOf returns the normalizer's flags for r.
func flagsOf(r rune) runeFlags {
	if r < 0x800 {
		if r < 0x80 {
			return 0
		}
		return twoByteFlags[r]
	}
	if r < 0x800+rune(len(threeByteFlags{})) {
		return threeByteFlagsTable()[r-0x800]
	}
	if r >= 0xFB00 && r <= 0xFFFF {
		return formsFlagsTable()[r-0xFB00]
	}
	return computeFlags(r)
}

// formsFlagsTable is the flag table for U+FB00–U+FFFF: the Arabic
// presentation forms (ﻻ, ﷺ, ornate parentheses ﴾ ﴿), the byte order mark
// and the full-width forms, built on first use.
var formsFlagsTable = sync.OnceValue(func() *[0x500]runeFlags {
	t := new([0x500]runeFlags)
	flagRange(t[:], 0xFB00)
	return t
})

// threeByteFlags is the flag table for U+0800–U+2FFF (among others the
// general punctuation of news text: dashes, curly quotes, bidi marks),
// built on first use.
type threeByteFlags [0x3000 - 0x800]runeFlags

var threeByteFlagsTable = sync.OnceValue(func() *threeByteFlags {
	t := new(threeByteFlags)
	flagRange(t[:], 0x800)
	return t
})

// isHaraka reports whether r is one of the marks removed by StripHarakat.
// U+0653–U+0655 are included: they are removed only when NFKC did not
// combine them with the letter before.
func isHaraka(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F:
		return true
	case r == 0x0670:
		return true
	case r >= 0x06D6 && r <= 0x06DC, r >= 0x06DF && r <= 0x06E4, r == 0x06E7, r == 0x06E8, r >= 0x06EA && r <= 0x06ED:
		return true
	case r >= 0x08D3 && r <= 0x08FF && r != 0x08E2:
		return true
	}
	return false
}

// isInvisible reports whether r is one of the format characters removed by
// StripInvisible.
func isInvisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2060, r == 0x061C, r == 0x00AD, r == 0xFEFF:
		return true
	}
	return false
}

// fold applies the per-character foldings of opt to r. It returns the
// replacement and keep=false when r is to be removed.
func fold(r rune, opt *Options) (rune, bool) {
	if r < 0x80 {
		return r, true
	}
	switch {
	case r >= 0x0600 && r <= 0x06FF:
		switch {
		case r >= 0x0660 && r <= 0x0669:
			if opt.FoldDigits {
				return '0' + (r - 0x0660), true
			}
		case r >= 0x06F0 && r <= 0x06F9:
			if opt.FoldDigits {
				return '0' + (r - 0x06F0), true
			}
		case r == 0x066B: // ٫ Arabic decimal separator
			if opt.FoldDigits {
				return '.', true
			}
		case r == 0x066C: // ٬ Arabic thousands separator
			if opt.FoldDigits {
				return ',', true
			}
		case r == 0x066A: // ٪
			if opt.FoldDigits {
				return '%', true
			}
		case r == 0x0640:
			if opt.StripTatweel {
				return 0, false
			}
		case r == 0x0622, r == 0x0623, r == 0x0625, r == 0x0671, r == 0x0672, r == 0x0673:
			if opt.FoldAlef {
				return 'ا', true
			}
		case r == 0x0649:
			if opt.FoldYeh {
				return 'ي', true
			}
		case r == 0x0629:
			if opt.FoldTehMarbuta {
				return 'ه', true
			}
		case r == 0x0624:
			if opt.FoldHamzaCarriers {
				return 'و', true
			}
		case r == 0x0626:
			if opt.FoldHamzaCarriers {
				return 'ي', true
			}
		case r == 0x06CC, r == 0x06D0, r == 0x06CD, r == 0x06D2:
			if opt.FoldPersian {
				return 'ي', true
			}
		case r == 0x06A9:
			if opt.FoldPersian {
				return 'ك', true
			}
		case r == 0x06C0, r == 0x06D5, r == 0x06C1, r == 0x06BE:
			if opt.FoldPersian {
				return 'ه', true
			}
		case r == 0x061C:
			if opt.StripInvisible {
				return 0, false
			}
		default:
			if opt.StripHarakat && isHaraka(r) {
				return 0, false
			}
		}
		return r, true
	case r >= 0x08D3 && r <= 0x08FF:
		if opt.StripHarakat && isHaraka(r) {
			return 0, false
		}
	case isInvisible(r):
		if opt.StripInvisible {
			return 0, false
		}
	}
	return r, true
}

// isComposingMark reports whether r may combine with the letter before it
// under NFKC (madda, hamza above and below).
func isComposingMark(r rune) bool { return r >= 0x0653 && r <= 0x0655 }

// planAction is what the normalizer does with one character of the Arabic
// block under a given set of options.
type planAction uint8

const (
	actKeep    planAction = iota // copy unchanged (a starter)
	actDrop                      // remove
	actReplace                   // replace by out[:n] (a starter)
	actSlow                      // take the general path (marks that may compose, compatibility characters)
)

type planEntry struct {
	act planAction
	n   uint8
	out [2]byte
}

// plan is a precomputed table of actions for U+0600–U+06FF, the two-byte
// UTF-8 sequences D8 80 … DB BF.
type plan struct {
	arabic [256]planEntry
	// word is, for the tokenizer, the action for each character of the
	// block when it continues an Arabic word (wordKeep …), or wordEnd when
	// it is not a letter or mark.
	word [256]uint8
	// keep reports, for each character of the block, whether its action
	// is actKeep. It is indexed by [blockIndex], a byte, so that lookups
	// need no bounds check.
	keep [256]bool
	// keepPair is keep indexed by a lead byte D8–DB (less D8) and the
	// whole next byte, false when that byte does not continue the
	// character: one lookup checks both.
	keepPair [4 << 8]bool
	// wordKeepPair is the same for the tokenizer: true when the two bytes
	// are a character that continues an Arabic word unchanged (wordKeep).
	wordKeepPair [4 << 8]bool
}

// pairIndex is the index into keepPair and wordKeepPair of the bytes c c2,
// given that c is one of D8–DB.
func pairIndex(c, c2 byte) uint { return (uint(c-0xD8)<<8 | uint(c2)) & (4<<8 - 1) }

// Values of plan.word.
const (
	wordEnd = iota
	wordKeep
	wordDrop
	wordReplace
	wordSlow
)

func buildPlan(opt Options) *plan {
	p := new(plan)
	for i := range p.arabic {
		r := rune(0x0600 + i)
		fl := arabicBlockFlags[i]
		f, keep := fold(r, &opt)
		e := &p.arabic[i]
		switch {
		case !keep && isComposingMark(r) && opt.NFKC:
			e.act = actSlow
		case !keep:
			e.act = actDrop
		case fl != 0:
			e.act = actSlow
		case f != r:
			e.act = actReplace
			e.n = uint8(utf8.EncodeRune(e.out[:], f))
		default:
			e.act = actKeep
			p.keep[i] = true
		}
	}
	for i := range p.word {
		switch arabicClass[i] {
		case cArabic, cMark:
			p.word[i] = wordKeep + uint8(p.arabic[i].act)
		default:
			p.word[i] = wordEnd
		}
	}
	for c := byte(0xD8); c <= 0xDB; c++ {
		for c2 := byte(0x80); c2 <= 0xBF; c2++ {
			k := blockIndex(c, c2)
			p.keepPair[pairIndex(c, c2)] = p.keep[k]
			p.wordKeepPair[pairIndex(c, c2)] = p.word[k] == wordKeep
		}
	}
	return p
}

var (
	searchPlan  = sync.OnceValue(func() *plan { return buildPlan(SearchOptions()) })
	displayPlan = sync.OnceValue(func() *plan { return buildPlan(DisplayOptions()) })
)

// planFor returns the precomputed plan for the standard option sets, or nil.
func planFor(opt *Options) *plan {
	switch *opt {
	case SearchOptions():
		return searchPlan()
	case DisplayOptions():
		return displayPlan()
	}
	return nil
}

// keepRun returns the end of the run of characters from s[i] that plan p
// leaves unchanged: ASCII and the Arabic-block characters marked actKeep.
func keepRun(s string, i int, p *plan) int {
	for i+1 < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// c-0xD8 wraps around for lead bytes below 0xD8.
		if c-0xD8 > 3 || !p.keepPair[pairIndex(c, s[i+1])] {
			return i
		}
		i += 2
	}
	if i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// blockIndex is the index of U+0600–U+06FF in a plan for the two-byte
// UTF-8 sequence c c2, given that c is one of D8–DB and c2 a continuation
// byte.
func blockIndex(c, c2 byte) byte { return (c-0xD8)<<6 | c2&0x3F }

// arabicIndex returns the index into a plan of the two-byte sequence at
// s[i] when it encodes a character of U+0600–U+06FF, or -1.
func arabicIndex(s string, i int) int {
	if i < 0 || i+1 >= len(s) {
		return -1
	}
	c := s[i]
	if c >= 0xD8 && c <= 0xDB && s[i+1]&0xC0 == 0x80 {
		return int(c-0xD8)<<6 | int(s[i+1]&0x3F)
	}
	return -1
}

// NormalizeString normalizes s with opt. It returns s itself, without
// allocating, when nothing changes.
func NormalizeString(s string, opt Options) string {
	out, _ := normalize(s, opt, false)
	return out
}

// Normalize normalizes s with opt and returns the result with a map from
// offsets in the result back to offsets in s. Invalid UTF-8 bytes are
// dropped. See [Options] for what each folding does.
func Normalize(s string, opt Options) (string, OffsetMap) {
	return normalize(s, opt, true)
}

func normalize(s string, opt Options, wantMap bool) (string, OffsetMap) {
	out, m, risky := normalizeOnce(s, opt, wantMap)
	// Removing a character can bring a letter and a combining mark together
	// that NFKC then composes; iterate to a fixed point (rare).
	for n := 0; risky && n < 4; n++ {
		var out2 string
		var m2 OffsetMap
		out2, m2, risky = normalizeOnce(out, opt, wantMap)
		if out2 == out {
			break
		}
		if wantMap {
			m = m.compose(m2)
		}
		out = out2
	}
	if !wantMap {
		return out, OffsetMap{}
	}
	m.normLen, m.origLen = len(out), len(s)
	return out, m
}

// needsWork reports whether rune r at s[i:i+size] (a valid rune) would be
// changed by normalization.
func needsWork(r rune, opt *Options) bool {
	if f, keep := fold(r, opt); !keep || f != r {
		return true
	}
	if opt.NFKC {
		fl := flagsOf(r)
		if fl&flagCompat != 0 {
			return true
		}
		if fl&flagNonStarter != 0 {
			// A kept combining mark may compose or reorder with the marks
			// and letter before it; check by the slow path.
			return true
		}
	}
	return false
}

// normalizer accumulates output and the offset map.
type normalizer struct {
	opt     Options
	b       []byte
	bps     []breakpoint
	wantMap bool
	// The last kept starter: where it started in the input and where its
	// output started, for recomputing a combining sequence under NFKC.
	segIn, segOut, segBps int
	base                  int // where the output of the current input starts in b
	plan                  *plan
	prevChanged           bool // the previous emitted rune was changed or something was removed before it
	risky                 bool
	scratch               []byte // NFKC of a compatibility character or a combining sequence
}

func (n *normalizer) mark(orig int) {
	if !n.wantMap {
		return
	}
	pos := len(n.b) - n.base
	if k := len(n.bps); k > 0 {
		p := n.bps[k-1]
		if p.norm == pos {
			// a later rune with the same output position (after removals):
			// keep the first, the removed text belongs to the previous rune.
			return
		}
		if p.orig+(pos-p.norm) == orig {
			return
		}
	} else if pos == orig {
		return
	}
	if n.bps == nil {
		n.bps = make([]breakpoint, 0, 32)
	}
	n.bps = append(n.bps, breakpoint{pos, orig})
}

// bytesString returns the bytes of b as a string without copying. The
// bytes b[:len(b)] must never be written again (appending to b is fine:
// it writes past them). The normalizer's and the tokenizer's output
// buffers follow this rule: they are only appended to, or truncated to a
// length that no string returned so far covers.
func bytesString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// emit folds r (which came from input offset orig) and appends it.
func (n *normalizer) emit(r rune, orig int) {
	f, keep := fold(r, &n.opt)
	if !keep {
		n.prevChanged = true
		return
	}
	if f >= 0x80 && flagsOf(f)&flagNonStarter != 0 && n.prevChanged {
		n.risky = true
	}
	n.mark(orig)
	n.b = utf8.AppendRune(n.b, f)
	n.prevChanged = f != r
}

func normalizeOnce(s string, opt Options, wantMap bool) (string, OffsetMap, bool) {
	i := scanNormalPlan(s, &opt, planFor(&opt))
	if i == len(s) {
		return s, OffsetMap{normLen: len(s), origLen: len(s)}, false
	}
	n := normalizer{opt: opt, wantMap: wantMap, plan: planFor(&opt)}
	n.b = make([]byte, 0, len(s)+8)
	n.run(s, i)
	out := bytesString(n.b) // n.b is not used again
	m := OffsetMap{bps: n.bps, normLen: len(out), origLen: len(s)}
	if wantMap && len(m.bps) == 0 && len(out) != len(s) {
		// only trailing removals: still not the identity
		m.bps = []breakpoint{{len(out), len(s)}}
	}
	return out, m, n.risky
}

// decodeRune decodes the rune at s[i], with an inline path for the two-byte
// sequences of Arabic script. Invalid bytes give (utf8.RuneError, 1).
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// scanNormal returns the length of the longest prefix of s that
// normalization with opt leaves unchanged (and that ends on a rune
// boundary).
func scanNormal(s string, opt *Options) int {
	return scanNormalPlan(s, opt, planFor(opt))
}

func scanNormalPlan(s string, opt *Options, p *plan) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if p != nil {
			if k := arabicIndex(s, i); k >= 0 {
				switch p.arabic[k].act {
				case actKeep:
					i += 2
					continue
				case actDrop, actReplace:
					return i
				}
			}
		}
		r, size := decodeRune(s, i)
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		if needsWork(r, opt) {
			if opt.NFKC && flagsOf(r)&(flagNonStarter|flagCompat) == flagNonStarter {
				if _, keep := fold(r, opt); keep {
					// Kept combining mark: is its sequence already normal?
					st := lastStarter(s, i)
					end := i + size
					for end < len(s) {
						r2, sz2 := decodeRune(s, end)
						if r2 < 0x80 || flagsOf(r2)&flagNonStarter == 0 {
							break
						}
						end += sz2
					}
					if norm.NFKC.IsNormalString(s[st:end]) && !changesAny(s[st:end], opt) {
						i = end
						continue
					}
				}
			}
			return i
		}
		i += size
	}
	return i
}

// run appends the normalization of s to n.b, given that s[:i] is known to
// be unchanged. Offsets recorded in the map are relative to s and to the
// start of s's output in n.b.
func (n *normalizer) run(s string, i int) {
	base := len(n.b)
	n.base = base
	n.b = append(n.b, s[:i]...)
	n.prevChanged, n.risky = false, false
	n.segIn, n.segOut = lastStarter(s, i), -1
	if n.segIn < i {
		// the starter before i was copied unchanged
		n.segOut = base + n.segIn
	}
	n.segBps = len(n.bps)
	opt := &n.opt
	p := n.plan
	for i < len(s) {
		if p != nil {
			// Copy the longest run of unchanged characters at once.
			if j := keepRun(s, i, p); j > i {
				n.mark(i)
				// Replacements of the same length (أ → ا, ة → ه, ى → ي …)
				// between such runs keep the offset map on the line
				// through the breakpoint just checked, so marking them and
				// the runs after them changes nothing: they are done here,
				// without leaving the loop. (Unless the last breakpoint
				// is at the current output position, where mark does not
				// check the line.)
				fuse := !n.wantMap || len(n.bps) == 0 || n.bps[len(n.bps)-1].norm != len(n.b)-n.base
				for {
					n.b = append(n.b, s[i:j]...)
					last := j - 1
					if s[last] >= utf8.RuneSelf {
						last = j - 2
					}
					n.segIn, n.segOut, n.segBps = last, len(n.b)-(j-last), len(n.bps)
					n.prevChanged = false
					i = j
					if !fuse || i+1 >= len(s) || s[i]-0xD8 > 3 || s[i+1]&0xC0 != 0x80 {
						break
					}
					e := &p.arabic[blockIndex(s[i], s[i+1])]
					if e.act != actReplace || e.n != 2 {
						break
					}
					n.segIn, n.segOut, n.segBps = i, len(n.b), len(n.bps)
					n.b = append(n.b, e.out[0], e.out[1])
					n.prevChanged = true
					i += 2
					if j = keepRun(s, i, p); j == i {
						break
					}
				}
				if i == len(s) {
					break
				}
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			n.mark(i)
			n.b = append(n.b, c)
			n.segIn, n.segOut, n.segBps = i, len(n.b)-1, len(n.bps)
			n.prevChanged = false
			i++
			continue
		}
		if p != nil {
			if k := arabicIndex(s, i); k >= 0 {
				e := &p.arabic[k]
				switch e.act {
				case actKeep:
					n.mark(i)
					n.segIn, n.segOut, n.segBps = i, len(n.b), len(n.bps)
					n.b = append(n.b, c, s[i+1])
					n.prevChanged = false
					i += 2
					continue
				case actReplace:
					n.mark(i)
					n.segIn, n.segOut, n.segBps = i, len(n.b), len(n.bps)
					n.b = append(n.b, e.out[:e.n]...)
					n.prevChanged = true
					i += 2
					continue
				case actDrop:
					n.prevChanged = true
					i += 2
					continue
				}
			}
		}
		r, size := decodeRune(s, i)
		if r == utf8.RuneError && size <= 1 {
			n.prevChanged = true
			i++ // drop the invalid byte; it ends any combining sequence
			n.segIn, n.segOut, n.segBps = i, len(n.b), len(n.bps)
			continue
		}
		fl := flagsOf(r)
		if opt.NFKC && fl&flagNonStarter != 0 {
			if _, keep := fold(r, opt); keep || isComposingMark(r) {
				// Recompute the whole combining sequence from the last starter.
				end := i + size
				for end < len(s) {
					r2, sz2 := decodeRune(s, end)
					if r2 < 0x80 || flagsOf(r2)&flagNonStarter == 0 {
						break
					}
					end += sz2
				}
				st := n.segIn
				if n.segOut < 0 || st > i {
					st = i
					n.segOut = len(n.b)
					n.segBps = len(n.bps)
				}
				n.b = n.b[:n.segOut]
				if n.wantMap {
					n.bps = n.bps[:n.segBps]
				}
				n.scratch = norm.NFKC.AppendString(n.scratch[:0], s[st:end])
				for _, r2 := range string(n.scratch) {
					n.emit(r2, st)
				}
				i = end
				continue
			}
			n.emit(r, i) // removed mark
			i += size
			continue
		}
		if fl&flagNonStarter == 0 {
			n.segIn, n.segOut, n.segBps = i, len(n.b), len(n.bps)
		}
		if opt.NFKC && fl&flagCompat != 0 {
			n.scratch = norm.NFKC.AppendString(n.scratch[:0], s[i:i+size])
			for _, r2 := range string(n.scratch) {
				n.emit(r2, i)
			}
			i += size
			continue
		}
		n.emit(r, i)
		i += size
	}
}

// lastStarter returns the start of the last rune before i that is not a
// combining mark (or i when there is none within reach).
func lastStarter(s string, i int) int {
	j := i
	for j > 0 && i-j < 64 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		j -= size
		if r < 0x80 || flagsOf(r)&flagNonStarter == 0 {
			return j
		}
	}
	return i
}

// changesAny reports whether folding would change any rune of s.
func changesAny(s string, opt *Options) bool {
	for _, r := range s {
		if f, keep := fold(r, opt); !keep || f != r {
			return true
		}
	}
	return false
}

// IsNormalized reports whether s is unchanged by normalization with opt.
func IsNormalized(s string, opt Options) bool {
	return NormalizeString(s, opt) == s
}
