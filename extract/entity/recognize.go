package entity

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
)

// form is one reading of a word: the word itself or the word without its
// proclitics (و ف ب ل ك, لل → ال).
type form struct {
	s    string    // normalized
	skip int       // letters of the original word before the reading starts
	info *wordInfo // what the lexicon knows of s, nil if nothing
}

// word is one word token of the text under analysis.
type word struct {
	start, end int // byte offsets in the text
	norm       string
	forms      [3]form
	nforms     int
	adj        bool      // only spaces separate it from the next word
	cls        wordClass // rule triggers of any reading
	ha         bool      // written with a final ه (not ة): a pronoun, not a name's ة
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
	shared bool    // lexicon family name other people bear too
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
	toks    []arabic.Token // the tokens of text (a buffer kept for reuse)
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
	normTanzim   = norm("تنظيم")
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
		if w.nforms == 1 {
			// ل + a name that starts with ل (لليفربول); the ال reading
			// stays last, as the rules expect.
			w.forms[w.nforms] = form{s: r[len(lam):], skip: k + 1}
			w.nforms++
		}
		w.forms[w.nforms] = form{s: al + r[2*len(lam):], skip: k + 1}
		w.nforms++
	case (strings.HasPrefix(r, ba) || strings.HasPrefix(r, lam)) && runeLen(r) >= 4:
		w.forms[w.nforms] = form{s: r[len(ba):], skip: k + 1}
		w.nforms++
	}
}

// classify computes the readings of w and what the lexicon knows of them.
func (w *word) classify(lx *Lexicon, text string) {
	w.ha = strings.HasSuffix(strings.TrimRightFunc(text[w.start:w.end], isMark), "ه")
	w.readings()
	for f := 0; f < w.nforms; f++ {
		if wi := lx.class[w.forms[f].s]; wi != nil {
			w.forms[f].info = wi
			w.cls |= wi.cls
		}
	}
}

// givenAt returns the given name that reading f of word k is, if any. A
// name written with ة is not read in a word written with ه (يمينة is a
// name, يمينه "his right").
func (a *analysis) givenAt(k, f int) (givenName, bool) {
	w := &a.words[k]
	g, ok := a.lx.given[w.forms[f].s]
	if ok && g.ta && w.ha {
		return givenName{}, false
	}
	return g, ok
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
	return new(analysis).reset(lx, text)
}

// reset makes a the analysis of text, reusing its buffers.
func (a *analysis) reset(lx *Lexicon, text string) *analysis {
	a.toks = arabic.AppendTokens(a.toks[:0], text)
	toks := a.toks
	a.lx, a.text = lx, text
	a.words = slices.Grow(a.words[:0], len(toks))
	a.lexIdx = a.lexIdx[:0]
	a.lexHits = a.lexHits[:0]
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
		w.classify(lx, text)
		a.words = append(a.words, w)
	}
	for i := 0; i+1 < len(a.words); i++ {
		a.words[i].adj = isSpaceRun(text[a.words[i].end:a.words[i+1].start])
	}
	for i := 0; i+1 < len(a.words); i++ {
		// The preposition على written علي (as some outlets do) before a
		// common word: علي هامش, علي صدر, علي التقرير.
		w := &a.words[i]
		if w.norm == normAli && w.adj && a.aliPrep(i) {
			w.norm, w.nforms, w.cls = prepAla, 0, 0
			w.classify(lx, text)
		}
	}
	return a
}

// aliPrep reports whether علي at word i is the preposition على: the next
// word is a common word (علي هامش), or, unless a name word comes before
// علي (محمد علي, بن علي), a stop word (شدد علي أن), a definite word that
// is no family name (علي التوالي, علي الشريط, but علي السيستاني) or a
// place (علي إسرائيل).
func (a *analysis) aliPrep(i int) bool {
	k := i + 1
	lx, nx := a.lx, a.words[k].norm
	if _, given := lx.given[nx]; given {
		return false
	}
	if lx.common[nx] {
		return true
	}
	if i > 0 && a.words[i-1].adj {
		pv := a.words[i-1].norm
		if _, g := lx.given[pv]; g || nameJoiners[pv] {
			return false
		}
	}
	if lx.stop[nx] {
		return true
	}
	if _, sur := lx.surnames[nx]; sur {
		return false
	}
	if c, ok := a.lexiconAt(k); ok {
		return c.typ == marsad.LOC && c.skip == 0 && !c.amb
	}
	return definite(nx) && !strings.HasSuffix(nx, "ي") && a.words[k].nforms == 1
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
				w.classify(a.lx, a.text)
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
		if i > 0 {
			consider(a.workAt(i - 1))
		}
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
			} else if len(out) > 0 && out[len(out)-1].typ == marsad.PER && out[len(out)-1].j == i {
				if skip, j := a.coordPerson(i); j > i {
					consider(cand{i: i, j: j, skip: skip, ent: -1, typ: marsad.PER, rule: "person"}, true)
				}
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
