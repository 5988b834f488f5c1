package entity

import (
	"strings"

	"github.com/marsad-project/marsad"
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
			named := namedFacilities[head] && !a.verbLike(x) && !strings.HasSuffix(x, "ي") && !strings.HasSuffix(x, "يه") ||
				a.foreignPlace(k) // ساحة فيرانتو, شارع كيلوانا
			if !definite(x) && !nameJoiners[x] && !named {
				return cand{}, false
			}
			j := k + 1
			if nameJoiners[x] && j < len(a.words) && a.words[k].adj {
				j++
			}
			return cand{i: i, j: j, skip: fm.skip, typ: marsad.LOC, ent: -1, rule: "facility"}, true
		}
		if strictPlaceCues[head] && !definite(x) && !a.foreignPlace(k) {
			return cand{}, false // منطقة عازلة; but منطقة كاسيرانو
		}
		if !definite(x) && (strings.HasSuffix(x, "يه") || strings.HasPrefix(x, "سي") || strings.HasPrefix(x, "ست")) {
			return cand{}, false // an adjective (تاريخية) or a future verb (ستشهد)
		}
		j := k + 1
		if !definite(x) && j < len(a.words) && a.words[k].adj && a.plain(j) && !a.lx.common[a.words[j].norm] &&
			!strings.HasPrefix(a.words[j].norm, waw) && !strings.HasSuffix(a.words[j].norm, "يه") &&
			!definite(a.words[j].norm) && !a.genitive(j) && !a.prepNoun(j) {
			// (بلدة كارونيا المدرجة, بلدة كارونيا بشمال: the name is one word)
			if _, ok := a.lexiconAt(j); !ok {
				j++
			}
		}
		return cand{i: k, j: j, typ: marsad.LOC, ent: -1, rule: "place"}, true
	}
	return cand{}, false
}

// foreignPlace reports whether word k, after a place cue, looks like a
// place name written from another script: long, in no lexicon and no
// common word, with a long vowel inside and no feminine or nisba ending
// (منطقة عازلة, منطقة صناعية are descriptions).
func (a *analysis) foreignPlace(k int) bool {
	x := a.words[k].norm
	w := &a.words[k]
	if runeLen(x) < 4 || definite(x) || !a.plain(k) || w.nforms > 1 && a.prepNoun(k) || strings.HasPrefix(x, waw) ||
		strings.HasSuffix(x, "ه") || strings.HasSuffix(x, "ي") || strings.HasSuffix(x, "ات") || strings.HasSuffix(x, "ين") ||
		strings.HasSuffix(x, "ون") || a.accusativeWord(k) || cliticWithPronoun(x) || a.genitive(k) ||
		runeLen(x) <= 5 && (strings.HasPrefix(x, "ت") || strings.HasPrefix(x, "ا")) {
		return false // تكرير, أوسع: a verbal noun or an elative
	}
	if _, lex := a.lexiconAt(k); lex {
		return false
	}
	return transliterated(x)
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
