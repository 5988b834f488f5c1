// Package dedup finds copies: canonical URLs (so one page read twice is one
// article), an exact hash of normalized content (so the same text under
// two URLs is one article), and 64-bit SimHash fingerprints over word
// shingles (so wire copy lightly edited by several outlets is grouped as
// one story).
package dedup

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/bits"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-project/marsad/arabic"
)

// trackingParams are query parameters that identify a campaign or a click,
// never the page. Parameters starting with "utm_" are dropped as well.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "yclid": true, "msclkid": true,
	"igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"ocid": true, "cmpid": true, "ito": true, "at_medium": true, "at_campaign": true,
	"spm": true, "ref_src": true, "ref_url": true,
}

// CanonicalURL returns the identity form of a URL: scheme and host lower
// case, http folded into https, "www." and default ports dropped, the
// fragment and tracking parameters (utm_*, fbclid, …) removed, remaining
// parameters sorted, a trailing slash removed, and the path in one
// encoding whether it was written percent-encoded or as raw Arabic: the
// IRI form (RFC 3987), where non-ASCII characters appear as themselves
// and ASCII is percent-encoded as in a URI. An empty input gives "".
func CanonicalURL(raw string) (string, error) {
	c, err := canonical(raw)
	if err != nil || c == "" {
		return c, err
	}
	// Malformed inputs (odd hosts, stray escapes) may not reach a fixed
	// point in one pass; they are not URLs worth identifying articles by.
	if again, err := canonical(c); err != nil || again != c {
		return "", fmt.Errorf("canonical url %q: not a well-formed URL", raw)
	}
	return c, nil
}

func canonical(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	if u.Host == "" && u.Scheme == "" {
		// "example.com/path" without a scheme.
		first, _, _ := strings.Cut(raw, "/")
		if looksLikeHost(first) {
			if v, err2 := url.Parse("https://" + raw); err2 == nil {
				u = v
			}
		}
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme == "http" {
		u.Scheme = "https"
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimRight(host, ".")
	host = strings.TrimPrefix(host, "www.")
	if strings.Contains(host, ":") && !strings.HasPrefix(host, "[") {
		host = "[" + host + "]" // IPv6 literal
	}
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	// One encoding of the path: Go re-encodes Path when RawPath is empty.
	u.RawPath = ""
	if len(u.Path) > 1 {
		u.Path = strings.TrimRight(u.Path, "/")
		if u.Path == "" {
			u.Path = "/"
		}
	}
	if u.Path == "/" {
		u.Path = ""
	}
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			// Keep an unparsable query as written: it may identify the page.
			return u.String(), nil
		}
		for k := range q {
			if trackingParams[strings.ToLower(k)] || strings.HasPrefix(strings.ToLower(k), "utm_") {
				delete(q, k)
			}
		}
		for _, v := range q {
			slices.Sort(v)
		}
		u.RawQuery = q.Encode() // Encode sorts by key
	}
	u.ForceQuery = false
	return iri(u.String()), nil
}

// looksLikeHost reports whether s is a dotted DNS name: labels of ASCII
// letters, digits and hyphens, at least two, the last not all digits.
func looksLikeHost(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := range len(l) {
			c := l[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	last := labels[len(labels)-1]
	return strings.Trim(last, "0123456789") != ""
}

// iri decodes the percent-encoded UTF-8 sequences of non-ASCII characters
// in a URI, leaving every ASCII escape as it is.
func iri(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		// Collect a run of %XX escapes of bytes >= 0x80.
		j := i
		var raw []byte
		for j+2 < len(s) && s[j] == '%' {
			v, ok := unhex(s[j+1], s[j+2])
			if !ok || v < 0x80 {
				break
			}
			raw = append(raw, v)
			j += 3
		}
		if len(raw) > 0 {
			if utf8.Valid(raw) {
				b.Write(raw)
			} else {
				b.WriteString(strings.ToUpper(s[i:j]))
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func unhex(a, c byte) (byte, bool) {
	h := func(x byte) (byte, bool) {
		switch {
		case '0' <= x && x <= '9':
			return x - '0', true
		case 'a' <= x && x <= 'f':
			return x - 'a' + 10, true
		case 'A' <= x && x <= 'F':
			return x - 'A' + 10, true
		}
		return 0, false
	}
	x, ok1 := h(a)
	y, ok2 := h(c)
	return x<<4 | y, ok1 && ok2
}

// Words returns the search-normalized, lower-cased words and numbers of
// tokenized text: what [ContentHash] and [SimHash] compare. Punctuation,
// quote marks and symbols are left out.
func Words(toks []arabic.Token) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		switch t.Kind {
		case arabic.KindArabic, arabic.KindNumber:
			out = append(out, t.Norm)
		case arabic.KindLatin:
			out = append(out, lower(t.Norm))
		}
	}
	return out
}

// lower lower-cases s, without allocating when it is already lower case.
func lower(s string) string {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return strings.ToLower(s)
		}
	}
	return s
}

func words(text string) []string { return Words(arabic.Tokenize(text)) }

// ContentHash is the hex SHA-256 (first 8 bytes) of the normalized words
// of title and body: the same text with different harakat, tatweel,
// spacing, punctuation or digit script hashes the same.
func ContentHash(title, body string) string {
	return ContentHashWords(words(title), words(body))
}

// ContentHashWords is [ContentHash] over words already split by [Words].
func ContentHashWords(title, body []string) string {
	h := sha256.New()
	buf := make([]byte, 0, 256)
	for _, part := range [][]string{title, body} {
		for _, w := range part {
			buf = append(buf, w...)
			buf = append(buf, ' ')
			if len(buf) > 200 {
				h.Write(buf)
				buf = buf[:0]
			}
		}
		buf = append(buf, '\n')
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// ShingleSize is the number of consecutive words in a SimHash shingle.
// Words are features too: on news-length texts, words plus word pairs
// keep a lightly edited copy within MaxDistance where longer shingles
// scatter it.
const ShingleSize = 2

// MinShingles is the number of shingles below which a SimHash is too
// unreliable to group texts (very short items, headlines only).
const MinShingles = 20

// SimHash is the 64-bit SimHash of the text's words and word shingles,
// and the number of shingles it was built from.
func SimHash(text string) (hash uint64, shingles int) { return SimHashWords(words(text)) }

// SimHashWords is [SimHash] over words already split by [Words].
func SimHashWords(ws []string) (hash uint64, shingles int) {
	if len(ws) < ShingleSize {
		return 0, 0
	}
	var ones [64]int32 // features with each bit set
	features := int32(0)
	add := func(x uint64) {
		x = mix(x)
		for b := range 64 {
			ones[b] += int32(x >> b & 1)
		}
		features++
	}
	wh := make([]uint64, len(ws))
	for i, w := range ws {
		wh[i] = fnv64(w)
		add(wh[i])
	}
	for i := 0; i+ShingleSize <= len(ws); i++ {
		x := wh[i]
		for _, y := range wh[i+1 : i+ShingleSize] {
			x = x*0x9e3779b97f4a7c15 ^ y
		}
		add(x)
		shingles++
	}
	for b := range 64 {
		if 2*ones[b] > features {
			hash |= 1 << b
		}
	}
	return hash, shingles
}

// fnv64 is FNV-1a over s.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := range len(s) {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix spreads FNV's bits (splitmix64 finalizer) so each SimHash bit is
// an even coin per feature.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Distance is the Hamming distance between two SimHashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// MaxDistance is the largest Hamming distance at which two SimHashes are
// taken as copies of one story. [Index] relies on it being below
// len(bandBits).
const MaxDistance = 6

// bandBits cuts a 64-bit hash into seven bands. Two hashes within
// distance 6 differ in at most six bands, so they agree on at least one.
var bandBits = [7]uint{9, 9, 9, 9, 9, 9, 10}

// Index finds a stored SimHash within [MaxDistance] of a new one: only
// hashes that agree with it on at least one band are compared. An Index
// is not safe for concurrent use.
type Index struct {
	bands [len(bandBits)]map[uint16][]entry
}

type entry struct {
	id   int64
	hash uint64
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	var x Index
	for i := range x.bands {
		x.bands[i] = make(map[uint16][]entry)
	}
	return &x
}

// band returns band i of hash.
func band(hash uint64, i int) uint16 {
	shift := uint(0)
	for _, b := range bandBits[:i] {
		shift += b
	}
	return uint16(hash>>shift) & (1<<bandBits[i] - 1)
}

// Add records a hash under an id.
func (x *Index) Add(id int64, hash uint64) {
	for i := range x.bands {
		k := band(hash, i)
		x.bands[i][k] = append(x.bands[i][k], entry{id, hash})
	}
}

// Nearest returns the id of the closest recorded hash within MaxDistance
// (the smallest id on ties) and its distance.
func (x *Index) Nearest(hash uint64) (id int64, dist int, ok bool) {
	dist = MaxDistance + 1
	for i := range x.bands {
		for _, e := range x.bands[i][band(hash, i)] {
			d := Distance(hash, e.hash)
			if d < dist || d == dist && ok && e.id < id {
				id, dist, ok = e.id, d, true
			}
		}
	}
	if !ok {
		return 0, 0, false
	}
	return id, dist, true
}

// Match is a recorded hash near a query: its id and Hamming distance.
type Match struct {
	ID   int64
	Dist int
}

// Near returns every recorded hash within MaxDistance of hash, closest
// first (smaller ids first on ties), each id once.
func (x *Index) Near(hash uint64) []Match {
	var out []Match
	for i := range x.bands {
		for _, e := range x.bands[i][band(hash, i)] {
			if d := Distance(hash, e.hash); d <= MaxDistance {
				out = append(out, Match{e.id, d})
			}
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		if a.Dist != b.Dist {
			return a.Dist - b.Dist
		}
		return cmp.Compare(a.ID, b.ID)
	})
	// A hash agreeing on several bands was found once per band.
	return slices.CompactFunc(out, func(a, b Match) bool { return a.ID == b.ID })
}

// JaccardShingleSize is the number of consecutive words in the shingles
// [Jaccard] compares: longer than SimHash's, so that it weighs word
// order SimHash mostly ignores.
const JaccardShingleSize = 3

// Jaccard is the Jaccard similarity of the sets of [JaccardShingleSize]
// word shingles of two texts split by [Words]: the share of shingles
// they have in common, from 0 (none) to 1 (the same set). A text
// shorter than a shingle counts as one shingle of all its words; two
// empty texts have similarity 0.
func Jaccard(a, b []string) float64 {
	sa, sb := shingleSet(a), shingleSet(b)
	if len(sa) == 0 || len(sb) == 0 {
		return 0
	}
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	common := 0
	for h := range sa {
		if _, ok := sb[h]; ok {
			common++
		}
	}
	return float64(common) / float64(len(sa)+len(sb)-common)
}

// shingleSet returns the hashes of the JaccardShingleSize-word shingles
// of ws.
func shingleSet(ws []string) map[uint64]struct{} {
	if len(ws) == 0 {
		return nil
	}
	k := min(JaccardShingleSize, len(ws))
	set := make(map[uint64]struct{}, len(ws)-k+1)
	for i := 0; i+k <= len(ws); i++ {
		h := fnv64(ws[i])
		for _, w := range ws[i+1 : i+k] {
			h = mix(h)*0x9e3779b97f4a7c15 ^ fnv64(w)
		}
		set[h] = struct{}{}
	}
	return set
}

// SureDistance is the largest SimHash distance at which a text is taken
// as a copy of a story's first text on the SimHash alone. Farther,
// SimHash also matches texts that share only the phrasing of their genre
// (the same opening formula, the same official titles), and a text found
// near a later copy of a story may have drifted from its first: such a
// text must also reach [MinJaccard] with the first.
const SureDistance = 3

// MinJaccard is the [Jaccard] similarity with a story's first text that
// a text farther from it than [SureDistance] must reach to join the
// story. Edited copies of one wire story share most of their three-word
// shingles; different stories written in the same register share few.
const MinJaccard = 0.2

// SameStory reports whether a text belongs to a story whose first text
// is at SimHash distance dist from it, the text being within
// [MaxDistance] of the first or of another copy of the story: dist at
// most [SureDistance], or a [Jaccard] similarity with the first text of
// at least [MinJaccard]. jaccard is called only when the distance alone
// does not decide.
func SameStory(dist int, jaccard func() float64) bool {
	return dist <= SureDistance || jaccard() >= MinJaccard
}
