package entity

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
)

// Convention is an annotation convention for token-level (CoNLL) output:
// which words of a mention are tagged. Marsad's own convention
// ([ConventionMarsad], the default) tags the mentions as the recognizer
// finds them: an organization with its head noun (حركة طالبان, وزارة
// الخارجية), a facility with its cue (مطار بغداد), a region with its
// compass word (شمال دارفور).
//
// [ConventionANERcorp] follows the ANERcorp corpus (Benajiba et al. 2007),
// which tags proper names rather than descriptions: a descriptor noun
// before a name is outside it (حركة [طالبان], مطار [دالاس], نهر [دجلة],
// جائزة [نوبل], قطاع [غزة]), so is a compass word before a place, even in
// a country's name (شمال [أفريقيا], جنوب [أفريقيا]), and an honorific
// epithet after it ([مكة] المكرمة, [الصين] الشعبية), and
// government bodies named by description (وزارة الخارجية, الجيش
// الإسرائيلي, الحكومة العراقية) or by a bare definite head noun (المجلس,
// الحزب) are not named entities at all, nor is a role linked to its person
// (وزير الخارجية الأردني); a place inside a description is tagged alone
// (حكومة [كوبا], سوق [دبي] المالي, الجمعية العامة [للأمم المتحدة]), and a
// facility's own name takes the facility's type (ملعب [أنفيلد] MISC, مسجد
// … ORG). Its MISC type also covers currency names (دولار, اليورو),
// religions (الإسلام) and الله standing alone, which Marsad does not
// report as entities. The rules follow the corpus's annotation as its
// training split shows it; the convention changes only which words are
// tagged and how, never what the recognizer finds.
type Convention string

// Conventions.
const (
	ConventionMarsad   Convention = "marsad"
	ConventionANERcorp Convention = "anercorp"
)

// ParseConvention returns the convention named s ("" is Marsad's).
func ParseConvention(s string) (Convention, error) {
	switch Convention(s) {
	case "", ConventionMarsad:
		return ConventionMarsad, nil
	case ConventionANERcorp:
		return ConventionANERcorp, nil
	}
	return "", fmt.Errorf("unknown annotation convention %q: want %s or %s", s, ConventionMarsad, ConventionANERcorp)
}

// Words of the ANERcorp convention, normalized as the lexicon is (see
// norm). The lists name descriptions, not entities.
var (
	// anerDescriptors come before an organization's proper name and stay
	// outside it when the name itself follows (حركة طالبان, النادي
	// الأهلي, but حركة تحرير السودان is a name made of descriptions and
	// stays whole).
	anerDescriptors = normSet("حركة", "ميليشيا", "ميليشيات", "حكومة", "بعثة", "وكالة", "صحيفة", "شركة", "فريق", "نادي", "قيادة",
		"مفوضية", "جماعة")
	// anerPlaceDescriptors come before a place's or facility's name and
	// always stay outside it (نهر النيجر, مطار دالاس, قطاع غزة).
	anerPlaceDescriptors = normSet("مطار", "قطاع", "نهر", "جائزة", "ميناء", "ملعب", "استاد", "مسجد", "سجن",
		"معتقل", "معبر", "جسر", "جزيرة", "بحيرة", "جبل", "وادي", "مخيم", "صحراء", "مضيق", "خليج", "بحر", "قناة",
		"مزارع", "محافظة", "مدينة", "ولاية", "إقليم", "إعصار", "عاصفة", "قصر", "شارع", "ساحة", "قاعدة",
		"دولة", "جمهورية", "جبال", "سلطنة", "إمارة", "مملكة", "بلاد", "برج")
	// anerFacilityTypes give the type of a facility's own name after its
	// descriptor: stadiums, airports and towers are MISC, mosques and
	// prisons ORG.
	anerFacilityTypes = map[string]string{norm("ملعب"): marsad.MISC, norm("استاد"): marsad.MISC,
		norm("مطار"): marsad.MISC, norm("برج"): marsad.MISC, norm("مسجد"): marsad.ORG, norm("سجن"): marsad.ORG}
	// anerFacilityAdj qualify a facility after the place it is named
	// after (مطار الدوحة الدولي) and stay outside the place.
	anerFacilityAdj = normSet("الدولي", "الدولية", "المركزي", "الجديد", "القديم")
	// anerCompass are compass words before a place.
	anerCompass = normSet("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي",
		"شمال شرق", "شمال غرب", "جنوب شرق", "جنوب غرب")
	// anerEpithets are honorific epithets after a place name.
	anerEpithets = normSet("المكرمة", "المنورة", "الشريف", "المقدسة", "المحتلة", "الشعبية", "القيصرية")
	// anerGovernment start descriptions of government bodies, which the
	// convention leaves untagged (وزارة الخارجية الأميركية, الجيش
	// الإسرائيلي, الحكومة العراقية, مجلس الوزراء).
	anerGovernment = normSet("وزارة", "الوزارة", "جيش", "الجيش", "حكومة", "الحكومة", "البرلمان",
		"الخارجية", "الداخلية", "الدفاع", "الرئاسة", "القوات", "قوات", "الشرطة", "شرطة", "البحرية",
		"الاستخبارات", "المخابرات", "السفارة", "سفارة", "القنصلية", "الأجهزة", "أجهزة")
	// anerMisc are words the convention tags MISC on their own: currency
	// names (ISO 4217 currencies as Arabic news names them) with their
	// plural and accusative forms, religions, their scriptures, and الله.
	anerMisc = normSet("دولار", "دولارا", "دولاران", "دولارين", "الدولار",
		"يورو", "اليورو", "درهم", "دراهم", "الدرهم", "دينار", "دينارا", "دنانير", "الدينار",
		"ريال", "ريالا", "ريالات", "الريال", "جنيه", "جنيها", "جنيهات", "الجنيه", "ليرة", "ليرات",
		"الليرة", "شيكل", "شيكلا", "الشيكل", "شيقل", "روبل", "الروبل", "فرنك", "فرنكا", "الفرنك",
		"روبية", "الروبية", "يوان", "اليوان", "استرليني", "إسترليني", "بيزو", "لاري",
		"الإسلام", "الاسلام", "المسيحية", "اليهودية", "البوذية", "الهندوسية", "الله",
		"القرآن", "الإنجيل", "التوراة", "النصرانية", "لله")
	// anerPlaceHeads head descriptions that ANERcorp leaves untagged
	// around the place they name, which alone is tagged LOC: حكومة [كوبا],
	// سوق [دبي] المالي, بلدية [باريس], غزو [العراق], منتخب [مصر], دوري
	// أبطال [أوروبا]. They apply to organizations and events whose other
	// words are descriptions; a club named after its city (ريال مدريد)
	// has no such head.
	anerPlaceHeads = normSet("حكومة", "سوق", "بورصة", "بلدية", "غزو", "اجتياح", "احتلال", "حرب", "مؤتمر",
		"منتخب", "معرض", "حلبة", "دوري", "كأس", "بطولة", "خارجية", "سفارة", "سفير", "شعب", "جمهورية", "مملكة",
		"إمارة", "سلطنة", "عاصمة")
	// anerRegionBases are continents and rivers whose compass adjective
	// after them is outside the name (أوروبا [الغربية], النيل [الأزرق]);
	// a country's (كوريا الشمالية) is part of it.
	anerRegionBases  = normSet("أوروبا", "أوربا", "أميركا", "أمريكا", "آسيا", "أفريقيا", "إفريقيا", "النيل")
	anerCompassAfter = normSet("الغربية", "الشرقية", "الشمالية", "الجنوبية", "الأزرق", "الأبيض")
	// anerMiscNames are names the convention types MISC whatever Marsad
	// types them: the White House as a building.
	anerMiscNames = normSet("البيت الأبيض", "البيت الابيض")
	// anerDescriptions are places and things named by description that
	// the convention does not tag: the Arab, Islamic or Western world, the
	// World Cup, the Islamic religion.
	anerDescriptions = normSet("العالم العربي", "العالم الإسلامي", "العالم الاسلامي", "العالم الغربي",
		"كأس العالم", "الدين الإسلامي", "الدين الاسلامي")
	// anerOrgNames are seats of power the convention types ORG, standing
	// for the institution they house.
	anerOrgNames = normSet("الكرملين", "البنتاغون", "البنتاجون")
	// anerGovernmentPhrases are bodies of more than one word named by
	// description, whose first word may also start a name (مجلس الأمن is
	// a name); the convention tags only a name inside them.
	anerGovernmentPhrases = normSet("مجلس الوزراء", "مجلس النواب", "مجلس الشيوخ", "مجلس الإدارة",
		"مجلس الادارة", "مجلس الشعب", "مجلس الشورى", "مجلس الأعيان", "مجلس الوزراء العراقي",
		"الأمانة العامة", "المجلس التشريعي", "الجمعية العامة", "الجمعية العمومية")
)

// spanWords returns the words of text[s.Start:s.End] with their offsets.
func spanWords(text string, s marsad.Span) []marsad.Span {
	var out []marsad.Span
	i := s.Start
	for i < s.End {
		for i < s.End && isSpace(text[i]) {
			i++
		}
		j := i
		for j < s.End && !isSpace(text[j]) {
			j++
		}
		if j > i {
			out = append(out, marsad.Span{Start: i, End: j})
		}
		i = j
	}
	return out
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// apply returns the mentions of spans as convention conv tags them in
// text. Spans are in order of start; the result is too.
func (r *Recognizer) apply(conv Convention, text string, spans []typedSpan) []typedSpan {
	if conv != ConventionANERcorp {
		return spans
	}
	out := make([]typedSpan, 0, len(spans))
	for _, s := range spans {
		if t, ok := r.anercorp(text, s); ok {
			out = append(out, t)
		}
	}
	// Currency names, religions and الله outside every mention.
	n := len(out)
	for _, w := range spanWords(text, marsad.Span{Start: 0, End: len(text)}) {
		if inside(out[:n], w) {
			continue
		}
		if anerMiscWord(text[w.Start:w.End]) {
			out = append(out, typedSpan{Span: w, typ: marsad.MISC})
		}
	}
	if len(out) > n {
		slices.SortFunc(out, func(a, b typedSpan) int { return a.Start - b.Start })
	}
	return out
}

// inside reports whether w overlaps one of spans (sorted by start, not
// nested).
func inside(spans []typedSpan, w marsad.Span) bool {
	i, _ := slices.BinarySearchFunc(spans, w.End, func(s typedSpan, end int) int { return s.Start - end })
	return i > 0 && spans[i-1].End > w.Start
}

// anerMiscWord reports whether word, after up to two proclitics (و ف ب
// ل), is one of anerMisc; لله is ل + الله.
func anerMiscWord(word string) bool {
	return anerMisc[stripClitics(norm(word), anerMisc)]
}

// anercorp maps one mention to the ANERcorp convention; ok is false when
// the convention does not tag it.
func (r *Recognizer) anercorp(text string, s typedSpan) (typedSpan, bool) {
	ws := spanWords(text, s.Span)
	if len(ws) == 0 {
		return s, false
	}
	toks := make([]string, len(ws))
	for i, w := range ws {
		toks[i] = norm(text[w.Start:w.End])
	}
	whole := strings.Join(toks, " ")
	switch {
	case anerDescriptions[stripClitics(whole, anerDescriptions)]:
		return s, false
	case anerMiscNames[stripClitics(whole, anerMiscNames)]:
		s.typ = marsad.MISC
	case anerOrgNames[stripClitics(whole, anerOrgNames)]:
		s.typ = marsad.ORG
	}
	if s.typ == marsad.ORG || s.typ == marsad.MISC {
		if t, ok := r.anerPlaceIn(s, ws, toks); ok {
			return t, true
		}
	}
	if _, title := r.lx.titles[toks[0]]; title && s.typ == marsad.PER {
		return s, false // وزير الخارجية الأردني: a role linked to its person, not a name
	}
	if s.typ == marsad.ORG {
		if anerGovernment[toks[0]] || anerGovernmentPhrases[whole] ||
			len(toks) > 2 && anerGovernmentPhrases[toks[0]+" "+toks[1]] {
			// A body named by description is untagged, a name inside it
			// is (الجمعية العامة [للأمم المتحدة]).
			return r.nameIn(ws, toks)
		}
		if letters(toks) {
			return s, false // أ ف ب, د ب أ: an agency's initials in a byline
		}
		if len(toks) == 1 && definite(toks[0]) && r.lx.cues[stripAl(toks[0])] == cueOrgHead {
			return s, false // المجلس, الحزب: a back-reference by the head noun alone
		}
	}
	lo, hi := 0, len(ws)
	if hi-lo >= 2 {
		// A compass word or a place's descriptor is cut off; an
		// organization's descriptor too unless the whole is a name of
		// its own (حركة طالبان and طالبان are both names of one entity).
		switch {
		case anerCompass[toks[0]+" "+toks[1]] && hi-lo >= 3:
			lo = 2
		case anerCompass[toks[0]] || anerPlaceDescriptors[toks[0]] || definite(toks[0]) && anerPlaceDescriptors[stripAl(toks[0])] && s.typ == marsad.MISC:
			lo = 1
			if hi-lo >= 2 && anerPlaceDescriptors[toks[lo]] {
				lo++ // جنوب قطاع [غزة]
			}
		case anerDescriptors[stripAl(toks[0])]:
			whole, rest := r.lx.entityOf(toks), r.lx.entityOf(toks[1:])
			if !definite(toks[1]) && (whole < 0 || whole == rest) || definite(toks[1]) && rest >= 0 {
				lo = 1 // حركة طالبان, النادي الأهلي, حركة الجهاد الإسلامي
			}
		}
	}
	if hi-lo >= 2 && s.typ == marsad.LOC && lo > 0 && anerFacilityAdj[toks[hi-1]] {
		hi-- // مطار [الدوحة] الدولي
	}
	if hi-lo >= 2 && s.typ == marsad.LOC && (anerEpithets[toks[hi-1]] ||
		hi-lo == 2 && anerCompassAfter[toks[hi-1]] && anerRegionBases[stripClitics(toks[lo], anerRegionBases)]) {
		hi--
	}
	if s.typ == marsad.MISC {
		// A prize or event's complement with لل is outside its name
		// ([نوبل] للسلام).
		for k := lo + 1; k < hi; k++ {
			if strings.HasPrefix(toks[k], "لل") {
				hi = k
				break
			}
		}
	}
	if lo == 1 && s.typ == marsad.LOC {
		// A facility's own name, when it is no place's (مطار المنارة,
		// but مطار دالاس), is MISC or ORG in the convention.
		if t, ok := anerFacilityTypes[toks[0]]; ok {
			if e := r.lx.entityOf(toks[lo:hi]); e < 0 || r.lx.entities[e].Type != marsad.LOC {
				s.typ = t
			}
		}
	}
	if lo == 0 && hi == len(ws) {
		return s, true
	}
	s.Start, s.End = ws[lo].Start, ws[hi-1].End
	return s, true
}

// anerPlaceIn returns the place inside an organization or event headed by
// one of anerPlaceHeads (حكومة كوبا → كوبا), which ANERcorp tags alone.
func (r *Recognizer) anerPlaceIn(s typedSpan, ws []marsad.Span, toks []string) (typedSpan, bool) {
	if len(toks) < 2 || !anerPlaceHeads[stripClitics(toks[0], anerPlaceHeads)] {
		return s, false
	}
	if t, ok := innerName(ws, toks, func(sub []string, _ bool) string {
		if e := r.lx.entityOf(sub); e >= 0 && r.lx.entities[e].Type == marsad.LOC {
			return marsad.LOC
		}
		return ""
	}); ok {
		return t, true
	}
	return s, false
}

// innerName walks the words of a mention after its first one, from the
// left and longest first, and returns the first run that typeOf gives a
// type ("" for none); last tells whether the run ends the mention.
func innerName(ws []marsad.Span, toks []string, typeOf func(sub []string, last bool) string) (typedSpan, bool) {
	for k := 1; k < len(toks); k++ {
		for L := len(toks) - k; L >= 1; L-- {
			if t := typeOf(toks[k:k+L], k+L == len(toks)); t != "" {
				return typedSpan{Span: marsad.Span{Start: ws[k].Start, End: ws[k+L-1].End}, typ: t}, true
			}
		}
	}
	return typedSpan{}, false
}

// letters reports whether toks are two or more single letters (initials).
func letters(toks []string) bool {
	for _, t := range toks {
		if utf8.RuneCountInString(t) != 1 {
			return false
		}
	}
	return len(toks) >= 2
}

// nameIn returns the longest organization or place of the lexicon inside
// a mention after its first word; ok is false when there is none.
func (r *Recognizer) nameIn(ws []marsad.Span, toks []string) (typedSpan, bool) {
	return innerName(ws, toks, func(sub []string, last bool) string {
		if anerGovernment[sub[0]] {
			return "" // وزارة الخارجية الأميركية: a description all along
		}
		if last || len(sub) > 1 {
			if e := r.lx.entityOf(sub); e >= 0 && (r.lx.entities[e].Type == marsad.ORG || r.lx.entities[e].Type == marsad.LOC) {
				return r.lx.entities[e].Type
			}
		}
		if strings.HasPrefix(sub[0], "لل") {
			// للأمم المتحدة: ل + the article's ل.
			alt := append([]string{"ال" + strings.TrimPrefix(sub[0], "لل")}, sub[1:]...)
			if e := r.lx.entityOf(alt); e >= 0 && r.lx.entities[e].Type == marsad.ORG {
				return marsad.ORG
			}
		}
		return ""
	})
}

// stripClitics returns word without up to two proclitics (و ف ب ل) when
// that form is in set, else word.
func stripClitics(word string, set map[string]bool) string {
	x := word
	for k := 0; k < 3; k++ {
		if set[x] {
			return x
		}
		r, size := utf8.DecodeRuneInString(x)
		if !strings.ContainsRune("وفبل", r) || len(x) <= size {
			break
		}
		x = x[size:]
	}
	return word
}

// entityOf returns the lexicon entity that toks (normalized) name, or -1.
func (lx *Lexicon) entityOf(toks []string) int32 {
	if len(toks) == 0 {
		return -1
	}
	for _, p := range lx.byFirst[toks[0]] {
		if slices.Equal(p.toks, toks) {
			return p.ent
		}
	}
	return -1
}
