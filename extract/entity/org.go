package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
)

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
		if head == normQiyada && fm.skip > 0 && strings.HasPrefix(w.norm[(fm.skip-1)*len(waw):], ba) {
			continue // تحالف بقيادة واشنطن: "led by", not a command
		}
		if head == normQiyada && def && (i+1 >= len(a.words) || !commandRegions[a.words[i+1].norm]) {
			continue // القيادة السياسية: leadership, not a command
		}
		if head == normTanzim && !def && i+1 < len(a.words) && w.adj {
			// تنظيم الهجرة: "organizing"; the organization is a named one
			// (تنظيم القاعدة, تنظيم الدولة الإسلامية).
			if c, ok := a.lexiconAt(i + 1); !ok || c.typ != marsad.ORG && c.typ != marsad.LOC {
				if definite(a.words[i+1].norm) {
					continue
				}
			}
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
			if _, isTitle := a.lx.titles[x]; isTitle && (count > 0 || !eponymHeads[head]) {
				break // حكومة الرئيس نجيب ميقاتي: his government
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
				if c.typ == marsad.ORG && count > 0 {
					// وكالة الأنباء القطرية قنا, منظمة الدول المصدرة للنفط
					// أوبك: a name in apposition is a mention of its own.
					break
				}
				k = c.j
				count++
				if n := a.lamComplement(k); n > 0 && a.words[k-1].adj {
					continue // بعثة الاتحاد الأفريقي لحفظ السلام
				}
				if c.typ == marsad.LOC && k < len(a.words) && a.words[k-1].adj && a.centralAdj(k) {
					k++ // بنك فرنسا المركزي
					count++
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
			case count == 0 && !def && eponymHeads[head] && a.foreignWord(k):
				// جامعة كيوتو, كلية إمبريال: a foreign proper name, one or
				// two words.
				k++
				count++
				if k < len(a.words) && a.words[k-1].adj && a.foreignWord(k) {
					k++
					count++
				}
				goto done
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

// centralAdj reports whether word k is an adjective that completes an
// institution's name after its place (بنك فرنسا المركزي, محكمة نيويورك
// الفدرالية).
func (a *analysis) centralAdj(k int) bool {
	return institutionAdj[a.words[k].norm]
}

// institutionAdj complete an institution's name after its place.
var institutionAdj = normSet("المركزي", "الفدرالي", "الفيدرالي", "الفدرالية", "الفيدرالية", "العليا", "الأعلى", "الدولي", "الدولية", "الوطني", "الوطنية")

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

// eponymHeads are organization heads often named after a person (جامعة
// الملك سعود, مؤسسة محمد بن راشد).
var eponymHeads = normSet("جامعة", "مؤسسة", "مركز", "كلية", "معهد", "صندوق", "أكاديمية", "جائزة", "مدرسة", "مكتبة", "مستشفى")

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

// foreignWord reports whether word k may be a word of a foreign proper
// name: no article, no clitic reading, not a common word, verb, plural,
// accusative or pronoun-suffixed form, and in no lexicon.
func (a *analysis) foreignWord(k int) bool {
	x := a.words[k].norm
	if definite(x) || a.words[k].nforms > 1 || !a.plain(k) || a.lx.common[x] || a.verbLike(x) ||
		runeLen(x) < 3 || pronounOrPlural(x) || a.accusative(k) || a.lx.demonyms[x] {
		return false
	}
	if _, lex := a.lexiconAt(k); lex {
		return false
	}
	return transliterated(x)
}

// transliterated reports whether x has the shape of a name written from
// another script: a long vowel letter (ا و ي) inside it, where Arabic
// nouns of three or four letters often have none (جذب, خدمة), and no
// short nisba ending (ثقافي, أساسي, ثقافية).
func transliterated(x string) bool {
	if strings.HasSuffix(x, "ي") && runeLen(x) <= 5 || strings.HasSuffix(x, "يه") && runeLen(x) <= 7 {
		return false // ثقافي, ثقافية: adjectives
	}
	_, size := utf8.DecodeLastRuneInString(x)
	return strings.ContainsAny(x[:len(x)-size], "اوي")
}

// workHeads name a work whose title follows in quotes: رواية «أولاد
// حارتنا», فيلم "ظل النخلة".
var workHeads = normSet("رواية", "روايته", "روايتها", "كتاب", "كتابه", "كتابها", "فيلم", "فيلمه", "فيلمها",
	"مسرحية", "مسرحيته", "قصيدة", "قصيدته", "ديوان", "ديوانه", "اغنية", "اغنيته", "مسلسل", "برنامج",
	"البوم", "البومه", "لوحة", "لوحته", "معزوفة", "مجموعة قصصية", "سلسلة")

// quotedOrgHeads name an organization whose name follows in quotes: شركة
// «نوفا ميديا», سهم "إعمار", صحيفة «الأيام».
var quotedOrgHeads = normSet("شركة", "شركتي", "سهم", "اسهم", "مجموعة", "موقع", "صحيفة", "صحيفتي", "مجلة",
	"قناة", "وكالة", "مصرف", "بنك", "جمعية", "منظمة", "حزب", "حركة", "فرقة", "نادي", "مؤسسة", "دار")

// workAt finds a work's title in quotes after a work noun at word i (MISC),
// or an organization's name in quotes after its head (ORG): the words
// between the opening and the closing quote, eight at most.
func (a *analysis) workAt(i int) (cand, bool) {
	w := &a.words[i]
	if w.adj || i+1 >= len(a.words) {
		return cand{}, false // a quote mark must follow the head
	}
	typ := ""
	for f := 0; f < w.nforms && typ == ""; f++ {
		switch h := stripAl(w.forms[f].s); {
		case workHeads[h]:
			typ = marsad.MISC
		case quotedOrgHeads[h]:
			typ = marsad.ORG
		}
	}
	if typ == "" {
		return cand{}, false
	}
	gap := strings.TrimSpace(a.text[w.end:a.words[i+1].start])
	var closing string
	switch gap {
	case "«":
		closing = "»"
	case "\"":
		closing = "\""
	case "“":
		closing = "”"
	default:
		return cand{}, false
	}
	for j := i + 1; j < len(a.words) && j <= i+8; j++ {
		end := len(a.text)
		if j+1 < len(a.words) {
			end = a.words[j+1].start
		}
		after := strings.TrimSpace(a.text[a.words[j].end:end])
		if after == "" {
			continue
		}
		if strings.HasPrefix(after, closing) {
			return cand{i: i + 1, j: j + 1, ent: -1, typ: typ, rule: "quoted"}, true
		}
		return cand{}, false // other punctuation inside: not a title
	}
	return cand{}, false
}
