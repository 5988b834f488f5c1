package entity

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
)

// form is one reading of a word: the word itself or the word without its
// proclitics (و ف ب ل ك, لل → ال).
type form struct {
	s    string // normalized
	skip int    // letters of the original word before the reading starts
}

// word is one word token of the text under analysis.
type word struct {
	start, end int // byte offsets in the text
	norm       string
	forms      [3]form
	nforms     int
	adj        bool      // only spaces separate it from the next word
	cls        wordClass // rule triggers of any reading
}

// cand is a candidate mention: words [i, j), the first one read from its
// skip-th letter.
type cand struct {
	i, j   int
	skip   int
	typ    string
	ent    int32   // lexicon entity, -1 for rule-found names
	alts   []int32 // homonyms of ent (same written form)
	amb    bool    // lexicon alias that is also a common word
	role   string  // for people introduced by a title
	rule   string  // which rule found it: lexicon, title, person, org, place, facility, fuzzy, …
	roleOK bool    // a role-only mention (title without a name)
}

func (c cand) n() int { return c.j - c.i }

// analysis is the state of one Annotate call.
type analysis struct {
	lx    *Lexicon
	text  string
	words []word
	// lexIdx memoizes lexiconAt: 0 not computed, -1 no match, k > 0 the
	// match is lexHits[k-1].
	lexIdx  []int32
	lexHits []cand
}

// Normalized forms of words the rules test for.
var (
	normBism     = norm("باسم")
	normLada     = norm("لدى")
	normAbd      = norm("عبد")
	normJaysh    = norm("جيش")
	normCapital  = norm("عاصمة")
	normDuwali   = norm("الدولي")
	normDuwaliya = norm("الدولية")
	normAli      = norm("علي")
	normHaraka   = norm("حركة")
	normQiyada   = norm("قيادة")
	normFi       = norm("في")
)

// prepAla is the matching form of the preposition على, kept apart from
// the given name علي that it folds to.
const prepAla = "على"

// clitic letters, normalized.
const (
	waw = "و"
	fa  = "ف"
	ba  = "ب"
	lam = "ل"
	al  = "ال"
)

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// readings fills w.forms with the word and its clitic-stripped readings.
func (w *word) readings() {
	w.forms[0] = form{s: w.norm}
	w.nforms = 1
	r, k := w.norm, 0
	if (strings.HasPrefix(r, waw) || strings.HasPrefix(r, fa)) && runeLen(r) >= 4 {
		r, k = r[len(waw):], 1
		w.forms[w.nforms] = form{s: r, skip: k}
		w.nforms++
	}
	switch {
	case strings.HasPrefix(r, lam+lam) && runeLen(r) >= 5:
		w.forms[w.nforms] = form{s: al + r[2*len(lam):], skip: k + 1}
		w.nforms++
	case (strings.HasPrefix(r, ba) || strings.HasPrefix(r, lam)) && runeLen(r) >= 4:
		w.forms[w.nforms] = form{s: r[len(ba):], skip: k + 1}
		w.nforms++
	}
}

// isSpaceRun reports whether s holds only horizontal white space and
// invisible marks.
func isSpaceRun(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\u00a0', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c',
			'#', '_': // hashtags: دونالد #ترمب, #حسين_فهمي
		default:
			return false
		}
	}
	return true
}

// newAnalysis tokenizes text into words.
func newAnalysis(lx *Lexicon, text string) *analysis {
	toks := arabic.Tokenize(text)
	a := &analysis{lx: lx, text: text, words: make([]word, 0, len(toks))}
	for _, t := range toks {
		if t.Kind == arabic.KindHashtag {
			// #حسين_فهمي: the words of a hashtag, '#' and '_' read as spaces.
			a.addHashtag(t)
			continue
		}
		if !t.Kind.IsWord() || t.Norm == "" {
			// A non-word token between two words breaks adjacency; the
			// isSpaceRun test below sees it in the gap text.
			continue
		}
		w := word{start: t.Start, end: t.End, norm: t.Norm}
		switch {
		case t.Kind == arabic.KindLatin:
			w.norm = strings.ToLower(t.Norm)
		case strings.HasSuffix(t.Norm, normAli) && strings.HasSuffix(strings.TrimRightFunc(t.Text, isMark), "ى") && len(t.Norm) <= len(normAli)+2*len(waw):
			// The preposition على (وعلى, فعلى) folds to the name علي; keep them apart.
			w.norm = strings.TrimSuffix(t.Norm, normAli) + prepAla
		}
		w.readings()
		for f := 0; f < w.nforms; f++ {
			w.cls |= lx.class[w.forms[f].s]
		}
		a.words = append(a.words, w)
	}
	for i := 0; i+1 < len(a.words); i++ {
		a.words[i].adj = isSpaceRun(text[a.words[i].end:a.words[i+1].start])
	}
	return a
}

// addHashtag adds the words of a hashtag token.
func (a *analysis) addHashtag(t arabic.Token) {
	start := t.Start + 1
	for start < t.End {
		end := start
		for end < t.End && a.text[end] != '_' {
			end++
		}
		if end > start {
			n := norm(a.text[start:end])
			if n != "" {
				w := word{start: start, end: end, norm: n}
				w.readings()
				for f := 0; f < w.nforms; f++ {
					w.cls |= a.lx.class[w.forms[f].s]
				}
				a.words = append(a.words, w)
			}
		}
		start = end + 1
	}
}

// skipLetters returns the byte offset in s after its first n letters and
// any marks (harakat, tatweel) that follow them.
func skipLetters(s string, n int) int {
	i := 0
	for n > 0 && i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !isMark(r) {
			n--
		}
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isMark(r) {
			break
		}
		i += size
	}
	return i
}

// isMark reports whether r is a mark that does not count as a letter.
func isMark(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640 || (r >= 0x06D6 && r <= 0x06ED) ||
		(r >= 0x200B && r <= 0x200F) || r == 0x061C
}

// definite reports whether normalized s starts with the article and has
// at least two letters after it.
func definite(s string) bool { return len(s) >= len(al)+4 && strings.HasPrefix(s, al) }

// normSet returns the set of the normalized forms of words. Tables built
// with it match word.norm whatever spelling they are written in.
func normSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[norm(w)] = true
	}
	return m
}

// qualifiers are words that may follow a title before the name.
var qualifiers = normSet(
	"السابق", "السابقه", "الاسبق", "الحالي", "الحاليه", "الجديد", "الجديده", "العام", "العامه",
	"الاعلي", "الاول", "الرسمي", "المساعد", "المكلف", "المنتخب", "الراحل", "الراحله", "المقال",
	"المستقيل", "الخاص", "الخاصه", "المنتهيه", "ولايته",
)

// pronounOrPlural reports whether a word ends like a noun with an attached
// pronoun (رغبته, دخوله) or a sound plural (متعاملون), never a name.
func pronounOrPlural(s string) bool {
	for _, suf := range []string{"ته", "وه", "ها", "هم", "ون", "ين", "ات"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// accusative reports whether word k carries tanween fath (مستشاراً),
// the mark of an indefinite accusative noun, never a name.
func (a *analysis) accusative(k int) bool {
	return strings.ContainsRune(a.text[a.words[k].start:a.words[k].end], '\u064B')
}

// cliticWithPronoun reports whether a word looks like preposition + noun +
// pronoun (بكامله, لصالحها), never a name.
func cliticWithPronoun(s string) bool {
	if !strings.HasPrefix(s, ba) && !strings.HasPrefix(s, lam) {
		return false
	}
	for _, suf := range []string{"ه", "ها", "هم", "نا", "كم", "هما"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// sonOf are the words of filiation in a name.
var sonOf = normSet("بن", "ابن", "بنت")

// startJoiners are joiners that may start a name (أبو مازن, عبد الله).
var startJoiners = normSet("ابو", "عبد")

// genitive reports whether word k is a clitic-prefixed noun heading a
// construct (لجهاز الاستخبارات, لصناعة النفط): ل/ب + word, then a definite word.
func (a *analysis) genitive(k int) bool {
	w := &a.words[k]
	if w.nforms < 2 || !(strings.HasPrefix(w.norm, lam) || strings.HasPrefix(w.norm, ba)) {
		return false
	}
	if definite(w.forms[w.nforms-1].s) {
		return true // للصحفيين, بالرقابة
	}
	return k+1 < len(a.words) && w.adj && definite(a.words[k+1].norm)
}

// nameJoiners are words that bind the next word into a person's name.
var nameJoiners = normSet("بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد", "ام", "ولد")

// plain reports whether the word may be an unknown name word: not a stop
// word, common word, demonym or cue.
func (a *analysis) plain(k int) bool {
	s := a.words[k].norm
	if a.lx.stop[s] || a.lx.common[s] || a.lx.demonyms[s] {
		return false
	}
	if _, ok := a.lx.cues[stripAl(s)]; ok {
		return false
	}
	if _, ok := a.lx.titles[s]; ok {
		return false
	}
	return true
}

// chain reports whether words i..j-1 are adjacent (no punctuation between).
func (a *analysis) chain(i, j int) bool {
	for k := i; k < j-1; k++ {
		if !a.words[k].adj {
			return false
		}
	}
	return true
}

// lexiconAt returns the longest lexicon phrase starting at word i. Results
// are memoized: the rules ask about the same word many times.
func (a *analysis) lexiconAt(i int) (cand, bool) {
	if a.lexIdx == nil {
		a.lexIdx = make([]int32, len(a.words))
	}
	switch k := a.lexIdx[i]; {
	case k < 0:
		return cand{ent: -1}, false
	case k > 0:
		return a.lexHits[k-1], true
	}
	c, ok := a.lexiconAtUncached(i)
	if ok {
		a.lexHits = append(a.lexHits, c)
		a.lexIdx[i] = int32(len(a.lexHits))
	} else {
		a.lexIdx[i] = -1
	}
	return c, ok
}

// lexiconAtUncached computes lexiconAt.
func (a *analysis) lexiconAtUncached(i int) (cand, bool) {
	best := cand{ent: -1}
	found := false
	w := &a.words[i]
	if w.cls&clsPhrase == 0 {
		return best, false // no reading of the word starts a lexicon name
	}
	for f := 0; f < w.nforms; f++ {
		fm := w.forms[f]
		for _, p := range a.lx.byFirst[fm.s] {
			L := len(p.toks)
			if found && L <= best.n() {
				break // phrases are longest first
			}
			if i+L > len(a.words) || !a.chain(i, i+L) {
				continue
			}
			ok := true
			for k := 1; k < L; k++ {
				if a.words[i+k].norm != p.toks[k] {
					ok = false
					break
				}
			}
			if !ok || (L == 1 && (a.lx.stop[fm.s] || a.lx.demonyms[fm.s] && fm.skip > 0)) {
				continue
			}
			if L == 1 && fm.skip >= 2 && runeLen(fm.s) < 4 {
				continue // فلكيا is no ف + ل + كيا
			}
			best = cand{i: i, j: i + L, skip: fm.skip, typ: a.lx.entities[p.ent].Type, ent: p.ent,
				amb: p.amb, rule: "lexicon"}
			found = true
			// Homonyms: other entities with the same written form.
			for _, q := range a.lx.byFirst[fm.s] {
				if q.ent != p.ent && len(q.toks) == L && equalToks(q.toks, p.toks) {
					best.alts = append(best.alts, q.ent)
				}
			}
		}
	}
	// One-letter typos in a long multi-word name (تنظيم الدولية الإسلامية).
	for f := 0; f < w.nforms; f++ {
		fm := w.forms[f]
		for _, p := range a.lx.byFirst[fm.s] {
			L := len(p.toks)
			if L < 2 || (found && L <= best.n()) || i+L > len(a.words) || !a.chain(i, i+L) {
				continue
			}
			if p.runes < 12 {
				continue
			}
			miss := 0
			for k := 1; k < L && miss < 2; k++ {
				x := a.words[i+k].norm
				if x == p.toks[k] {
					continue
				}
				if a.typo(x, p.toks[k]) {
					miss++
				} else {
					miss = 2
				}
			}
			if miss == 1 {
				best = cand{i: i, j: i + L, skip: fm.skip, typ: a.lx.entities[p.ent].Type, ent: p.ent, rule: "fuzzy"}
				found = true
			}
		}
	}
	if !found {
		return best, false
	}
	// A demonym that is also a country (السعودية) after a definite noun is
	// an adjective: الشركة السعودية.
	if best.n() == 1 && a.lx.demonyms[a.words[i].forms[0].s] && i > 0 && a.words[i-1].adj {
		prev := a.words[i-1].norm
		if definite(prev) && !a.lx.stop[prev] && !a.isCue(i-1) {
			return best, false
		}
	}
	return best, true
}

func equalToks(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isCue reports whether word k is a cue word in any reading.
func (a *analysis) isCue(k int) bool {
	return a.words[k].cls&clsCue != 0
}

// cueFor reports whether word k is an indefinite cue that introduces a
// name of type typ: an organization head for ORG (حركة فتح), a place or
// facility cue for LOC (مدينة العين).
func (a *analysis) cueFor(k int, typ string) bool {
	w := &a.words[k]
	for f := 0; f < w.nforms; f++ {
		s := w.forms[f].s
		if definite(s) {
			continue
		}
		switch a.lx.cues[s] {
		case cueOrgHead:
			if typ == marsad.ORG {
				return true
			}
		case cuePlace, cueFacility:
			if typ == marsad.LOC {
				return true
			}
		}
	}
	return false
}

// typo reports whether word x of the text is a one-letter typo of word y
// of a lexicon name: both of four letters or more, not one with a final ه
// more (ة read as ه), and not two given names (خالد بن محمد is not خالد
// بن أحمد).
func (a *analysis) typo(x, y string) bool {
	if !editWithin1(x, y) || runeLen(x) < 4 || runeLen(y) < 4 {
		return false
	}
	if x == y+"ه" || y == x+"ه" {
		return false
	}
	_, gx := a.lx.given[x]
	_, gy := a.lx.given[y]
	return !gx && !gy
}

// editWithin1 reports whether a and b differ by at most one rune insertion,
// deletion or substitution. It does not allocate: it runs on the lexicon
// lookup of every word.
func editWithin1(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > utf8.UTFMax {
		return false
	}
	i := 0 // common prefix, backed up to a rune start
	for i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && i < len(a) && !utf8.RuneStart(a[i]) {
		i--
	}
	ja, jb := len(a), len(b) // common suffix after the prefix
	for ja > i && jb > i && a[ja-1] == b[jb-1] {
		ja--
		jb--
	}
	for ja < len(a) && !utf8.RuneStart(a[ja]) {
		ja++
		jb++
	}
	return utf8.RuneCountInString(a[i:ja]) <= 1 && utf8.RuneCountInString(b[i:jb]) <= 1
}

// titleAt matches a title at word i and returns the index just after it
// and the reading used.
func (a *analysis) titleAt(i int) (int, int, bool) {
	w := &a.words[i]
	if w.cls&clsTitle == 0 {
		return 0, 0, false
	}
	for f := 0; f < w.nforms; f++ {
		rests, ok := a.lx.titles[w.forms[f].s]
		if !ok {
			continue
		}
		for _, rest := range rests {
			L := 1 + len(rest)
			if i+L > len(a.words) || !a.chain(i, i+L) {
				continue
			}
			ok := true
			for k, t := range rest {
				if a.words[i+1+k].norm != t {
					ok = false
					break
				}
			}
			if ok && L == 1 && w.forms[f].skip == 0 && definite(w.forms[f].s) && i > 0 && a.words[i-1].adj &&
				definite(a.words[i-1].norm) && !a.lx.stop[a.words[i-1].norm] {
				ok = false // المكتب الإعلامي: an adjective after a definite noun
			}
			if ok {
				return i + L, w.forms[f].skip, true
			}
		}
	}
	return 0, 0, false
}

// titled finds a title at word i followed by qualifiers and a name. It
// returns the person candidate (the name only, with the role), or a
// role-only candidate when no name follows.
func (a *analysis) titled(i int) (cand, bool) {
	k, skip, ok := a.titleAt(i)
	if !ok {
		return cand{}, false
	}
	nq := 0
	roleStart, roleSkip := i, skip
	for k < len(a.words) && a.words[k-1].adj && nq < 6 {
		x := a.words[k].norm
		if k2, skip2, ok := a.titleAt(k); ok {
			// Another title in the qualifiers: the role is the last one
			// (المستشار الاقتصادي للرئيس الصيني شي → الرئيس الصيني).
			roleStart, roleSkip = k, skip2
			k = k2
			nq++
			continue
		}
		switch {
		case a.lx.demonyms[x] || qualifiers[x]:
			k++
		case x == normBism || x == normLada:
			k++
		default:
			if c, ok := a.lexiconAt(k); ok && c.typ != marsad.PER {
				if _, g := a.lx.given[x]; g && c.n() == 1 && k+1 < len(a.words) && a.words[k].adj && a.plain(k+1) && !definite(a.words[k+1].norm) {
					goto name // رئيسة الوزراء الإيطالية جورجيا ميلوني
				}
				k = c.j
				break
			}
			if definite(x) && !a.lx.stop[x] && !a.startsPerson(k) {
				k++
				break
			}
			// لشؤون / للأمم: a genitive complement of the title.
			if a.words[k].nforms > 1 && definite(a.words[k].forms[a.words[k].nforms-1].s) && strings.HasPrefix(x, lam) {
				k++
				break
			}
			goto name
		}
		nq++
	}
name:
	rw := &a.words[roleStart]
	role := a.text[rw.start+skipLetters(a.text[rw.start:rw.end], roleSkip) : a.words[k-1].end]
	if roleSkip > 0 && strings.HasPrefix(rw.forms[0].s[len(waw)*(roleSkip-1):], lam+lam) {
		role = "ا" + role // للرئيس السابق → الرئيس السابق
	}
	if k < len(a.words) && a.words[k-1].adj {
		if j := a.personAt(k, true); j > k && (k > i+1 || !teamTitles[a.words[i].norm] || a.startsPerson(k)) {
			return cand{i: k, j: j, ent: -1, typ: marsad.PER, role: role, rule: "title"}, true
		}
	}
	if k > i+1 || nq > 0 {
		return cand{i: i, j: k, skip: skip, ent: -1, typ: marsad.PER, role: role, rule: "role", roleOK: true}, true
	}
	return cand{}, false
}

// teamTitles are titles that are also common nouns (الفريق: a lieutenant
// general, or "the team"); alone before an unknown word they need a known
// given name after them.
var teamTitles = normSet("الفريق", "والفريق")

// startsPerson reports whether word k starts a person name: a given name or
// a lexicon person.
func (a *analysis) startsPerson(k int) bool {
	if _, ok := a.lx.given[a.words[k].norm]; ok {
		return true
	}
	if c, ok := a.lexiconAt(k); ok && c.typ == marsad.PER {
		return true
	}
	return false
}

// personAt returns the end of a person name starting at word k, or k when
// there is none. titled is true after a title, which allows an unknown
// first word (a foreign name).
func (a *analysis) personAt(k int, titled bool) int {
	if k >= len(a.words) {
		return k
	}
	first := a.words[k].norm
	if c, ok := a.lexiconAt(k); ok && c.typ == marsad.PER {
		return c.j
	}
	g, isGiven := a.lx.given[first]
	switch {
	case isGiven && !g.amb && !g.noun && definite(first) && !a.genitive(k):
		// A given name that looks definite (ألبرت, ألكسندر).
	case definite(first) || a.genitive(k):
		return k
	case isGiven:
	case startJoiners[first]:
	case titled && a.plain(k) && !definite(first) && !a.lx.common[first] && !a.verbLike(first) && !strings.HasPrefix(first, waw) &&
		!cliticWithPronoun(first) && !a.accusative(k):
	default:
		return k
	}
	j := a.extendName(k, k, titled)
	if titled {
		if !isGiven && !startJoiners[first] {
			// An unknown name after a title: one or two words, then a
			// clear boundary (punctuation, a stop word, another title).
			j = min(j, k+2)
			if j < len(a.words) && a.words[j-1].adj {
				nx := a.words[j].norm
				_, isTitle := a.lx.titles[nx]
				if !a.lx.stop[nx] && !speechLinks[nx] && !isTitle && nx != normAli {
					return k // (علي: the preposition على spelt with ي)
				}
			}
		}
		return j
	}
	if j-k < 2 {
		if isGiven && !g.amb && !g.noun && a.loneGiven(k) {
			return k + 1 // a given name alone: وأوضح فارس أنه …
		}
		return k
	}
	if isGiven && g.amb {
		// An ambiguous given name needs a name word after it.
		nx := a.words[k+1].norm
		_, nextGiven := a.lx.given[nx]
		_, knownSurname := a.lx.surnames[nx]
		if !nextGiven && !nameJoiners[nx] && !knownSurname {
			return k
		}
	}
	return j
}

// loneGiven reports whether the unambiguous given name at word k, with no
// family name after it, is a person's name on its own: a long enough name
// not glued to a noun phrase around it (a definite word or a number right
// after it suggests a common-word reading).
func (a *analysis) loneGiven(k int) bool {
	if runeLen(a.words[k].norm) < 3 {
		return false
	}
	if k+1 < len(a.words) && a.words[k].adj {
		nx := a.words[k+1].norm
		if _, isTitle := a.lx.titles[nx]; isTitle {
			return true
		}
		if definite(nx) && !a.lx.stop[nx] {
			return false
		}
	}
	return true
}

// cliticPerson finds a person name whose first word carries a proclitic
// (ومحمد علي, لتامر حسني): it returns the letters to skip and the end, or
// end == i when there is none.
func (a *analysis) cliticPerson(i int) (skip, end int) {
	w := &a.words[i]
	for f := 1; f < w.nforms; f++ {
		g, ok := a.lx.given[w.forms[f].s]
		if !ok || g.amb || g.noun || definite(w.forms[f].s) {
			continue
		}
		j := a.extendName(i, i, false)
		if j-i < 2 {
			continue
		}
		if !strings.HasPrefix(w.norm, waw) || w.forms[f].skip > 1 {
			// ب/ل + a name (لتامر حسني) needs a name word after it: بفضل
			// and بأسماء are prepositional phrases.
			nx := a.words[i+1].norm
			_, nextGiven := a.lx.given[nx]
			_, knownSurname := a.lx.surnames[nx]
			if !nextGiven && !knownSurname && !a.familyName(i+1) {
				continue
			}
		}
		return w.forms[f].skip, j
	}
	return 0, i
}

// extendName extends a name whose last word so far is at `last` (the name
// starts at k) and returns the end.
func (a *analysis) extendName(last, k int, titled bool) int {
	j := last + 1
	// A name is at most five words, or eight in a chain of filiation
	// (حمد بن جاسم بن جبر آل ثاني).
	maxLen := 5
	for j < len(a.words) && a.words[j-1].adj && j-k < maxLen {
		x := a.words[j].norm
		prev := a.words[j-1].norm
		if nameJoiners[prev] && j-1 >= k {
			// بن / أبو / عبد bind the next word (عبد الله, أبو مازن).
			if a.lx.stop[x] && prev != normAbd {
				return j - 1
			}
			if sonOf[prev] || prev == "ال" {
				maxLen = 8
			}
			j++
			continue
		}
		if regnal[x] && j-k <= 2 {
			j++
			break // محمد الخامس, إبراهيم خان الأول: a ruler's ordinal ends the name
		}
		if !a.plain(j) {
			break
		}
		if c, ok := a.lexiconAt(j); ok && c.typ != marsad.PER && !c.amb {
			break
		}
		if _, ok := a.lx.given[x]; ok {
			if x == normAli && j-k >= 2 {
				if _, pg := a.lx.given[prev]; !pg && !nameJoiners[prev] {
					break // دافيدنكو علي الروسي: the preposition على spelt علي
				}
			}
			j++
			continue
		}
		if nameJoiners[x] {
			j++
			continue
		}
		if strings.HasPrefix(x, waw) || a.genitive(j) || a.accusative(j) || cliticWithPronoun(x) {
			break // و starts a new clause (هادي العامري ويضم); بمكتبه is no name
		}
		if definite(x) {
			_, knownSurname := a.lx.surnames[x]
			pg, prevGiven := a.lx.given[prev]
			familyAfterGiven := prevGiven && !pg.amb && !pg.noun && !a.lx.demonyms[x] && !a.lx.stop[x]
			if a.lx.common[x] || (j-k >= 2 && !strings.HasSuffix(x, "ي") && !sonOf[prev] && !nameJoiners[prev] &&
				!knownSurname && !familyAfterGiven) {
				break // هادي العامري, عمر حسن البشير, but not مهدي مبروك المختص
			}
			j++
			break // a family name with ال ends the name
		}
		if a.verbLike(x) && !a.tchName(j, prev) && !a.russianName(j, prev) {
			break
		}
		if !titled && (strings.HasSuffix(x, "ات") || ((strings.HasSuffix(x, "ين") || strings.HasSuffix(x, "ون")) && !a.foreignSurname(j, prev))) {
			break
		}
		if a.lx.common[x] {
			break
		}
		j++
		if !titled {
			break // an unknown family name ends an untitled name
		}
	}
	// Do not end on a joiner.
	if j-1 > k && nameJoiners[a.words[j-1].norm] {
		j--
	}
	return j
}

// foreignSurname reports whether word j, ending like a plural (ـون, ـين),
// is more likely a family name (كلينتون, هاملتون, بيرلسكوني): it follows an
// unambiguous given name, is long enough and has no article or clitic reading.
func (a *analysis) foreignSurname(j int, prev string) bool {
	g, ok := a.lx.given[prev]
	if !ok || g.amb || g.noun {
		return false
	}
	x := a.words[j].norm
	if strings.HasSuffix(x, "ين") {
		return runeLen(x) >= 6 && a.words[j].nforms == 1 // not a dual (هدفين)
	}
	return runeLen(x) >= 5 && a.words[j].nforms == 1
}

// foreignSurnameEndings end family names transliterated from Slavic,
// Georgian, Armenian and Turkish (ميلوسيفيتش, كوفالسكي, تيموشينكو,
// ساكاشفيلي, أوغلو), rarely an Arabic word.
var foreignSurnameEndings = []string{"فيتش", "يتش", "فسكي", "سكي", "ينكو", "شفيلي", "اوغلو", "وفيتش", "وفسكي", "يفسكي"}

// foreignShape reports whether word i, in no lexicon, has the shape of a
// foreign family name on its own.
func (a *analysis) foreignShape(i int) bool {
	x := a.words[i].norm
	for _, suf := range foreignSurnameEndings {
		if strings.HasSuffix(x, suf) {
			return runeLen(x) >= 5 && !definite(x) && a.plain(i) && !a.lx.common[x]
		}
	}
	return false
}

// tchName reports whether word j, which starts like an imperfect verb,
// is rather a transliterated family name with "ch" (تشيرنوف, تشافيز):
// it starts with تش, is long, and follows an unambiguous given name.
func (a *analysis) tchName(j int, prev string) bool {
	g, ok := a.lx.given[prev]
	x := a.words[j].norm
	return ok && !g.amb && !g.noun && strings.HasPrefix(x, "تش") && runeLen(x) >= 6
}

// russianName reports whether word j, which starts like an imperfect verb,
// is rather a Russian family name (تروتنيف, تيموفييف): it ends
// in ـيف or ـوف, is long, and follows an unambiguous given name.
func (a *analysis) russianName(j int, prev string) bool {
	g, ok := a.lx.given[prev]
	x := a.words[j].norm
	return ok && !g.amb && !g.noun && (strings.HasSuffix(x, "يف") || strings.HasSuffix(x, "وف")) && runeLen(x) >= 6
}

// regnal are the ordinals that follow a ruler's or pope's name (محمد
// الخامس, بنديكت السادس عشر is cut after السادس).
var regnal = normSet("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر")

// verbLike reports whether an unknown word looks like an imperfect verb
// (يقول, ستزور), which rarely continues a name.
func (a *analysis) verbLike(s string) bool {
	if runeLen(s) < 3 {
		return false
	}
	for _, p := range []string{"ي", "ت", "سي", "ست", "سن"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// definiteHeads are organization heads that start a name even with the
// article, when followed by at least two complements (الهيئة التنسيقية
// للمقاومة العراقية).
var definiteHeads = normSet(
	"هيئه", "مجلس", "منظمه", "جبهه", "حزب", "اتحاد", "حركه", "لجنه", "محكمه", "مفوضيه",
	"جمعيه", "شركه", "مؤسسه", "موسسه", "وكاله", "ائتلاف", "تحالف", "بنك", "مصرف", "جامعه",
	"مركز", "معهد", "جماعه", "رابطه", "نقابه", "قياده", "بعثه",
)

// orgAt applies the organization-head rule at word i.
func (a *analysis) orgAt(i int) (cand, bool) {
	w := &a.words[i]
	if w.cls&(clsCue|clsArmy) == 0 {
		return cand{}, false
	}
	for f := 0; f < w.nforms; f++ {
		fm := w.forms[f]
		head := stripAl(fm.s)
		def := definite(fm.s)
		if head == normJaysh && def && i+1 < len(a.words) && w.adj && a.lx.demonyms[a.words[i+1].norm] && definite(a.words[i+1].norm) {
			return cand{i: i, j: i + 2, skip: fm.skip, typ: marsad.ORG, ent: -1, rule: "army"}, true // الجيش السوداني
		}
		if a.lx.cues[head] != cueOrgHead {
			continue
		}
		if def && !definiteHeads[head] {
			continue
		}
		if head == normHaraka && i+1 < len(a.words) && notMovements[a.words[i+1].norm] {
			continue // حركة القطارات: traffic, not a movement
		}
		if head == normQiyada && def && (i+1 >= len(a.words) || !commandRegions[a.words[i+1].norm]) {
			continue // القيادة السياسية: leadership, not a command
		}
		k := i + 1
		count, dem, firstDem, lamSeen := 0, 0, false, false
		for k < len(a.words) && a.words[k-1].adj && count < 8 {
			x := a.words[k].norm
			if x == normFi && lamSeen && missionHeads[head] && k+1 < len(a.words) && a.words[k].adj {
				// بعثة … للدعم في ليبيا: a mission's place ends its name.
				if c, ok := a.lexiconAt(k + 1); ok && c.typ == marsad.LOC && c.skip == 0 && !c.amb {
					k = c.j
					count++
					goto done
				}
			}
			if a.lx.stop[x] {
				break
			}
			if _, isTitle := a.lx.titles[x]; isTitle && count > 0 {
				break
			}
			if c, ok := a.lexiconAt(k); ok && !c.amb {
				// (An alias that is also a common word, such as a place
				// named المعادي, is read as the word here.)
				if c.typ == marsad.PER && count == 0 && c.skip == 0 && !def && eponymHeads[head] {
					// Named after a known person: جامعة السلطان قابوس.
					k = c.j
					count++
					continue
				}
				if c.typ == marsad.PER || c.skip > 0 {
					break
				}
				k = c.j
				count++
				if n := a.lamComplement(k); n > 0 && a.words[k-1].adj {
					continue // بعثة الاتحاد الأفريقي لحفظ السلام
				}
				goto done // a named complement ends the name: حركة حماس
			}
			if _, isTitle := a.lx.titles[x]; isTitle && k+1 < len(a.words) && a.words[k].adj {
				// Named after a person: مركز الملك سلمان للإغاثة.
				if j := a.personAt(k+1, true); j > k+1 {
					k = j
					count++
					continue
				}
			}
			if n := a.lamComplement(k); n > 0 && count > 0 {
				// للانتخابات, لحفظ السلام: a complement with ل.
				lamSeen = true
				count += n
				k += n
				continue
			}
			if count > 0 && a.andComplement(k) {
				// هيئة الإذاعة والتلفزيون: complements joined by و.
				count++
				k++
				continue
			}
			switch {
			case definite(x) && count > 0 && !nisba(x) && !a.lx.demonyms[x] && a.lamComplement(k+1) == 0:
				goto done // مجموعة الفن المملوكة: a participle, not part of the name
			case definite(x):
			default:
				goto done
			}
			if a.lx.demonyms[x] {
				dem++
				if count == 0 {
					firstDem = true
				}
			}
			count++
			k++
		}
	done:
		if count == 0 || (count == dem && !def && count == 1 && firstDem) {
			continue
		}
		if def && (count < 2 || count == dem || firstDem) {
			continue
		}
		return cand{i: i, j: k, skip: fm.skip, typ: marsad.ORG, ent: -1, rule: "org"}, true
	}
	return cand{}, false
}

// lamComplement returns how many words from word k make a complement
// introduced by ل: one definite word (للانتخابات, للبترول) or an
// indefinite noun with its definite genitive (لحفظ السلام). It returns 0
// when there is none.
func (a *analysis) lamComplement(k int) int {
	if k >= len(a.words) || k == 0 || !a.words[k-1].adj {
		return 0
	}
	wk := &a.words[k]
	x := wk.norm
	if wk.nforms < 2 || !strings.HasPrefix(x, lam) {
		return 0
	}
	if c, ok := a.lexiconAt(k); ok && c.typ == marsad.PER {
		return 0
	}
	rest := wk.forms[wk.nforms-1].s
	if definite(rest) {
		return 1
	}
	if runeLen(rest) < 3 || a.lx.stop[rest] || k+1 >= len(a.words) || !wk.adj {
		return 0
	}
	y := a.words[k+1].norm
	if !definite(y) || a.lx.stop[y] || a.lx.demonyms[y] {
		return 0
	}
	return 2
}

// andComplement reports whether word k is a definite noun joined by و
// (والتلفزيون, والنشر) that continues an organization's name.
func (a *analysis) andComplement(k int) bool {
	wk := &a.words[k]
	if !strings.HasPrefix(wk.norm, waw) || wk.nforms < 2 {
		return false
	}
	rest := wk.forms[1].s
	if wk.forms[1].skip != 1 || !definite(rest) || a.lx.stop[rest] || a.lx.common[rest] || a.lx.demonyms[rest] {
		return false
	}
	if _, ok := a.lx.cues[stripAl(rest)]; ok {
		return false // والمجلس: another body
	}
	if _, ok := a.lexiconAt(k); ok {
		return false // وبغداد, والأمم المتحدة: another entity
	}
	return true
}

// missionHeads are organization heads whose names may end with في and
// the place they serve (بعثة الأمم المتحدة في العراق).
var missionHeads = normSet("بعثه", "قوه")

// commandRegions follow القيادة when it names a military command
// (القيادة المركزية), not a leadership.
var commandRegions = normSet("المركزيه", "الشماليه", "الجنوبيه", "الاوروبيه", "الافريقيه", "الاوسطي", "الهنديه")

// nisba reports whether a normalized word ends like a relational
// adjective (الدولي, الإسلامية, الشعبيين).
func nisba(s string) bool {
	for _, suf := range []string{"ي", "يه", "يين", "يون", "يات"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// notMovements follow حركة when it means traffic or trade, not a
// political movement.
var notMovements = normSet(
	"السير", "المرور", "الملاحة", "الطيران", "الطائرات", "القطارات", "السكك", "النقل",
	"التجارة", "الأسواق", "الأسعار", "السفن", "البيع", "الشراء", "التداول", "النزوح",
	"اللاجئين", "الاحتجاجات", "المسافرين", "الشحن", "البضائع", "الأموال", "السياحة",
)

// strictPlaceCues need a definite or known name after them.
var strictPlaceCues = normSet("ناحيه", "منطقه", "حي", "جبل", "وادي", "ريف", "صحراء", "جزيره")

// namedFacilities are facility cues nearly always followed by a name,
// even an indefinite one (ملعب أنفيلد).
var namedFacilities = normSet("ملعب", "استاد", "مطار", "ميناء", "معبر", "سجن", "فندق")

// placeAt applies the place-cue rules at word i: a PLACE cue gives a
// candidate for the words after it, a FACILITY cue one that includes it.
func (a *analysis) placeAt(i int) (cand, bool) {
	w := &a.words[i]
	if w.cls&clsCue == 0 {
		return cand{}, false
	}
	if i+1 >= len(a.words) || !w.adj {
		return cand{}, false
	}
	for f := 0; f < w.nforms; f++ {
		fm := w.forms[f]
		head := stripAl(fm.s)
		kind := a.lx.cues[head]
		if kind != cuePlace && kind != cueFacility {
			continue
		}
		if definite(fm.s) && head != normCapital {
			continue
		}
		if fm.skip > 0 && strictPlaceCues[head] {
			continue // لناحية: "as regards", not a district
		}
		k := i + 1
		if c, ok := a.lexiconAt(k); ok {
			if kind == cueFacility && c.typ == marsad.LOC && c.skip == 0 && !c.amb {
				j := c.j
				if j < len(a.words) && a.words[j-1].adj && (a.words[j].norm == normDuwali || a.words[j].norm == normDuwaliya) {
					j++
				}
				return cand{i: i, j: j, skip: fm.skip, typ: marsad.LOC, ent: -1, rule: "facility"}, true
			}
			return cand{}, false
		}
		x := a.words[k].norm
		if !a.plain(k) || a.lx.common[x] || strings.HasPrefix(x, waw) {
			return cand{}, false
		}
		if _, ok := a.lx.given[x]; ok && !nameJoiners[x] {
			return cand{}, false
		}
		if kind == cueFacility {
			named := namedFacilities[head] && !a.verbLike(x) && !strings.HasSuffix(x, "ي") && !strings.HasSuffix(x, "يه")
			if !definite(x) && !nameJoiners[x] && !named {
				return cand{}, false
			}
			j := k + 1
			if nameJoiners[x] && j < len(a.words) && a.words[k].adj {
				j++
			}
			return cand{i: i, j: j, skip: fm.skip, typ: marsad.LOC, ent: -1, rule: "facility"}, true
		}
		if strictPlaceCues[head] && !definite(x) {
			return cand{}, false
		}
		if !definite(x) && (strings.HasSuffix(x, "يه") || strings.HasPrefix(x, "سي") || strings.HasPrefix(x, "ست")) {
			return cand{}, false // an adjective (تاريخية) or a future verb (ستشهد)
		}
		j := k + 1
		if !definite(x) && j < len(a.words) && a.words[k].adj && a.plain(j) && !a.lx.common[a.words[j].norm] &&
			!strings.HasPrefix(a.words[j].norm, waw) && !strings.HasSuffix(a.words[j].norm, "يه") {
			if _, ok := a.lexiconAt(j); !ok {
				j++
			}
		}
		return cand{i: k, j: j, typ: marsad.LOC, ent: -1, rule: "place"}, true
	}
	return cand{}, false
}

// scan finds candidate mentions left to right, longest first, and the
// role-only mentions (a title with no name after it).
func (a *analysis) scan(ctx context.Context) (out, roles []cand, err error) {
	n := len(a.words)
	// Anchored candidates: a name introduced by a title or a place cue
	// starts at a later word.
	anchored := make(map[int]cand)
	facilities := make(map[int]cand)
	named := make(map[int]cand) // by the position of the descriptor
	for i := 0; i < n; i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		if c, ok := a.titled(i); ok {
			if old, dup := anchored[c.i]; !dup || c.n() > old.n() {
				anchored[c.i] = c
			}
			continue
		}
		if c, ok := a.afterDemonym(i); ok {
			if _, dup := anchored[c.i]; !dup {
				anchored[c.i] = c
			}
			continue
		}
		if c, ok := a.reportedAt(i); ok {
			if _, dup := anchored[c.i]; !dup {
				anchored[c.i] = c
			}
			continue
		}
		if c, ok := a.namedOrgAt(i); ok {
			named[i] = c
			continue
		}
		if c, ok := a.placeAt(i); ok {
			if c.rule == "facility" {
				facilities[i] = c
			} else if _, dup := anchored[c.i]; !dup {
				anchored[c.i] = c
			}
		}
	}
	for i := 0; i < n; {
		var best cand
		have := false
		consider := func(c cand, ok bool) {
			if ok && c.i == i && (!have || c.n() > best.n()) {
				best, have = c, true
			}
		}
		lex, lexOK := a.lexiconAt(i)
		if lexOK && lex.typ == marsad.ORG && lex.n() > 1 && a.lx.named[stripAl(a.words[i].forms[a.words[i].nforms-1].s)] {
			// شركة أرامكو: the descriptor stays outside a known name too.
			if in, ok := a.lexiconAt(i + 1); ok && in.ent == lex.ent && in.j == lex.j && in.skip == 0 {
				out = append(out, in)
				i = in.j
				continue
			}
		}
		if nc, ok := a.namedAt(named, i); ok && (!lexOK || lex.j <= nc.i) {
			// صحيفة تايمز: the descriptor stays outside the name.
			out = append(out, nc)
			i = nc.j
			continue
		}
		if lexOK && lex.typ != marsad.PER && lex.n() == 1 && a.words[i].adj && i+1 < n && sonOf[a.words[i+1].norm] {
			// الخليل بن أحمد: a place name used as a given name.
			if j := a.extendName(i, i, true); j > i+2 {
				lex = cand{i: i, j: j, skip: lex.skip, typ: marsad.PER, ent: -1, rule: "person"}
			}
		}
		if lexOK && lex.typ == marsad.PER && lex.j < n && a.words[lex.j-1].adj &&
			(sonOf[a.words[lex.j].norm] || a.words[lex.j].norm == "ال") {
			// حمد بن جاسم بن جبر آل ثاني: a known name with more of its
			// chain of filiation.
			if j := a.extendName(lex.j-1, i, false); j > lex.j+1 {
				lex.j = j
			}
		}
		if lexOK && lex.typ == marsad.MISC && a.words[lex.j-1].adj {
			// جائزة نوبل للآداب: a known event or prize with its complement.
			if j := a.eventTail(lex.j, false); j > lex.j {
				lex = cand{i: lex.i, j: j, skip: lex.skip, typ: marsad.MISC, ent: -1, rule: "event"}
			}
		}
		if c, ok := a.clubAt(lex, lexOK); ok {
			lex, lexOK = c, true
		}
		consider(lex, lexOK)
		consider(a.eventAt(i))
		consider(a.compassAt(i))
		anc, ancOK := anchored[i]
		if ancOK && lexOK && lex.typ == marsad.PER && anc.typ == marsad.PER && !anc.roleOK {
			// A known person after a title: keep the lexicon identity and the role.
			if anc.n() <= lex.n() {
				best.role = anc.role
			}
		}
		consider(anc, ancOK && !anc.roleOK)
		consider(a.orgAt(i))
		fac, facOK := facilities[i]
		consider(fac, facOK)
		if !have {
			consider(a.firstNameAt(i))
		}
		if !have {
			if j := a.personAt(i, false); j > i {
				consider(cand{i: i, j: j, ent: -1, typ: marsad.PER, rule: "person"}, true)
			} else if skip, j := a.cliticPerson(i); j > i {
				consider(cand{i: i, j: j, skip: skip, ent: -1, typ: marsad.PER, rule: "person"}, true)
			} else if a.foreignShape(i) {
				consider(cand{i: i, j: i + 1, ent: -1, typ: marsad.PER, rule: "shape"}, true)
			}
		}
		if !have && ancOK && anc.roleOK {
			// A title without a name: kept aside for linking by role; the
			// words inside it may still hold entities (رئيس وزراء إسرائيل).
			roles = append(roles, anc)
		}
		if !have {
			i++
			continue
		}
		if best.rule == "lexicon" && best.typ == marsad.PER && best.n() > 1 {
			// A lexicon name written with its title (الملك فيصل): the
			// mention is the name, as after any title.
			if k, _, ok := a.titleAt(best.i); ok && k < best.j {
				best.i, best.skip = k, 0
			}
		}
		out = append(out, best)
		i = best.j
	}
	return out, roles, nil
}

// eponymHeads are organization heads often named after a person (جامعة
// الملك سعود, مؤسسة محمد بن راشد).
var eponymHeads = normSet("جامعة", "مؤسسة", "مركز", "كلية", "معهد", "صندوق", "أكاديمية", "جائزة", "مدرسة", "مكتبة", "مستشفى")

// firstNameAt finds a first name at word i before a known family name
// that the lexicon has alone (سيب بلاتر, دييغو مارادونا, جينسون باتون):
// a given name, or after a reporting verb, title or demonym an unknown
// word that may be one. The person is the
// lexicon's when the first names agree (one letter apart at most), else a
// person of its own.
func (a *analysis) firstNameAt(i int) (cand, bool) {
	if i+1 >= len(a.words) || !a.words[i].adj {
		return cand{}, false
	}
	sur, ok := a.lexiconAt(i + 1)
	if !ok || sur.typ != marsad.PER || sur.n() != 1 || sur.skip != 0 {
		return cand{}, false
	}
	full := normTokens(a.lx.entities[sur.ent].Name)
	if len(full) < 2 {
		return cand{}, false
	}
	x := a.words[i].norm
	_, given := a.lx.given[x]
	if !given && !a.personContext(i) {
		return cand{}, false
	}
	if !given {
		_, title := a.lx.titles[x]
		_, lex := a.lexiconAt(i)
		if lex || title || !a.plain(i) || definite(x) || a.words[i].nforms > 1 || a.verbLike(x) ||
			runeLen(x) < 3 || a.accusative(i) || pronounOrPlural(x) {
			return cand{}, false
		}
	}
	c := cand{i: i, j: sur.j, ent: sur.ent, typ: marsad.PER, rule: "first name"}
	if x != full[0] && !editWithin1(x, full[0]) {
		c.ent = -1 // another person of that family name
	}
	return c, true
}

// sporting follows a club's name (الوداد الرياضي).
var sporting = normSet("الرياضي", "الرياضيه")

// clubAt finds a known sports club whose short name is also a common
// word, followed by الرياضي (الرجاء الرياضي): the pair is unambiguous.
func (a *analysis) clubAt(lex cand, lexOK bool) (cand, bool) {
	if !lexOK || lex.typ != marsad.ORG || lex.j >= len(a.words) || !a.words[lex.j-1].adj || !sporting[a.words[lex.j].norm] {
		return cand{}, false
	}
	lex.j++
	lex.amb = false
	return lex, true
}

// eventHeads start the names of events, fairs and prizes (معرض, جائزة).
var eventHeads = normSet("معرض", "جائزه", "مهرجان", "مؤتمر", "موتمر", "منتدي", "بطوله", "ماراثون")

// eventAt finds an event named by its head, a known name and at least one
// adjective or ل-complement: معرض القاهرة الدولي للكتاب, مؤتمر ميونيخ للأمن.
func (a *analysis) eventAt(i int) (cand, bool) {
	w := &a.words[i]
	if !eventHeads[w.norm] || !w.adj || i+1 >= len(a.words) {
		return cand{}, false
	}
	c, ok := a.lexiconAt(i + 1)
	if !ok || c.skip > 0 || c.amb || c.typ == marsad.MISC || !a.words[c.j-1].adj {
		return cand{}, false
	}
	j := a.eventTail(c.j, true)
	if j == c.j {
		return cand{}, false
	}
	return cand{i: i, j: j, typ: marsad.MISC, ent: -1, rule: "event"}, true
}

// eventTail returns where an event's name ends when its core ends before
// word k: after relational adjectives (الدولي, السينمائي) when adj allows
// them, then ل-complements (للكتاب, للأمن).
func (a *analysis) eventTail(k int, adj bool) int {
	for adj && k < len(a.words) && a.words[k-1].adj {
		x := a.words[k].norm
		if !definite(x) || !nisba(x) || a.lx.demonyms[x] || a.lx.stop[x] {
			break
		}
		k++
	}
	for n := 0; n < 3 && k < len(a.words); n++ {
		m := a.lamComplement(k)
		if m == 0 {
			break
		}
		k += m
	}
	return k
}

// compassPoints name a region when they precede one (شمال دارفور).
var compassPoints = normSet("شمال", "جنوب", "شرق", "غرب", "وسط")

// compassAt finds a compass point and a known place as one place name:
// after a place cue (ولاية جنوب كردفان) or before a region that is neither
// a country nor inside a listed country (شمال سيناء). Before a city or a
// country the compass point is a direction (شمال العراق, جنوب كركوك).
func (a *analysis) compassAt(i int) (cand, bool) {
	w := &a.words[i]
	if !compassPoints[w.norm] || !w.adj || i+1 >= len(a.words) {
		return cand{}, false
	}
	c, ok := a.lexiconAt(i + 1)
	if !ok || c.typ != marsad.LOC || c.skip > 0 || c.amb || c.ent < 0 {
		return cand{}, false
	}
	afterCue := false
	if i > 0 && a.words[i-1].adj {
		p := &a.words[i-1]
		for f := 0; f < p.nforms; f++ {
			if a.lx.cues[stripAl(p.forms[f].s)] == cuePlace {
				afterCue = true
			}
		}
	}
	e := &a.lx.entities[c.ent]
	region := !definite(a.words[i+1].norm) && e.Parent == "" && !a.lx.parents[e.norm]
	if !afterCue && !region {
		return cand{}, false
	}
	return cand{i: i, j: c.j, typ: marsad.LOC, ent: -1, rule: "compass"}, true
}

// namedAt returns the candidate found after the descriptor at word i.
func (a *analysis) namedAt(named map[int]cand, i int) (cand, bool) {
	if a.words[i].cls&clsCue == 0 || len(named) == 0 {
		return cand{}, false
	}
	c, ok := named[i]
	return c, ok
}

// namedOrgAt finds an organization's own name after a descriptor
// (صحيفة تايمز, شركة توتال, فريق الوداد): a lexicon name, or one word that
// is not a common word, an adjective or a verb. The descriptor is not part
// of the mention.
func (a *analysis) namedOrgAt(i int) (cand, bool) {
	w := &a.words[i]
	if w.cls&clsCue == 0 || !w.adj || i+1 >= len(a.words) {
		return cand{}, false
	}
	desc := ""
	for f := 0; f < w.nforms; f++ {
		if a.lx.named[w.forms[f].s] {
			desc = w.forms[f].s
			break
		}
	}
	if desc == "" {
		return cand{}, false
	}
	k := i + 1
	if c, ok := a.lexiconAt(k); ok {
		if c.typ == marsad.PER || c.skip > 0 {
			return cand{}, false
		}
		if c.typ != marsad.ORG {
			c.ent, c.alts, c.typ, c.rule = -1, nil, marsad.ORG, "named"
		}
		c.amb = false
		return c, true
	}
	x := a.words[k].norm
	if !a.plain(k) || a.lx.common[x] || runeLen(x) < 3 || strings.HasPrefix(x, waw) || a.accusative(k) ||
		a.genitive(k) || cliticWithPronoun(x) || a.wordOfNumber(k) {
		return cand{}, false
	}
	if _, ok := a.lx.given[x]; ok {
		return cand{}, false
	}
	feminine := strings.HasSuffix(desc, "ه")
	if strings.HasSuffix(x, "يه") || (nisba(x) && !feminine) || pronounOrPlural(x) {
		// شركة عالمية, فريق طبي, فريق المفتشين, فريق عملها; after a
		// feminine descriptor an adjective would end in ـية, so ديلي is a name.
		return cand{}, false
	}
	if definite(x) && (strings.HasSuffix(x, "ه") || !feminine || nisba(x)) {
		// شركة الطاقة, فريق العمل, موقع الحادث: a common noun. A definite
		// name is taken after صحيفة, قناة, شركة … only (صحيفة الراية).
		return cand{}, false
	}
	j := k + 1
	// A foreign name of several words (شركة أميركان إيرلاينز, قناة Sky News):
	// more words that are neither known nor Arabic-shaped (no article, no
	// clitic reading, no adjective or plural ending), up to three in all.
	for j < len(a.words) && j-k < 3 && a.words[j-1].adj && !definite(x) {
		y := a.words[j].norm
		if a.latin(k) != a.latin(j) || !a.plain(j) || a.lx.common[y] || definite(y) || a.words[j].nforms > 1 ||
			runeLen(y) < 3 || nisba(y) || pronounOrPlural(y) || a.verbLike(y) || a.accusative(j) || a.wordOfNumber(j) ||
			(!a.latin(j) && strings.HasSuffix(y, "ا")) { // اتفاقا: an indefinite accusative
			break
		}
		if _, ok := a.lexiconAt(j); ok {
			break
		}
		if _, ok := a.lx.given[y]; ok {
			break
		}
		j++
	}
	return cand{i: k, j: j, typ: marsad.ORG, ent: -1, rule: "named"}, true
}

// latin reports whether word k is written in Latin script.
func (a *analysis) latin(k int) bool {
	s := a.words[k].norm
	return s != "" && s[0] < utf8.RuneSelf
}

// wordOfNumber reports whether word k is a digit run.
func (a *analysis) wordOfNumber(k int) bool {
	s := a.words[k].norm
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// reportVerbs introduce a speaker (normalized, without و/ف).
var reportVerbs = normSet(
	"قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اوضح", "اوضحت", "صرح", "صرحت", "اشار",
	"اشارت", "تابع", "تابعت", "اعلن", "اعلنت", "اعتبر", "اعتبرت", "يري", "يقول", "تقول",
	"افاد", "افادت", "ذكر", "ذكرت", "ناشد", "حذرت", "طالب", "طالبت", "نفي", "نفت", "دعا",
	"دعت", "اعرب", "اعربت", "شدد", "شددت", "كتب", "كتبت", "راي", "رات",
)

// speechLinks may follow a speaker's name: إن, أن, في, أمس …
var speechLinks = normSet(
	"ان", "انه", "انها", "في", "امس", "اليوم", "لدي", "خلال", "بان", "بانه", "لوكاله",
	"للصحفيين", "لصحيفه", "لقناه", "لمجله", "لاذاعه", "لموقع", "لتلفزيون", "للتلفزيون", "لجريده",
)

// reportedAt finds an unknown one- or two-word name right after a
// reporting verb and before إن/أن/في: وقالت هيرمان في ….
func (a *analysis) reportedAt(i int) (cand, bool) {
	w := &a.words[i]
	if w.cls&clsReport == 0 {
		return cand{}, false
	}
	verb := false
	for f := 0; f < w.nforms; f++ {
		if reportVerbs[w.forms[f].s] {
			verb = true
			break
		}
	}
	if !verb || !w.adj || i+1 >= len(a.words) {
		return cand{}, false
	}
	k := i + 1
	ok := func(j int) bool {
		x := a.words[j].norm
		if !a.plain(j) || a.lx.common[x] || definite(x) || a.verbLike(x) || a.genitive(j) ||
			strings.HasPrefix(x, waw) || runeLen(x) < 3 || pronounOrPlural(x) || a.accusative(j) {
			return false
		}
		if g, isGiven := a.lx.given[x]; isGiven && g.amb {
			return false
		}
		_, lex := a.lexiconAt(j)
		return !lex
	}
	if !ok(k) {
		if !a.familyName(k) {
			return cand{}, false
		}
		// وقال الأعرجي إن: a family name alone, then a speech link.
		if k+1 < len(a.words) && a.words[k].adj && speechLinks[a.words[k+1].norm] {
			return cand{i: k, j: k + 1, ent: -1, typ: marsad.PER, rule: "speaker"}, true
		}
		return cand{}, false
	}
	for j := k + 1; j <= k+2 && j < len(a.words); j++ {
		if !a.words[j-1].adj && a.quoteBreak(j-1) {
			// وقال كينيون: « …: the name ends at the punctuation.
			return cand{i: k, j: j, ent: -1, typ: marsad.PER, rule: "speaker"}, true
		}
		if a.words[j-1].adj && speechLinks[a.words[j].norm] {
			return cand{i: k, j: j, ent: -1, typ: marsad.PER, rule: "speaker"}, true
		}
		if _, isTitle := a.lx.titles[a.words[j].norm]; isTitle && a.words[j-1].adj {
			// وقال كارل بيرنت رئيس الاتحاد: the speaker's office follows
			// the name. A definite title needs a two-word name or a title
			// of more than one word (وقال سري سكيك المتحدث باسم الشرطة).
			if end, _, ok := a.titleAt(j); !definite(a.words[j].norm) || ok && (end-j >= 2 || j-k >= 2) {
				return cand{i: k, j: j, ent: -1, typ: marsad.PER, rule: "speaker"}, true
			}
		}
		if !ok(j) {
			break
		}
	}
	return cand{}, false
}

// familyName reports whether word k looks like a family name with the
// article: a definite nisba (الأعرجي, الكبيسي) that is not a demonym, a
// common word or a stop word.
func (a *analysis) familyName(k int) bool {
	x := a.words[k].norm
	return definite(x) && strings.HasSuffix(x, "ي") && runeLen(x) >= 5 && a.plain(k) && !a.lx.common[x] &&
		a.words[k].nforms == 1
}

// quoteBreak reports whether the text after word k, before the next word,
// is a colon, a comma or an opening quote: the end of a speaker's name.
func (a *analysis) quoteBreak(k int) bool {
	end := len(a.text)
	if k+1 < len(a.words) {
		end = a.words[k+1].start
	}
	gap := strings.TrimSpace(a.text[a.words[k].end:end])
	switch gap {
	case ":", "،", ",", "«", "\"", ": «", ":«", ": \"", "،\"":
		return true
	}
	return false
}

// afterDemonym finds a name introduced by a demonym used as a noun
// (فاز السويدي جوناس …, والروسي ميخائيل …): a definite demonym that does
// not qualify a definite noun before it, followed by a given name or by
// two unknown name words.
func (a *analysis) afterDemonym(i int) (cand, bool) {
	w := &a.words[i]
	if w.cls&clsDemonym == 0 {
		return cand{}, false
	}
	s := ""
	for f := 0; f < w.nforms; f++ {
		if definite(w.forms[f].s) && a.lx.demonyms[w.forms[f].s] {
			s = w.forms[f].s
			break
		}
	}
	if s == "" || !w.adj || i+1 >= len(a.words) || strings.HasSuffix(s, "ون") || strings.HasSuffix(s, "ين") || strings.HasSuffix(s, "ات") {
		return cand{}, false
	}
	if i > 0 && a.words[i-1].adj {
		prev := a.words[i-1].norm
		if definite(prev) && !a.lx.stop[prev] {
			return cand{}, false
		}
	}
	k := i + 1
	j := a.personAt(k, true)
	if j == k {
		return cand{}, false
	}
	if _, g := a.lx.given[a.words[k].norm]; !g {
		if c, ok := a.lexiconAt(k); !ok || c.typ != marsad.PER {
			return cand{}, false
		}
	}
	return cand{i: k, j: j, ent: -1, typ: marsad.PER, rule: "demonym"}, true
}
