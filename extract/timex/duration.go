package timex

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// durUnit describes a unit word of a duration: its TIMEX3 letter, whether
// it is a time (T) unit, and the count the word carries (2 for duals, 0
// for forms that need a number, 1 for singulars).
type durUnit struct {
	letter string
	clock  bool
	count  int
	plural bool
}

var durUnits = func() map[string]durUnit {
	m := map[string]durUnit{}
	add := func(letter string, clock bool, sing, acc, dual, plural string) {
		for _, w := range strings.Fields(sing) {
			m[w] = durUnit{letter, clock, 1, false}
		}
		for _, w := range strings.Fields(acc) {
			m[w] = durUnit{letter, clock, 1, false}
		}
		for _, w := range strings.Fields(dual) {
			m[w] = durUnit{letter, clock, 2, false}
		}
		for _, w := range strings.Fields(plural) {
			m[w] = durUnit{letter, clock, 0, true}
		}
	}
	add("S", true, "ثانيه", "", "ثانيتين ثانيتان", "ثوان ثواني ثواني الثواني")
	add("M", true, "دقيقه", "", "دقيقتين دقيقتان", "دقائق الدقائق")
	add("H", true, "ساعه", "", "ساعتين ساعتان", "ساعات الساعات")
	add("D", false, "يوم", "يوما", "يومين يومان", "ايام الايام")
	add("W", false, "اسبوع", "اسبوعا", "اسبوعين اسبوعان", "اسابيع الاسابيع")
	add("M", false, "شهر", "شهرا", "شهرين شهران", "اشهر شهور الاشهر الشهور")
	add("Y", false, "سنه عام", "عاما سنه", "سنتين سنتان عامين عامان", "سنوات سنين اعوام اعوام السنوات السنين الاعوام")
	add("DE", false, "عقد", "عقدا", "عقدين عقدان", "عقود العقود")
	add("CE", false, "قرن", "قرنا", "قرنين قرنان", "قرون القرون")
	return m
}()

func durValue(n float64, u durUnit) string {
	num := strconv.FormatFloat(n, 'f', -1, 64)
	if u.clock {
		return "PT" + num + u.letter
	}
	switch u.letter {
	case "DE":
		return "P" + strconv.FormatFloat(n*10, 'f', -1, 64) + "Y"
	case "CE":
		return "P" + strconv.FormatFloat(n*100, 'f', -1, 64) + "Y"
	}
	return "P" + num + u.letter
}

// durationAt reads a duration at token i: ثلاثة أيام, 48 ساعة, يومين,
// عاما كاملا, ساعة ونصف, نصف ساعة, بضعة أيام.
func (p *parser) durationAt(i int, w0 string) (val string, u durUnit, n float64, j int, ok bool) {
	// dual or singular unit alone
	if du, found := durUnits[w0]; found {
		switch {
		case du.count == 2 && (p.wordIs(i+1, "ونصف", "ونص") || p.wordIs(i+1, "و") && p.wordIs(i+2, "نصف")):
			k := i + 2
			if p.wordIs(i+1, "و") {
				k = i + 3
			}
			if du.letter == "H" && du.clock {
				return "PT2H30M", du, 2.5, k, true
			}
			return durValue(2.5, du), du, 2.5, k, true
		case du.count == 2:
			return durValue(2, du), du, 2, i + 1, true
		case du.count == 1 && p.wordIs(i+1, "كاملا", "كامله", "كاملين", "بكامله", "كامل", "واحدا", "واحده", "واحد"):
			return durValue(1, du), du, 1, i + 2, true
		case du.count == 1 && (p.wordIs(i+1, "ونصف", "ونص") || p.wordIs(i+1, "و") && p.wordIs(i+2, "نصف")):
			k := i + 2
			if p.wordIs(i+1, "و") {
				k = i + 3
			}
			if du.letter == "H" && du.clock {
				return "PT1H30M", du, 1.5, k, true
			}
			return durValue(1.5, du), du, 1.5, k, true
		case du.count == 1 && p.wordIs(i-1, "لمده", "مده", "طوال", "طيله", "قرابه", "نحو", "حوالي"),
			du.count == 1 && p.wordIs(i-1, "بعد") && p.wordIs(i+1, "علي", "من") && !(i+2 < len(p.toks) && p.toks[i+2].kind == tNum):
			// بعد عام على الانتخابات: one unit counted from an event
			return durValue(1, du), du, 1, i + 1, true
		case du.count == 1 && i < len(p.toks) && p.toks[i].norm == "ب"+w0 &&
			(i+1 >= len(p.toks) || p.toks[i+1].kind == tPunct || p.wordIs(i+1, "فقط", "واحد", "واحده", "او", "و")):
			// قبل العيد بأسبوع: a one-unit distance
			return durValue(1, du), du, 1, i + 1, true
		}
		return "", du, 0, i, false
	}
	if w0 == "نصف" || w0 == "نص" {
		if p.wordIs(i+1, "الساعه") {
			return "PT30M", durUnits["ساعه"], 0.5, i + 2, true // نصف الساعة
		}
		if du, found := durUnits[p.w(i+1)]; found && du.count == 1 {
			if du.letter == "H" && du.clock {
				return "PT30M", du, 0.5, i + 2, true
			}
			return durValue(0.5, du), du, 0.5, i + 2, true
		}
	}
	if w0 == "بضعه" || w0 == "بضع" || w0 == "عده" {
		if du, found := durUnits[p.w(i+1)]; found && du.plural {
			return "P" + map[bool]string{true: "T", false: ""}[du.clock] + "X" + du.letter, du, 0, i + 2, true
		}
		return "", durUnit{}, 0, i, false
	}
	var v float64
	var k int
	var numOK bool
	if i < len(p.toks) && p.toks[i].kind == tNum {
		v, k, _, numOK = p.numAt(i)
	} else {
		if nw, ok := p.numWordAt(i, false); !ok || nw.class == "ord" || nw.class == "ordten" {
			return "", durUnit{}, 0, i, false
		}
		v, k, numOK = p.cardinalAt(i)
	}
	if !numOK {
		return "", durUnit{}, 0, i, false
	}
	if p.wordIs(k, "ال", "الـ") {
		k++
	}
	du, found := durUnits[p.w(k)]
	if !found || du.count == 2 || p.w(k) == "يوم" && isWeekday(p.w(k+1)) {
		return "", durUnit{}, 0, i, false
	}
	end := k + 1
	if p.wordIs(end, "ونصف", "ونص") {
		v += 0.5
		end++
	}
	return durValue(v, du), du, v, end, true
}

// durationRule: a duration, or قبل + duration (three days ago: a DATE), or
// the last/next N units (الأيام الثلاثة الماضية, الـ24 ساعة الماضية).
func (p *parser) durationRule(i int, w0 string) (match, bool) {
	if w0 == "قبل" {
		val, du, n, j, ok := p.durationAt(i+1, p.w(i+1))
		if u, found := durUnits[p.w(i+1)]; !ok && found && u.count == 1 && !(i+2 < len(p.toks) && p.toks[i+2].kind == tNum) {
			val, du, n, j, ok = durValue(1, u), u, 1, i+2, true
		}
		if ok {
			if _, j2 := p.durCompound(j, val); j2 > j {
				return match{}, false // قبل شهرين ويومين: the compound duration, with its signal outside
			}
		}
		if ok && n == float64(int(n)) && !du.clock {
			return p.agoMatch(i, j, du, int(n)), true
		}
		if ok {
			return match{i: i, j: j, typ: DURATION, val: val, mod: "BEFORE"}, true
		}
		return match{}, false
	}
	if w0 == "اخر" && i+1 < len(p.toks) && p.toks[i+1].kind == tNum {
		// آخر 3 سنوات: the last N units, as الأعوام الثلاثة الماضية
		if val, _, _, j, ok := p.durationAt(i+1, p.w(i+1)); ok {
			return match{i: i, j: j, typ: DURATION, val: val}, true
		}
	}
	if w0 == "بعد" {
		val, du, n, j, ok := p.durationAt(i+1, p.w(i+1))
		if !ok || du.clock || n != float64(int(n)) {
			return match{}, false
		}
		if _, j2 := p.durCompound(j, val); j2 > j {
			return match{}, false // بعد يوم واحد وساعتين
		}
		if !(p.wordIs(j, "من") && p.wordIs(j+1, "الان", "اليوم")) && !p.future(i, j) {
			// بعد ثلاث سنوات (من الهجوم): counted from an event, not from
			// the publication date; the duration alone is marked
			return match{}, false
		}
		m := p.agoMatch(i, j, du, -int(n))
		if p.wordIs(j, "من") && p.wordIs(j+1, "الان", "اليوم") {
			m.j = j + 2
		}
		_ = val
		return m, true
	}
	// الأسابيع القليلة الماضية
	if du, found := durUnits[w0]; found && du.plural && strings.HasPrefix(w0, "ال") && p.wordIs(i+1, "القليله", "الاخيره", "العديده") && (pastWords[p.w(i+2)] || nextWords[p.w(i+2)]) {
		return match{i: i, j: i + 3, typ: DURATION, val: "P" + map[bool]string{true: "T", false: ""}[du.clock] + "X" + du.letter}, true
	}
	// الأيام الثلاثة الماضية, الساعات الـ24 الماضية
	if du, found := durUnits[w0]; found && du.plural && strings.HasPrefix(w0, "ال") {
		k := i + 1
		if p.wordIs(k, "ال", "الـ") {
			k++
		}
		var v float64
		var ok bool
		var k2 int
		if k < len(p.toks) && p.toks[k].kind == tNum {
			v, k2, _, ok = p.numAt(k)
		} else {
			v, k2, ok = p.cardinalAt(k)
		}
		if ok && (pastWords[p.w(k2)] || nextWords[p.w(k2)]) {
			return match{i: i, j: k2 + 1, typ: DURATION, val: durValue(v, du)}, true
		}
		if pastWords[p.w(i+1)] || nextWords[p.w(i+1)] {
			return match{i: i, j: i + 2, typ: DURATION, val: "P" + map[bool]string{true: "T", false: ""}[du.clock] + "X" + du.letter}, true
		}
		return match{}, false
	}
	// العقدين الماضيين, الشهرين المقبلين: a dual with ال
	if du, found := durUnits[strings.TrimPrefix(w0, "ال")]; found && strings.HasPrefix(w0, "ال") && du.count == 2 && (pastWords[p.w(i+1)] || nextWords[p.w(i+1)] || p.wordIs(i+1, "الماضيين", "المقبلين", "القادمين", "الاخيرين", "المنصرمين")) {
		return match{i: i, j: i + 2, typ: DURATION, val: durValue(2, du)}, true
	}
	// الـ24 ساعة الماضية
	if (w0 == "ال" || w0 == "الـ") && i+1 < len(p.toks) && p.toks[i+1].kind == tNum {
		if val, _, _, j, ok := p.durationAt(i+1, p.w(i+1)); ok {
			if pastWords[p.w(j)] || nextWords[p.w(j)] {
				j++
			}
			return match{i: i, j: j, typ: DURATION, val: val}, true
		}
	}
	val, _, _, j, ok := p.durationAt(i, w0)
	if !ok {
		return match{}, false
	}
	compound := false
	if v2, j2 := p.durCompound(j, val); j2 > j {
		val, j, compound = v2, j2, true
	}
	if compound && p.wordIs(j, "من") && p.wordIs(j+1, "الان") {
		// شهر و21 يوما من الآن: a date counted from the publication date
		return p.offsetMatch(i, j+2, val), true
	}
	if pastWords[p.w(j)] || nextWords[p.w(j)] {
		j++
	}
	return match{i: i, j: j, typ: DURATION, val: val}, true
}

// durCompound extends a duration ending at token j with the parts joined
// to it: عام واحد و شهر و 21 يوما, يوم واحد وساعتين, 2 سنة 1 شهر 21 يوم.
// It returns the combined value and the new end (j when nothing follows).
func (p *parser) durCompound(j int, val string) (string, int) {
	for range 4 {
		k, w := j, p.w(j)
		switch {
		case w == "و":
			k++
			w = p.w(k)
		case p.wc(j) != w:
			w = p.wc(j) // وساعتين
		case j < len(p.toks) && p.toks[j].kind == tNum:
			// juxtaposed parts: 2 سنة 1 شهر
		default:
			return val, j
		}
		v2, j2, ok := "", k, false
		if du, found := durUnits[w]; found && du.count == 1 && !isWeekday(p.w(k+1)) {
			v2, j2, ok = durValue(1, du), k+1, true // و شهر
			if p.wordIs(k+1, "واحد", "واحدا", "واحده") {
				j2++
			}
		}
		if vv, _, _, jj, ok2 := p.durationAt(k, w); ok2 && jj >= j2 {
			v2, j2, ok = vv, jj, true
		}
		if !ok {
			return val, j
		}
		sum, ok := addDur(val, v2)
		if !ok {
			return val, j
		}
		val, j = sum, j2
	}
	return val, j
}

// durOrder is the order of the parts of a TIMEX3 duration value.
var durOrder = [...]string{"Y", "M", "W", "D", "TH", "TM", "TS"}

// parseDur splits a TIMEX3 duration (P1Y2M, PT2H30M, P1DT2H) into its
// parts keyed by durOrder.
func parseDur(v string) (map[string]string, bool) {
	if !strings.HasPrefix(v, "P") || strings.Contains(v, "X") {
		return nil, false
	}
	out := map[string]string{}
	num := ""
	inTime := false
	for _, r := range v[1:] {
		switch {
		case r == 'T':
			inTime = true
		case r >= '0' && r <= '9' || r == '.':
			num += string(r)
		default:
			key := string(r)
			if inTime {
				key = "T" + key
			}
			if num == "" || out[key] != "" {
				return nil, false
			}
			out[key] = num
			num = ""
		}
	}
	return out, num == "" && len(out) > 0
}

// addDur adds two durations whose parts do not overlap.
func addDur(a, b string) (string, bool) {
	pa, ok1 := parseDur(a)
	pb, ok2 := parseDur(b)
	if !ok1 || !ok2 {
		return "", false
	}
	for k, v := range pb {
		if pa[k] != "" {
			return "", false
		}
		pa[k] = v
	}
	var sb strings.Builder
	sb.WriteString("P")
	t := false
	for _, k := range durOrder {
		if pa[k] == "" {
			continue
		}
		if strings.HasPrefix(k, "T") {
			if !t {
				sb.WriteString("T")
				t = true
			}
			sb.WriteString(pa[k] + k[1:])
			continue
		}
		sb.WriteString(pa[k] + k)
	}
	return sb.String(), true
}

// offsetMatch resolves a compound duration counted forward from the
// publication date (شهر و21 يوما من الآن).
func (p *parser) offsetMatch(i, j int, dur string) match {
	m := match{i: i, j: j, typ: DATE, grain: gDay}
	parts, _ := parseDur(dur)
	n := func(k string) int { v, _ := strconv.Atoi(parts[k]); return v }
	if !p.known {
		m.rel = dur
		return m
	}
	t := p.anchor.AddDate(n("Y"), n("M"), 7*n("W")+n("D"))
	m.y, m.m, m.d = t.Year(), int(t.Month()), t.Day()
	m.val = t.Format("2006-01-02")
	return m
}

// agoMatch resolves "N units ago" against the publication date.
func (p *parser) agoMatch(i, j int, du durUnit, n int) match {
	m := match{i: i, j: j, typ: DATE}
	if !p.known {
		m.rel = fmt.Sprintf("P%d%s", -n, du.letter)
		return m
	}
	a := p.anchor
	switch du.letter {
	case "D":
		d := a.AddDate(0, 0, -n)
		m.val, m.grain = d.Format("2006-01-02"), gDay
	case "W":
		d := a.AddDate(0, 0, -7*n)
		m.val, m.grain = d.Format("2006-01-02"), gDay
	case "M":
		d := a.AddDate(0, -n, 0)
		m.val, m.grain = d.Format("2006-01"), gMonth
	case "Y":
		m.val, m.grain = fmt.Sprintf("%04d", a.Year()-n), gYear
	case "DE":
		m.val, m.grain = fmt.Sprintf("%04d", a.Year()-10*n), gYear
	default:
		m.val, m.grain = fmt.Sprintf("%04d", a.Year()-100*n), gYear
	}
	if du.letter == "DE" || du.letter == "CE" {
		m.mod = "APPROX"
	}
	return m
}

// setRule: كل يوم, كل أسبوع, كل يوم اثنين, كل ثلاثة أسابيع, يوميا, سنويا.
func (p *parser) setRule(i int, w0 string) (match, bool) {
	switch w0 {
	case "يوميا":
		return match{i: i, j: i + 1, typ: SET, val: "P1D"}, true
	case "اسبوعيا":
		return match{i: i, j: i + 1, typ: SET, val: "P1W"}, true
	case "شهريا":
		return match{i: i, j: i + 1, typ: SET, val: "P1M"}, true
	case "سنويا", "عاما":
		if w0 == "عاما" {
			return match{}, false
		}
		return match{i: i, j: i + 1, typ: SET, val: "P1Y"}, true
	case "ايام":
		// أيام الاثنين: every Monday
		if wd, ok := lex().weekdays[p.w(i+1)]; ok {
			return p.setClock(match{i: i, j: i + 2, typ: SET, val: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}), true
		}
		return match{}, false
	case "كل":
	default:
		return match{}, false
	}
	m, ok := p.everyAt(i)
	if !ok {
		return match{}, false
	}
	return p.setClock(m), true
}

// setClock extends a set with the clock time that follows it: كل يوم
// اثنين الساعة 4 مساءً → XXXX-WXX-1T16:00, كل صباح في الساعة 9 →
// XXXX-XX-XXT09:00.
func (p *parser) setClock(m match) match {
	k := m.j
	if p.wordIs(k, "في", "عند") {
		k++
	}
	if k >= len(p.toks) || !(p.wordIs(k, "الساعه") || p.toks[k].kind == tNum || p.ordinalOK(k)) {
		return m
	}
	c, ok := p.clockRule(k, p.w(k))
	if !ok || !strings.Contains(c.val+c.rel, "T") {
		return m
	}
	v := c.val + c.rel
	clock := v[strings.Index(v, "T"):]
	switch {
	case strings.HasPrefix(m.val, "XXXX-WXX-"):
		m.val = m.val[:len("XXXX-WXX-1")] + clock
	case m.val == "P1D" || strings.HasPrefix(m.val, "XXXX-XX-XXT"):
		if strings.HasSuffix(m.val, "TEV") || strings.HasSuffix(m.val, "TNI") {
			if h, err := strconv.Atoi(clock[1:3]); err == nil && h < 12 && h >= 5 {
				clock = fmt.Sprintf("T%02d%s", h+12, clock[3:])
			}
		}
		m.val = "XXXX-XX-XX" + clock
	default:
		return m
	}
	m.j = c.j
	return m
}

// everyAt reads كل + unit, weekday, part of day or number of units.
func (p *parser) everyAt(i int) (match, bool) {
	k := i + 1
	if p.wordIs(k, "يوم") {
		if wd, ok := lex().weekdays[p.w(k+1)]; ok {
			return match{i: i, j: k + 2, typ: SET, val: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}, true
		}
	}
	if wd, ok := lex().weekdays[p.w(k)]; ok {
		return match{i: i, j: k + 1, typ: SET, val: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}, true
	}
	if p.wordIs(k, "صباح") {
		return match{i: i, j: k + 1, typ: SET, val: "XXXX-XX-XXTMO"}, true
	}
	if p.wordIs(k, "مساء") {
		return match{i: i, j: k + 1, typ: SET, val: "XXXX-XX-XXTEV"}, true
	}
	if p.wordIs(k, "ليله", "ليل") {
		return match{i: i, j: k + 1, typ: SET, val: "XXXX-XX-XXTNI"}, true
	}
	if du, ok := durUnits[p.w(k)]; ok && du.count >= 1 {
		return match{i: i, j: k + 1, typ: SET, val: durValue(float64(du.count), du)}, true
	}
	if val, _, _, j, ok := p.durationAt(k, p.w(k)); ok {
		return match{i: i, j: j, typ: SET, val: val}, true
	}
	return match{}, false
}

// nowRule: الآن, حاليا, في هذه اللحظة → PRESENT_REF.
func (p *parser) nowRule(i int, w0 string) (match, bool) {
	switch w0 {
	case "الان", "حاليا", "حالا":
		return match{i: i, j: i + 1, typ: DATE, val: "PRESENT_REF"}, true
	case "هذه":
		if p.wordIs(i+1, "اللحظه") {
			return match{i: i, j: i + 2, typ: DATE, val: "PRESENT_REF"}, true
		}
	}
	return match{}, false
}

// holiday is one entry of lexicon/holidays.txt.
type holiday struct {
	words    []string // folded words of the name
	calendar string
	month    int
	day      int
}

// holidays returns the feasts by their first folded word, longest names
// first.
var holidays = sync.OnceValue(func() map[string][]holiday {
	m := map[string][]holiday{}
	must(readTable("lexicon/holidays.txt", 4, func(f []string) error {
		mo, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		d, err := strconv.Atoi(f[3])
		if err != nil {
			return err
		}
		w := strings.Fields(fold(f[0]))
		m[w[0]] = append(m[w[0]], holiday{w, f[1], mo, d})
		return nil
	}))
	for k := range m {
		sort.Slice(m[k], func(a, b int) bool { return len(m[k][a].words) > len(m[k][b].words) })
	}
	return m
})

// holidayRule: عيد الفطر, عيد الأضحى 2013, رأس السنة الهجرية, عيد الميلاد,
// يوم الأرض, with an optional year, resolved to the occurrence in that
// Gregorian year (the publication year when none is written).
func (p *parser) holidayRule(i int, w0 string) (match, bool) {
	var h holiday
	found := false
	for _, c := range holidays()[w0] {
		ok := true
		for k, w := range c.words[1:] {
			if p.w(i+1+k) != w {
				ok = false
				break
			}
		}
		if ok {
			h, found = c, true
			break
		}
	}
	if !found {
		return match{}, false
	}
	j := i + len(h.words)
	year := 0
	if y, k, _, ok := p.yearAfter(j); ok && y >= 1900 {
		year, j = y, k
	} else if y, k, ok := p.yearExprAt(j); ok && (p.wordIs(j, "هذا", "هذه", "لعام") || unitGrain[p.w(j)] == gYear) {
		year, j = y, k
	}
	m := match{i: i, j: j, typ: DATE, grain: gDay}
	if h.calendar == "national" {
		// عيد الاستقلال: each country has its own day
		m.reason = "a national day: the date depends on the country"
		return m, true
	}
	if year == 0 {
		if !p.known {
			m.rel = "HOLIDAY"
			return m, true
		}
		year = p.anchor.Year()
	}
	var d time.Time
	switch h.calendar {
	case "gregorian":
		d = dateOf(year, h.month, h.day)
	case "easter":
		d = easter(year)
	case "nthweekday":
		wd := h.day % 10
		if wd == 7 {
			wd = 0
		}
		d, _ = nthWeekday(year, h.month, wd, h.day/10)
	default:
		hy, err := hijriOf(dateOf(year, 1, 1))
		if err != nil {
			m.reason = err.Error()
			return m, true
		}
		for _, y := range []int{hy, hy + 1} {
			if g, err := hijriToGregorian(y, h.month, h.day); err == nil && g.Year() == year {
				d = g
				break
			}
		}
		if d.IsZero() {
			m.reason = "holiday not found in that year"
			return m, true
		}
	}
	m.y, m.m, m.d = d.Year(), int(d.Month()), d.Day()
	m.val = d.Format("2006-01-02")
	return m, true
}
