package entity

import (
	"slices"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
)

// lexiconAt returns the longest lexicon phrase starting at word i. Results
// are memoized: the rules ask about the same word many times.
func (a *analysis) lexiconAt(i int) (cand, bool) {
	if len(a.lexIdx) != len(a.words) {
		a.lexIdx = slices.Grow(a.lexIdx[:0], len(a.words))[:len(a.words)]
		clear(a.lexIdx)
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
	if w.cls&(clsPhrase|clsPhraseAl) == 0 {
		return best, false // no reading of the word starts a lexicon name
	}
	// try takes phrase p read from form fm when it matches and is longer
	// than the best so far.
	try := func(fm form, p phrase, homonyms []phrase) {
		L := len(p.toks)
		if found && L <= best.n() {
			return
		}
		if i+L > len(a.words) || !a.chain(i, i+L) {
			return
		}
		for k := 2; k < L; k++ {
			if a.words[i+k].norm != p.toks[k] {
				return
			}
		}
		if L == 1 && (a.lx.stop[fm.s] || a.lx.demonyms[fm.s] && fm.skip > 0 && !a.placeListBefore(i)) {
			return
		}
		if L == 1 && fm.skip >= 2 && runeLen(fm.s) < 4 {
			return // فلكيا is no ف + ل + كيا
		}
		best = cand{i: i, j: i + L, skip: fm.skip, typ: a.lx.entities[p.ent].Type, ent: p.ent,
			amb: p.amb, shared: p.shared, rule: "lexicon"}
		found = true
		// Homonyms: other entities with the same written form.
		for _, q := range homonyms {
			if q.ent != p.ent && len(q.toks) == L && slices.Equal(q.toks, p.toks) {
				best.alts = append(best.alts, q.ent)
			}
		}
	}
	for f := 0; f < w.nforms; f++ {
		fm := w.forms[f]
		if fm.info == nil {
			continue
		}
		if i+1 < len(a.words) {
			next := a.words[i+1].norm
			ps := fm.info.phrasesAfter(next)
			for _, p := range ps {
				if p.toks[1] == next {
					try(fm, p, ps)
				}
			}
		}
		ps := fm.info.single
		for _, p := range ps {
			try(fm, p, ps)
		}
	}
	if !found && w.cls&clsPhraseAl != 0 {
		// A foreign name of several words written with the article
		// (الأسوشيتد برس): the article stays in the mention.
		for f := 0; f < w.nforms && !found; f++ {
			fm := w.forms[f]
			if !definite(fm.s) {
				continue
			}
			for _, p := range a.lx.byFirst[stripAl(fm.s)] {
				L := len(p.toks)
				if L < 2 || i+L > len(a.words) || !a.chain(i, i+L) || p.amb {
					continue
				}
				if a.wordsAre(i+1, p.toks[1:]) {
					best = cand{i: i, j: i + L, skip: fm.skip, typ: a.lx.entities[p.ent].Type, ent: p.ent, rule: "lexicon"}
					found = true
					break
				}
			}
		}
	}
	// One-letter typos in a long multi-word name (تنظيم الدولية الإسلامية).
	for f := 0; f < w.nforms; f++ {
		fm := w.forms[f]
		if fm.info == nil {
			continue
		}
		if i+1 >= len(a.words) {
			continue
		}
		for p := range fm.info.fuzzyAfter(a.words[i+1].norm) {
			L := len(p.toks)
			if (found && L <= best.n()) || i+L > len(a.words) || !a.chain(i, i+L) {
				continue
			}
			miss := 0
			for k := 1; k < L && miss < 2; k++ {
				x, y := a.words[i+k].norm, p.toks[k]
				if d := len(x) - len(y); d > utf8.UTFMax || d < -utf8.UTFMax {
					miss = 2 // more than one letter apart
					break
				}
				if x == y {
					continue
				}
				if a.typo(x, y) {
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

// placeListBefore reports whether word i continues a list of places (مصر
// وسورية: the country, not the adjective): the word before it is a known
// place.
func (a *analysis) placeListBefore(i int) bool {
	if i == 0 || !a.words[i-1].adj {
		return false
	}
	c, ok := a.lexiconAt(i - 1)
	return ok && c.j == i && c.typ == marsad.LOC
}

// wordsAre reports whether the normalized words from i on are toks.
func (a *analysis) wordsAre(i int, toks []string) bool {
	if i+len(toks) > len(a.words) {
		return false
	}
	for k, t := range toks {
		if a.words[i+k].norm != t {
			return false
		}
	}
	return true
}
