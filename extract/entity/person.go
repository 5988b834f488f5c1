package entity

import (
	"strings"

	"github.com/marsad-project/marsad"
)

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
	if _, ok := a.givenAt(k, 0); ok {
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
	g, isGiven := a.givenAt(k, 0)
	switch {
	case isGiven && !g.amb && !g.noun && definite(first) && !a.genitive(k):
		// A given name that looks definite (ألبرت, ألكسندر).
	case definite(first) || a.genitive(k):
		return k
	case isGiven:
	case startJoiners[first]:
	case titled && a.plain(k) && runeLen(first) >= 2 && !definite(first) && !a.lx.common[first] && !a.verbLike(first) && !strings.HasPrefix(first, waw) &&
		!cliticWithPronoun(first) && !a.accusative(k) && !a.accusativeWord(k):
	default:
		return k
	}
	j := a.extendName(k, k, titled)
	if isGiven && definite(first) && j-k < 2 {
		return k // الفريد alone is "the unique", not Alfred
	}
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
			if j == k+1 && !transliterated(strings.TrimPrefix(first, "ا")) {
				if _, sur := a.lx.surnames[first]; !sur {
					return k // الوزير متحمس, الرئيس امتنع: a word, not a name
				}
			}
		}
		return j
	}
	if j-k < 2 {
		if isGiven && !g.amb && !g.noun && a.loneGiven(k) {
			return k + 1 // a given name alone: وأوضح فارس أنه …
		}
		if isGiven && a.personContext(k) && k+1 < len(a.words) && a.words[k].adj && speechLinks[a.words[k+1].norm] {
			return k + 1 // وتوقع فارس أن, قال صالح إن: even a name that is also a word
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
		g, ok := a.givenAt(i, f)
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

// coordPerson finds a person joined by و to the person just before it
// (سامر الخوري وجمال النعيمي): the given name after و may also be a common
// word, as the list reads names. It returns the letters to skip and the
// end, or end == i when there is none.
func (a *analysis) coordPerson(i int) (skip, end int) {
	w := &a.words[i]
	if !strings.HasPrefix(w.norm, waw) || !w.adj {
		return 0, i
	}
	for f := 1; f < w.nforms; f++ {
		if w.forms[f].skip != 1 {
			continue
		}
		if _, ok := a.givenAt(i, f); !ok {
			continue
		}
		if j := a.extendName(i, i, false); j-i >= 2 {
			return 1, j
		}
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
		if g, ok := a.lx.given[x]; ok && g.ta && a.words[j].ha {
			break // محمد رحمه الله: رحمة's letters with a pronoun
		}
		if _, ok := a.givenAt(j, 0); ok {
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
		if strings.HasPrefix(x, waw) || a.genitive(j) || a.accusative(j) || cliticWithPronoun(x) || a.prepNoun(j) || a.accusativeWord(j) {
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
		if a.verbLike(x) && !a.tchName(j, prev) && !a.russianName(j, prev) && !a.surnameAfterGiven(j, prev) {
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

// surnameAfterGiven reports whether word j, which starts like an imperfect
// verb, is rather a family name after an unambiguous given name (جوناثان
// تيلور, كمال يرداغلي): a long word with no clitic reading that is no common
// word.
func (a *analysis) surnameAfterGiven(j int, prev string) bool {
	g, ok := a.lx.given[prev]
	x := a.words[j].norm
	return ok && !g.amb && !g.noun && runeLen(x) >= 4 && a.words[j].nforms == 1 && !a.lx.common[x] && !a.lx.stop[x]
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

// firstNameAt finds a first name at word i before a known family name
// that the lexicon has alone (جوزيف بلاتر, دييغو مارادونا):
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

// reportVerbs introduce a speaker (normalized, without و/ف).
var reportVerbs = normSet(
	"قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اوضح", "اوضحت", "صرح", "صرحت", "اشار",
	"اشارت", "تابع", "تابعت", "اعلن", "اعلنت", "اعتبر", "اعتبرت", "يري", "يقول", "تقول",
	"افاد", "افادت", "ذكر", "ذكرت", "ناشد", "حذرت", "طالب", "طالبت", "نفي", "نفت", "دعا",
	"دعت", "اعرب", "اعربت", "شدد", "شددت", "كتب", "كتبت", "راي", "رات",
	"توقع", "توقعت", "رجح", "رجحت", "استبعد", "استبعدت", "كشف", "كشفت", "حذر", "ناشدت", "اعترف",
	"اعترفت", "اجاب", "اجابت", "اقر", "اقرت", "لفت", "لفتت", "نقل", "نقلت", "ردد", "علق", "علقت",
	"وصف", "وصفت", "اتهم", "اتهمت", "امتدح", "انتقد", "انتقدت", "رحب", "رحبت", "اشاد", "اشادت",
)

// speechLinks may follow a speaker's name: إن, أن, في, أمس …
var speechLinks = normSet(
	"ان", "انه", "انها", "في", "امس", "اليوم", "لدي", "خلال", "بان", "بانه", "لوكاله",
	"للصحفيين", "لصحيفه", "لقناه", "لمجله", "لاذاعه", "لموقع", "لتلفزيون", "للتلفزيون", "لجريده",
	"الي", "بانها", "عن", "ايضا",
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
			strings.HasPrefix(x, waw) || runeLen(x) < 3 || pronounOrPlural(x) && !foreignIn(x) || a.accusative(j) {
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
		if k+1 < len(a.words) && (a.words[k].adj && speechLinks[a.words[k+1].norm] || !a.words[k].adj && a.quoteBreak(k)) {
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
			// of more than one word (وقال كريم سلوم المتحدث باسم الشرطة).
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
		prev := a.words[i-1]
		if definite(prev.forms[prev.nforms-1].s) && !a.lx.stop[prev.norm] {
			return cand{}, false // والصحافة الإيرانية: an adjective
		}
	}
	k := i + 1
	j := a.personAt(k, true)
	if _, g := a.lx.given[a.words[k].norm]; !g {
		if c, ok := a.lexiconAt(k); !ok || c.typ != marsad.PER {
			// فاز الكيني موتاريكو: one foreign-looking word, a family name.
			if !a.foreignName(k) {
				return cand{}, false
			}
			if j == k {
				// فيرنانو ديلافوس: up to three such words.
				for j = k + 1; j < len(a.words) && j < k+3 && a.words[j-1].adj && a.foreignName(j); j++ {
				}
			}
		}
	}
	if j == k {
		return cand{}, false
	}
	return cand{i: k, j: j, ent: -1, typ: marsad.PER, rule: "demonym"}, true
}

// foreignName reports whether word k, in no lexicon, looks like a foreign
// family name standing alone: long, written from another script, with no
// article, clitic or verb reading, and no common word.
func (a *analysis) foreignName(k int) bool {
	x := a.words[k].norm
	w := &a.words[k]
	if runeLen(x) < 4 || definite(x) || w.nforms > 1 && (strings.HasPrefix(x, waw) || a.prepNoun(k) || definite(w.forms[w.nforms-1].s)) || !a.plain(k) || a.lx.common[x] || a.lx.stop[x] ||
		a.verbLike(x) || a.accusative(k) || a.accusativeWord(k) || cliticWithPronoun(x) || pronounOrPlural(x) && !foreignIn(x) {
		return false
	}
	if _, lex := a.lexiconAt(k); lex {
		return false
	}
	return transliterated(x)
}

// prepNoun reports whether word j reads as a preposition (ب, ل, ك) before
// a common word (بلقاء, لشرح, كأول, بدعوى): never part of a name.
func (a *analysis) prepNoun(j int) bool {
	w := &a.words[j]
	for f := 1; f < w.nforms; f++ {
		fm := w.forms[f]
		if a.lx.common[fm.s] || a.lx.stop[fm.s] {
			return true
		}
	}
	return false
}

// accusativeWord reports whether word j is a common word in the
// indefinite accusative written without its mark (ردا, متقدما, برنامجا).
func (a *analysis) accusativeWord(j int) bool {
	x := a.words[j].norm
	stem, ok := strings.CutSuffix(x, "ا")
	if !ok || runeLen(stem) < 2 {
		return false
	}
	return a.lx.common[stem] || a.lx.common["ال"+stem]
}

// foreignIn reports whether x, ending in ـين, is long enough to be a
// foreign family name (ماتفيينين) rather than a dual or plural.
func foreignIn(x string) bool {
	return strings.HasSuffix(x, "ين") && runeLen(x) >= 6
}
