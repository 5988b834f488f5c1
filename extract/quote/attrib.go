package quote

import (
	"strings"

	"github.com/marsad-project/marsad"
)

// cueAt is a reporting cue found in a sentence.
type cueAt struct {
	unit   int
	cue    cue
	source bool // بحسب, وفقا لـ … rather than a verb
}

// maxSubjectWords bounds the speaker phrase after a reporting verb.
const maxSubjectWords = 9

// sentence attributes the quotations of sentence si and finds its
// indirect speech.
func (a *analysis) sentence(si int) {
	lo, hi := a.sents[si][0], a.sents[si][1]
	var cues []cueAt
	for u := lo; u < hi; u++ {
		w := a.word(u)
		if w == "" {
			continue
		}
		if c, ok := a.lx.cueOf(w); ok && a.validCue(u, hi, c) {
			cues = append(cues, cueAt{unit: u, cue: c})
		} else if c, ok := a.relativeCue(u); ok {
			cues = append(cues, cueAt{unit: u, cue: c})
		} else if a.isSourceCue(u, hi) {
			cues = append(cues, cueAt{unit: u, source: true})
		}
	}
	attr := map[int]*speaker{} // by cue unit
	attrOf := func(ci int) *speaker {
		c := cues[ci]
		if sp, ok := attr[c.unit]; ok {
			return sp
		}
		sp := a.resolveCue(cues, ci, lo, hi, attr)
		attr[c.unit] = sp
		return sp
	}
	// Resolve every cue in text order so that the speaker history follows
	// the text, whichever quotation asks first.
	for ci := range cues {
		attrOf(ci)
	}
	// A sentence that ends with a cue and a colon introduces the quotation
	// that opens the next paragraph (newswire style).
	intro := a.intro
	a.intro.ok = false
	if n := len(cues); n > 0 && a.units[hi-1].kind == uColon && cues[n-1].unit < hi-1 {
		a.intro.sp, a.intro.cue, a.intro.para, a.intro.ok = attrOf(n-1), a.cueText(cues[n-1].unit), a.paraOf[hi-1], true
	}
	lastQuoteUnit := lo - 1
	var lastSp *speaker
	var lastCue string
	haveLast := false
	for u := lo; u < hi; u++ {
		if a.units[u].kind != uQuote || a.qclass[a.units[u].q] != qReal {
			continue
		}
		qi := a.units[u].q
		var sp *speaker
		cueText := ""
		found := false
		// The nearest cue before the quotation and after the previous one;
		// a source phrase (وبحسب البيان نفسه، تؤكد "…") names the speaker
		// over a verb whose subject is the quotation itself.
		pick := -1
		for ci := len(cues) - 1; ci >= 0; ci-- {
			if cues[ci].unit < u && cues[ci].unit > lastQuoteUnit {
				if pick < 0 {
					pick = ci
				} else if cues[ci].source && !cues[pick].source && cues[pick].unit+1 == u {
					pick = ci
				}
			}
		}
		if pick >= 0 {
			sp, cueText, found = attrOf(pick), a.cueText(cues[pick].unit), true
		}
		if !found && haveLast {
			sp, cueText, found = lastSp, lastCue, true
		}
		if !found {
			for ci := range cues {
				if cues[ci].unit < u {
					sp, cueText, found = attrOf(ci), a.cueText(cues[ci].unit), true
				}
			}
		}
		if !found {
			// A cue after the quotation: "…"، قال المتحدث.
			if ci := a.cueAfter(cues, u, hi); ci >= 0 {
				sp, cueText, found = attrOf(ci), a.cueText(cues[ci].unit), true
			}
		}
		if !found && a.units[u].kind == uQuote && a.qs[qi].start < a.titleEnd {
			a.deferred = append(a.deferred, qi)
			continue
		}
		if !found && u == lo && intro.ok && a.paraOf[u] == intro.para+1 {
			sp, cueText, found = intro.sp, intro.cue, true
		}
		if !found && u == lo && a.lastQuote.sp != nil && a.paraOf[u] <= a.lastQuote.para+1 && a.paraOf[u] > 0 {
			// A paragraph that opens with a quotation continues the last
			// speaker's words.
			sp, found = a.lastQuote.sp, true
		}
		if !found && (!a.x.opt.KeepUncued || a.qwords[qi] < uncuedMinWords) {
			a.qclass[qi] = qScare
			q := a.qs[qi]
			reason := SkipUncued
			if a.qwords[qi] <= a.x.opt.ScareMaxWords {
				reason = SkipScare
			}
			a.res.Skipped = append(a.res.Skipped, Skipped{Span: marsad.Span{Start: q.start, End: q.end}, Text: a.text[q.start:q.end], Reason: reason})
			continue
		}
		a.emit(a.qs[qi].start, a.qs[qi].end, true, sp, cueText)
		lastQuoteUnit, lastSp, lastCue, haveLast = u, sp, cueText, true
		if sp != nil {
			a.lastQuote.sp, a.lastQuote.para = sp, a.paraOf[u]
		}
	}
	if !a.x.opt.NoIndirect {
		a.indirect(cues, lo, hi, attrOf)
	}
}

// validCue filters reporting verbs that need a companion word: نقل needs
// عن, جاء needs في + a statement noun.
func (a *analysis) validCue(u, hi int, c cue) bool {
	switch c.lemma {
	case "نقل":
		for v := u + 1; v < hi && v <= u+6; v++ {
			if a.word(v) == "عن" {
				return true
			}
		}
		return false
	case "جاء":
		return a.word(u+1) == "في" && (strings.Contains(a.word(u+2), "بيان") || a.lx.document[strings.TrimPrefix(a.word(u+2), "ال")])
	case "رد":
		// ردّ "replied" needs بأن, a colon or a quotation; ورد في is "it
		// is stated in" (as جاء في), and ردا على is "in response to".
		if a.word(u+1) == "في" {
			return a.lx.document[strings.TrimPrefix(a.word(u+2), "ال")]
		}
		if a.word(u+1) == "علي" {
			return false
		}
		for v := u + 1; v < hi && v <= u+10; v++ {
			if k := a.units[v].kind; k == uColon || k == uQuote {
				return true
			}
			if w := a.word(v); a.lx.complementizer[w] && strings.HasPrefix(w, "ب") {
				return true
			}
		}
		return false
	case "كتب":
		// كتب is also "books": take it only before a colon, a quotation or
		// the place of writing (في تغريدة, على حسابه).
		for v := u + 1; v < hi && v <= u+8; v++ {
			if k := a.units[v].kind; k == uColon || k == uQuote {
				return true
			}
			for _, p := range []string{"تغريد", "تدوين", "حساب", "صفح", "منشور", "مقال", "رسال"} {
				if strings.Contains(a.word(v), p) {
					return true
				}
			}
		}
		return false
	case "ذكر":
		// ويذكر أن … is the writer's aside, not a report.
		if w := stripConj(a.word(u)); w == "يذكر" && a.lx.complementizer[a.word(u+1)] {
			return false
		}
	}
	return true
}

// relativeCue recognizes a reporting verb with an object pronoun after ما,
// as in "…"، هذا ما أكدته الوزيرة.
func (a *analysis) relativeCue(u int) (cue, bool) {
	if a.word(u-1) != "ما" {
		return cue{}, false
	}
	w := a.word(u)
	for _, suf := range []string{"ه", "ها"} {
		if base, ok := strings.CutSuffix(w, suf); ok && len(base) >= 4 {
			if c, ok := a.lx.cueOf(base); ok && c.feat&(featPassive|featParticiple|featFirst) == 0 {
				return c, true
			}
		}
	}
	return cue{}, false
}

// isSourceCue reports whether the word at u is a source phrase (بحسب X,
// وفقا لـ X, نقلا عن X) followed by a noun.
func (a *analysis) isSourceCue(u, hi int) bool {
	w := a.word(u)
	if !in(a.lx.source, w) {
		if stripConj(w) == "لسان" && a.word(u-1) == "علي" {
			return a.word(u+1) != ""
		}
		return false
	}
	next := a.word(u + 1)
	if next == "" || next == "ما" || next == "لما" {
		return false
	}
	if _, ok := a.lx.cueOf(next); ok {
		return false
	}
	return true
}

// cueText returns the cue word as written, without a leading و or ف.
func (a *analysis) cueText(u int) string {
	t := a.toks[a.units[u].tok]
	s := a.text[t.start:t.end]
	if k := t.key; len(k) >= 6 && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) {
		if _, ok := a.lx.cues[k]; !ok && !a.lx.source[k] || k == "ورد" && a.word(u+1) != "في" {
			// ورد الوزير بأن is و + ردّ "replied"; ورد في is one verb.
			s = s[len("و"):]
		}
	}
	return s
}

// cueAfter finds a cue right after the quotation at u: only punctuation, و
// or other quotations between.
func (a *analysis) cueAfter(cues []cueAt, u, hi int) int {
	for ci, c := range cues {
		if c.unit <= u {
			continue
		}
		for v := u + 1; v < c.unit; v++ {
			k := a.units[v].kind
			if w := a.word(v); k == uComma || k == uQuote || k == uOther || w == "و" || w == "هكذا" || w == "وهكذا" || w == "كما" || w == "هذا" || w == "وهذا" || w == "هذه" || w == "ذلك" || w == "ما" {
				continue
			}
			return -1
		}
		return ci
	}
	return -1
}

// resolveCue finds who speaks through cue ci.
func (a *analysis) resolveCue(cues []cueAt, ci, lo, hi int, attr map[int]*speaker) *speaker {
	c := cues[ci]
	u := c.unit
	if c.source {
		first := u + 1
		if stripConj(a.word(u)) == "نقلا" || stripConj(a.word(u)) == "استنادا" {
			first++
		}
		return a.subject(first, hi, c.cue, true, lo)
	}
	switch {
	case c.cue.lemma == "نقل":
		for v := u + 1; v < hi; v++ {
			if a.word(v) == "عن" {
				return a.subject(v+1, hi, c.cue, false, lo)
			}
		}
	case c.cue.lemma == "جاء" || c.cue.lemma == "رد" && a.word(u+1) == "في":
		// وجاء في البيان / وجاء في بيان الوزارة / وورد في تقرير صادر عن …
		if a.lx.issued[a.word(u+3)] {
			if sp := a.subject(u+2, hi, c.cue, false, lo); sp != nil {
				return sp
			}
		}
		if sp := a.subject(u+3, hi, c.cue, false, lo); sp != nil && a.word(u+2) == "بيان" {
			return sp
		}
		return a.statement
	case c.cue.feat&featPassive != 0:
		return &speaker{start: -1, end: -1, anonymous: true}
	case c.cue.feat&featFirst != 0:
		return nil
	}
	// A participle (مؤكدا, مضيفة) has no subject of its own: it speaks for
	// the subject of the main verb.
	if c.cue.feat&featParticiple == 0 {
		if sp := a.subject(u+1, hi, c.cue, false, lo); sp != nil {
			a.noteStatement(sp, u, hi)
			return sp
		}
	} else {
		for cj := ci - 1; cj >= 0; cj-- {
			if !cues[cj].source && cues[cj].cue.feat&featParticiple == 0 {
				if sp, ok := attr[cues[cj].unit]; ok {
					return sp
				}
				return a.resolveCue(cues, cj, lo, hi, attr)
			}
		}
	}
	if sp := a.subjectBefore(u, lo); sp != nil {
		sp.feat = c.cue.feat & (featMasc | featFem)
		a.noteStatement(sp, u, hi)
		return a.remember(sp)
	}
	sp := a.carry(c.cue.feat)
	if sp == nil {
		sp = a.earlierHead(lo, hi, c.cue.feat)
	}
	if sp != nil {
		a.noteStatement(sp, u, hi)
		a.remember(sp)
	}
	return sp
}

// headOf reports whether folded word w, without ال or a leading و/ف, is in
// set, and returns the bare form found.
func headOf(set map[string]bool, w string) (string, bool) {
	for _, x := range []string{w, stripConj(w)} {
		if b := strings.TrimPrefix(x, "ال"); set[b] {
			return b, true
		}
	}
	return "", false
}

// earlierHead finds, for a cue with no subject and no earlier speaker, the
// first role or body named in one of the three sentences before lo (استقبل
// رئيس الجمهورية … وقال: "…"), agreeing in gender with the cue.
func (a *analysis) earlierHead(lo, hi int, f feat) *speaker {
	si := len(a.sents)
	for i, s := range a.sents {
		if s[0] == lo {
			si = i
			break
		}
	}
	for sj := si - 1; sj >= 0 && sj >= si-3; sj-- {
		for v := a.sents[sj][0]; v < a.sents[sj][1]; v++ {
			w, ok := headOf(a.lx.speakerHead, a.word(v))
			if !ok {
				continue
			}
			if fem := strings.HasSuffix(w, "ه"); f&featFem != 0 && !fem || f&featMasc != 0 && fem {
				continue
			}
			if sp := a.subject(v, a.sents[sj][1], cue{feat: f}, false, a.sents[sj][0]); sp != nil {
				return sp
			}
		}
	}
	return nil
}

// noteStatement records sp as the author of a statement when the cue's
// clause says في بيان or the like.
func (a *analysis) noteStatement(sp *speaker, u, hi int) {
	for v := u + 1; v < hi && v <= u+maxSubjectWords+6; v++ {
		w := stripConj(a.word(v))
		if strings.HasPrefix(w, "بيان") || strings.HasPrefix(w, "ببيان") {
			a.statement = sp
			return
		}
		if a.units[v].kind == uQuote {
			return
		}
	}
}

// subject reads the speaker phrase starting at unit first. For source cues
// a leading ل (وفقا للوزارة) is dropped from the text.
func (a *analysis) subject(first, hi int, c cue, source bool, lo int) *speaker {
	// A quoted name as subject: وأكد «المرصد …» أن …
	if first < hi && a.units[first].kind == uQuote && a.qclass[a.units[first].q] == qTitle {
		q := a.qs[a.units[first].q]
		sp := &speaker{text: a.text[q.start:q.end], start: q.start, end: q.end, feat: c.feat & (featMasc | featFem)}
		a.link(sp)
		return a.remember(sp)
	}
	// تقرير صادر عن البنك الدولي: the document speaks for its issuer.
	if _, ok := headOf(a.lx.document, a.word(first)); ok && a.lx.issued[a.word(first+1)] && a.word(first+2) == "عن" {
		return a.subject(first+3, hi, c, false, lo)
	}
	var ws []int
	inPP := false
	for v := first; v < hi && (len(ws) < maxSubjectWords || len(ws) > 0 && a.lx.nameLink[a.word(ws[len(ws)-1])]); v++ {
		w := a.word(v)
		if w == "" {
			break
		}
		// A name link (بن, ولد, أبو) always takes the next word.
		if len(ws) > 0 && a.lx.nameLink[a.word(ws[len(ws)-1])] {
			ws = append(ws, v)
			continue
		}
		// رئيس البعثة في العاصمة كمال حمدان: a role runs on through a
		// place phrase to the name of its holder.
		if (w == "في" || w == "من") && len(ws) >= 1 && !inPP {
			if ext := a.roleHolder(ws[0], v, hi); ext != nil {
				ws = append(ws, ext...)
				break
			}
		}
		// مصادر في المعارضة, ضابط في الجيش: an indefinite head takes one
		// في/من phrase.
		if !inPP && (w == "في" || w == "من") && len(ws) >= 1 && len(ws) <= 2 && in(a.lx.sourceNoun, a.word(ws[0])) && a.word(v+1) != "" && !a.stopsSubject(a.word(v+1), 0) {
			inPP = true
			ws = append(ws, v)
			continue
		}
		if a.stopsSubject(w, len(ws)) || a.raw(v) == "على" || len(ws) > 0 && a.isObject(ws[len(ws)-1], v) {
			for k, x := range ws {
				if k > 0 && in(a.lx.anonVerb, a.word(x)) {
					if tail := a.anonTail(x, hi); tail != nil {
						ws = append(ws[:k], tail...)
					}
					break
				}
			}
			break
		}
		ws = append(ws, v)
	}
	if n := len(ws); n > 1 && (a.word(ws[n-1]) == "في" || a.word(ws[n-1]) == "من") {
		ws = ws[:n-1]
	}
	if len(ws) == 0 {
		return nil
	}
	// منسقة الإغاثة الأممية، نادية الشامي، إن …: a name in apposition.
	if ext := a.apposition(ws[len(ws)-1]+1, hi); ext != nil {
		ws = append(ws, ext...)
	}
	start := a.toks[a.units[ws[0]].tok].start
	end := a.toks[a.units[ws[len(ws)-1]].tok].end
	text := a.text[start:end]
	if source {
		k := a.word(ws[0])
		switch {
		case strings.HasPrefix(k, "لل"):
			text = "ال" + text[len("لل"):]
		case strings.HasPrefix(k, "ل") && len(k) > len("ل")*3:
			text = text[len("ل"):]
		}
		text = strings.TrimPrefix(text, "ـ")
	}
	sp := &speaker{text: text, start: start, end: end, feat: c.feat & (featMasc | featFem)}
	first0 := fold(strings.Fields(text)[0])
	sp.plural = c.feat&featPlural != 0 || isPluralNoun(first0)
	if ant := a.backReference(fold(text)); ant != nil {
		return a.remember(ant)
	}
	if ant := a.sameName(fold(text)); ant != nil {
		return a.remember(ant)
	}
	if len(ws) == 1 {
		a.fullName(sp, ws[0])
	}
	a.link(sp)
	return a.remember(sp)
}

// fullName widens a one-word speaker that is a family name (وقالت الأحمد)
// to the full name written earlier in the text (للمخرجة منى الأحمد).
func (a *analysis) fullName(sp *speaker, u int) {
	w := a.word(u)
	if a.commonNoun(w) {
		return
	}
	for v := u - 1; v > 0; v-- {
		if a.word(v) != w {
			continue
		}
		p := a.word(v - 1)
		if p == "" || strings.HasPrefix(p, "ال") || a.commonNoun(p) || a.stopsSubject(p, 1) || a.lx.nameLink[p] {
			return
		}
		if _, ok := a.lx.cueOf(p); ok {
			return
		}
		start := a.toks[a.units[v-1].tok].start
		end := a.toks[a.units[v].tok].end
		sp.text, sp.start, sp.end = a.text[start:end], start, end
		return
	}
}

// commonNoun reports whether folded word w is a lexicon noun that cannot be
// part of a personal name.
func (a *analysis) commonNoun(w string) bool {
	for _, set := range []map[string]bool{a.lx.generic, a.lx.sourceNoun, a.lx.speakerHead, a.lx.statement, a.lx.document, a.lx.title} {
		if in(set, w) {
			return true
		}
		if _, ok := headOf(set, w); ok {
			return true
		}
	}
	return false
}

// roleHolder returns the units of a place phrase and a name after the role
// head at unit head when the preposition at v opens one: one to three
// definite words, then one to four words of a name ending right before a
// complementizer, a colon, a comma or a quotation. It returns nil otherwise.
func (a *analysis) roleHolder(head, v, hi int) []int {
	if _, ok := headOf(a.lx.speakerHead, a.word(head)); !ok {
		return nil
	}
	// The place phrase: up to three words, the last of them definite
	// (العاصمة, وزارة الاقتصاد).
	x := v + 1
	for k := 0; ; k++ {
		w := a.word(x)
		if k == 3 || x >= hi || w == "" || a.stopsSubject(w, 1) {
			return nil
		}
		x++
		if strings.HasPrefix(w, "ال") {
			break
		}
	}
	// Definite adjectives of the place (المدينة القديمة).
	for k := 0; k < 2 && x < hi && strings.HasPrefix(a.word(x), "ال") && !a.stopsSubject(a.word(x), 1); k++ {
		x++
	}
	nName := 0
	for x < hi && nName < 4 {
		w := a.word(x)
		if w == "" || a.stopsSubject(w, 1) && !(nName > 0 && a.lx.nameLink[a.word(x-1)]) {
			break
		}
		if nName == 0 && strings.HasPrefix(w, "ال") {
			return nil
		}
		x++
		nName++
	}
	if nName == 0 || x >= hi || !a.endsSpeaker(x) && !a.stopsSubject(a.word(x), 1) {
		return nil
	}
	out := make([]int, 0, x-v)
	for u := v; u < x; u++ {
		out = append(out, u)
	}
	return out
}

// endsSpeaker reports whether unit x can follow a speaker phrase: a
// complementizer, a colon, a comma or a quotation.
func (a *analysis) endsSpeaker(x int) bool {
	switch a.units[x].kind {
	case uColon, uComma, uQuote:
		return true
	}
	return a.lx.complementizer[a.word(x)]
}

// apposition returns the units of a name set off by commas after a speaker
// phrase ending before unit v (، نادية الشامي، إن …), or nil.
func (a *analysis) apposition(v, hi int) []int {
	if v >= hi || a.units[v].kind != uComma {
		return nil
	}
	x := v + 1
	n := 0
	for x < hi && n < 4 {
		w := a.word(x)
		if w == "" || a.stopsSubject(w, n) && !(n > 0 && a.lx.nameLink[a.word(x-1)]) {
			break
		}
		if _, ok := a.lx.cueOf(w); ok {
			return nil
		}
		x++
		n++
	}
	if n < 2 || x+1 >= hi || a.units[x].kind != uComma {
		return nil
	}
	if nx := a.word(x + 1); !a.lx.complementizer[nx] && a.units[x+1].kind != uColon && a.units[x+1].kind != uQuote {
		return nil
	}
	out := make([]int, 0, x-v)
	for u := v; u < x; u++ {
		out = append(out, u)
	}
	return out
}

// raw returns the text of word unit u as written.
func (a *analysis) raw(u int) string {
	t := a.toks[a.units[u].tok]
	return a.text[t.start:t.end]
}

// isObject reports whether word v, after word prev of a speaker phrase, is
// rather the verb's object: a noun with a possessive suffix after a
// definite noun (ودعت الوزارة رعاياها).
func (a *analysis) isObject(prev, v int) bool {
	w := a.word(v)
	p := stripConj(a.word(prev))
	if !strings.HasPrefix(p, "ال") || strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "باسم") {
		return false
	}
	return strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "هم")
}

// stopsSubject reports whether folded word w ends a speaker phrase that
// already holds n words.
func (a *analysis) stopsSubject(w string, n int) bool {
	if w == "" {
		return true
	}
	if w == "علي" {
		return false // the name علي; the preposition على is checked as written
	}
	if in(a.lx.stop, w) || in(a.lx.complementizer, w) {
		return true
	}
	if _, ok := a.lx.cueOf(w); ok {
		return true
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	if strings.HasPrefix(w, "ل") {
		rest := w[len("ل"):]
		if a.lx.addressee[rest] || strings.HasPrefix(rest, "ل") && a.lx.addressee["ا"+rest] {
			return true
		}
	}
	if n > 0 && strings.HasPrefix(w, "و") && !a.lx.nameLink[w] && !strings.HasPrefix(w, "وزير") && !strings.HasPrefix(w, "وزار") && !strings.HasPrefix(w, "وكال") && !strings.HasPrefix(w, "ولي") && w != "وليد" && w != "وائل" {
		return true
	}
	return false
}

// anonTail returns the units of a trailing anonymity clause starting at v
// (رفض الكشف عن اسمه), or nil.
func (a *analysis) anonTail(v, hi int) []int {
	var out []int
	for x := v; x < hi && x < v+7; x++ {
		w := a.word(x)
		if w == "" {
			return nil
		}
		out = append(out, x)
		if strings.HasPrefix(w, "اسم") || strings.HasPrefix(w, "هوي") {
			return out
		}
	}
	return nil
}

// subjectBefore reads a speaker placed before its verb (الرئيس بايدن قال)
// back to the sentence start or a comma.
func (a *analysis) subjectBefore(u, lo int) *speaker {
	first, from := u, lo
	for v := u - 1; v >= lo; v-- {
		w := a.word(v)
		if in(a.lx.lead, w) {
			from = v + 1
			break
		}
		if w == "" || a.stopsSubject(w, 0) {
			break
		}
		if _, ok := a.lx.cueOf(w); ok {
			break
		}
		first = v
	}
	if first == u || u-first > 5 || first != from {
		return nil
	}
	start := a.toks[a.units[first].tok].start
	end := a.toks[a.units[u-1].tok].end
	sp := &speaker{text: a.text[start:end], start: start, end: end}
	sp.plural = isPluralNoun(a.word(first))
	if ant := a.backReference(fold(sp.text)); ant != nil {
		return ant
	}
	a.link(sp)
	return sp
}

// isPluralNoun guesses a plural head noun from its sound-plural ending.
func isPluralNoun(w string) bool {
	w = strings.TrimPrefix(stripConj(w), "ال")
	if len(w) < 8 {
		return false
	}
	return strings.HasSuffix(w, "ون") || strings.HasSuffix(w, "ين") || w == "مصادر" || w == "شهود" || w == "مسؤولو"
}

// backReference resolves a definite common noun (التحالف, الوزارة,
// البيان نفسه) to an earlier speaker whose name holds it.
func (a *analysis) backReference(k string) *speaker {
	ws := strings.Fields(k)
	if len(ws) == 0 {
		return nil
	}
	head := stripConj(ws[0])
	if len(ws) == 2 && (ws[1] == "نفسه" || ws[1] == "نفسها" || ws[1] == "ذاته" || ws[1] == "ذاتها" || ws[1] == "المذكور") {
		ws = ws[:1]
	}
	if a.lx.statement[head] && len(ws) == 1 {
		return a.statement
	}
	if len(ws) != 1 || !a.lx.generic[head] {
		return nil
	}
	// The noun must head the earlier phrase, possibly after a title:
	// التحالف → تحالف الفتح, الوزارة → وزارة الخارجية, but not
	// الوزارة → مصدر في وزارة الطاقة.
	bare := strings.TrimPrefix(head, "ال")
	for i := len(a.history) - 1; i >= 0; i-- {
		sp := a.history[i]
		if sp.anonymous || sp.text == "" {
			continue
		}
		ws := strings.Fields(fold(sp.text))
		if w := ws[0]; w == head || w == bare {
			return sp
		}
	}
	if id, name := a.entityWith(bare); id != "" {
		return &speaker{text: name, start: -1, end: -1, entity: id}
	}
	return nil
}

// sameName returns an earlier speaker whose phrase ends with the words of
// k, a short name (الحلبي after وزير الخارجية سامر الحلبي).
func (a *analysis) sameName(k string) *speaker {
	ws := strings.Fields(k)
	if len(ws) == 0 || len(ws) > 2 || a.lx.generic[stripConj(ws[0])] {
		return nil
	}
	tail := " " + strings.Join(ws, " ")
	for i := len(a.history) - 1; i >= 0; i-- {
		sp := a.history[i]
		if sp.anonymous || sp.text == "" {
			continue
		}
		full := " " + strings.Join(strings.Fields(fold(sp.text)), " ")
		if len(full) > len(tail) && strings.HasSuffix(full, tail) {
			return sp
		}
	}
	return nil
}

// remember moves sp to the front of the speaker history.
func (a *analysis) remember(sp *speaker) *speaker {
	for i, h := range a.history {
		if h == sp {
			a.history = append(a.history[:i], a.history[i+1:]...)
			break
		}
	}
	a.history = append(a.history, sp)
	return sp
}

// carry returns the most recent speaker that agrees with a cue that names
// no speaker (وتابع, وأضافت, وأضافوا).
func (a *analysis) carry(f feat) *speaker {
	var fallback *speaker
	for i := len(a.history) - 1; i >= 0; i-- {
		sp := a.history[i]
		if sp.anonymous {
			continue
		}
		if f&featFem != 0 && sp.feat&featMasc != 0 || f&featMasc != 0 && sp.feat&featFem != 0 {
			continue
		}
		if f&(featPlural|featDual) != 0 && !sp.plural {
			if fallback == nil {
				fallback = sp
			}
			continue
		}
		return sp
	}
	return fallback
}

// emit appends a quotation.
func (a *analysis) emit(start, end int, direct bool, sp *speaker, cueText string) {
	q := marsad.Quote{Span: marsad.Span{Start: start, End: end}, Text: a.text[start:end], Direct: direct, Cue: cueText}
	if sp != nil && !sp.anonymous {
		q.Speaker, q.SpeakerText = sp.entity, sp.text
	}
	a.res.Quotes = append(a.res.Quotes, q)
}

// indirect reports the clause after إن/أن that follows a reporting verb.
func (a *analysis) indirect(cues []cueAt, lo, hi int, attrOf func(int) *speaker) {
	for ci, c := range cues {
		if c.cue.lemma == "جاء" {
			continue
		}
		comp := -1
		if c.source {
			// وفقا للسفير، فإن …: a source phrase, a comma, then فإن.
			comp = a.sourceClause(c.unit, hi)
			if comp < 0 {
				continue
			}
		}
		words := 0
		for v := c.unit + 1; comp < 0 && v < hi && words <= a.x.opt.IndirectWindow; v++ {
			k := a.units[v].kind
			if k == uQuote || k == uColon {
				break
			}
			w := a.word(v)
			if w == "" {
				continue
			}
			words++
			if a.lx.complementizer[w] {
				if !in(a.lx.notComp, a.word(v-1)) {
					comp = v
				}
				break
			}
			if _, ok := a.lx.cueOf(w); ok {
				break
			}
		}
		if comp < 0 {
			continue
		}
		// The clause runs to the sentence end or to the next cue that opens
		// its own clause (، مضيفا أن …).
		end := hi
		for v := comp + 1; v < hi; v++ {
			w := a.word(v)
			if w == "" {
				continue
			}
			if _, ok := a.lx.cueOf(w); ok && a.opensClause(v) {
				end = v
				break
			}
		}
		direct := false
		for v := comp + 1; v < end; v++ {
			if a.units[v].kind == uQuote && a.qclass[a.units[v].q] == qReal {
				direct = true
				break
			}
		}
		bare := true
		for v := comp + 1; v < end; v++ {
			if a.units[v].kind == uWord {
				bare = false
				break
			}
		}
		if direct || bare {
			continue
		}
		last := end - 1
		for last > comp && a.units[last].kind != uWord && a.units[last].kind != uQuote {
			last--
		}
		if last <= comp {
			continue
		}
		start := a.unitStart(comp + 1)
		stop := a.unitEnd(last)
		a.emit(start, stop, false, attrOf(ci), a.cueText(c.unit))
	}
}

// sourceClause returns the unit of فإن that opens the reported clause of
// the source phrase at unit u (وفقا للسفير، فإن …), or -1.
func (a *analysis) sourceClause(u, hi int) int {
	for v := u + 1; v < hi && v <= u+maxSubjectWords+1; v++ {
		if a.units[v].kind != uComma {
			if a.word(v) == "" {
				return -1
			}
			continue
		}
		switch a.word(v + 1) {
		case "فان", "فانه", "فانها", "فانهم":
			return v + 1
		}
		return -1
	}
	return -1
}

func (a *analysis) unitStart(u int) int {
	if a.units[u].kind == uQuote {
		return a.toks[a.qs[a.units[u].q].open].start
	}
	return a.toks[a.units[u].tok].start
}

func (a *analysis) unitEnd(u int) int {
	if a.units[u].kind == uQuote {
		q := a.qs[a.units[u].q]
		if q.close >= 0 {
			return a.toks[q.close].end
		}
		return q.end
	}
	return a.toks[a.units[u].tok].end
}

// opensClause reports whether the cue word at v starts a new reporting
// clause inside another one: after a comma, with a conjunction, or after
// أن / فيما / بينما / ثم (قبل أن يختم بالقول).
func (a *analysis) opensClause(v int) bool {
	if a.units[v-1].kind == uComma {
		return true
	}
	w := a.word(v)
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		return true
	}
	switch a.word(v - 1) {
	case "ان", "ثم", "فيما", "بينما", "حين", "حيث":
		return true
	}
	return false
}
