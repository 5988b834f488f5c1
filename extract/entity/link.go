package entity

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
	"github.com/marsad-project/marsad/arabic/translit"
)

// cluster is one identity of a document while mentions are linked.
type cluster struct {
	typ      string
	lex      int32 // lexicon entity, -1 if none
	toks     []string
	role     string
	mentions []marsad.Mention
	covered  []int // word indices of the mentions' first words
	rules    []string
	name     string // fullest name seen (display form), for rule-found entities
}

// linker groups candidates into identities.
type linker struct {
	a        *analysis
	clusters []*cluster
	byKey    map[clusterKey]*cluster
	covered  []bool // word covered by a mention
}

func (r *Recognizer) find(ctx context.Context, text string) ([]marsad.Entity, error) {
	a, _ := r.analyses.Get().(*analysis)
	if a == nil {
		a = new(analysis)
	}
	defer func() {
		a.text = "" // do not keep the article alive in the pool
		r.analyses.Put(a)
	}()
	a.reset(r.lx, text)
	cands, roles, err := a.scan(ctx)
	if err != nil {
		return nil, err
	}
	cands = a.resolve(cands)
	l := &linker{a: a, byKey: make(map[clusterKey]*cluster), covered: make([]bool, len(a.words))}
	for _, c := range cands {
		l.add(c)
	}
	l.mergePartialPersons()
	l.mergeOrgPrefixes()
	l.propagateSurnames()
	l.backReferences()
	l.linkRoles(roles)
	return l.entities(), nil
}

// resolve chooses between homonyms and drops ambiguous aliases that the
// document does not support.
func (a *analysis) resolve(cands []cand) []cand {
	confirmed := make(map[int32]bool)
	names := make(map[string]bool) // normalized names of confirmed entities
	for _, c := range cands {
		if c.ent >= 0 && !c.amb && len(c.alts) == 0 {
			confirmed[c.ent] = true
			names[a.lx.entities[c.ent].norm] = true
		}
	}
	// A person right before a word with و: بوش وبلير.
	personEnds := make(map[int]bool)
	for _, c := range cands {
		if c.typ == marsad.PER && !c.amb {
			personEnds[c.j] = true
		}
	}
	// An ambiguous alias is supported by a cue before it or a demonym after
	// it (الأهلي المصري), a person's by a reporting verb or title before it
	// or by another person it is joined to with و; once supported, its
	// other mentions stand too.
	supported := func(c cand) bool {
		return confirmed[c.ent] || (c.i > 0 && a.words[c.i-1].adj && a.cueFor(c.i-1, c.typ)) ||
			(c.typ == marsad.PER && c.skip == 1 && strings.HasPrefix(a.words[c.i].norm, waw) && personEnds[c.i] && a.words[c.i-1].adj) ||
			(c.typ != marsad.PER && c.j < len(a.words) && a.words[c.j-1].adj && a.lx.demonyms[a.words[c.j].norm]) ||
			(c.typ == marsad.PER && c.skip == 0 && a.personContext(c.i)) ||
			(c.typ == marsad.PER && c.j < len(a.words) && a.words[c.j-1].adj && speakerLinks[a.words[c.j].norm]) ||
			(c.typ == marsad.ORG && a.quoted(c)) ||
			(c.typ == marsad.ORG && a.datelineSource(c)) ||
			(c.typ == marsad.ORG && a.sportsNear(c.i) && !a.placeBefore(c)) // فاز النصر على الاتحاد
	}
	for _, c := range cands {
		if c.amb && len(c.alts) == 0 && supported(c) {
			confirmed[c.ent] = true
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if len(c.alts) > 0 {
			best, bestScore := c.ent, -1
			matched := strings.Join(a.phraseText(c), " ")
			// What the context says is the same for every homonym.
			place, quoted := a.placeBefore(c), a.quoted(c)
			club := !place && a.sportsNear(c.i)
			for _, e := range append([]int32{c.ent}, c.alts...) {
				le := &a.lx.entities[e]
				score := 0
				if confirmed[e] || names[le.Parent] {
					score += 4
				}
				for ce := range confirmed {
					if a.lx.entities[ce].Parent == le.norm {
						score += 4
						break
					}
				}
				if le.norm == matched {
					score++
				}
				if le.Type == marsad.LOC && place {
					score++ // في بوردو: the city
				}
				if le.Type == marsad.ORG && quoted {
					score += 3 // «الشرق الأوسط»: a title in quotes, the newspaper
				}
				if le.Type == marsad.ORG && club {
					score += 2 // برشلونة after a goal or a match: the club
				}
				if score > bestScore {
					best, bestScore = e, score
				}
			}
			c.ent, c.typ, c.alts = best, a.lx.entities[best].Type, nil
		}
		if c.amb && !supported(c) {
			if !c.shared {
				continue
			}
			c.ent, c.amb = -1, false // جونسون alone: a person, but which one?
		}
		if a.cityClub(c) {
			// فاز برشلونة على ليون: a city in a sports report, not after
			// "in" or "to", stands for its club.
			c.typ, c.ent = marsad.ORG, -1
		}
		out = append(out, c)
	}
	return out
}

// sportsWords tell a sports report: a city's name near them is rather its
// club (فاز برشلونة, مباراة ليفربول).
var sportsWords = normSet("مباراة", "المباراة", "مباراته", "مباريات", "الدوري", "دوري", "هدف", "هدفا",
	"هدفين", "أهداف", "الأهداف", "فاز", "فوز", "تعادل", "خسر", "هزم", "تغلب", "المنتخب", "منتخب", "كأس",
	"المجموعة", "البطولة", "بطولة", "لاعب", "اللاعب", "لاعبي", "المدرب", "مدرب", "النادي", "نادي", "فريق",
	"الفريق", "الملعب", "ملعب", "مرمى", "ركلة", "الشوط", "شوط", "المهاجم", "الحارس", "تأهل", "ضيفه",
	"مضيفه", "الموسم", "نقطة", "نقاط", "الترتيب", "الصدارة")

// sportsNear reports whether a sports word stands within eight words of
// word i.
func (a *analysis) sportsNear(i int) bool {
	for k := max(0, i-8); k < min(len(a.words), i+9); k++ {
		w := &a.words[k]
		for f := 0; f < w.nforms; f++ {
			if sportsWords[w.forms[f].s] {
				return true
			}
		}
	}
	return false
}

// placePrepositions before a city keep it a place in a sports report (في
// برشلونة, إلى ليون).
var placePrepositions = normSet("في", "وفي", "ففي", "الى", "إلى", "من", "قرب", "بمدينة", "مدينة", "ضواحي", "شمال", "جنوب", "شرق", "غرب", "وسط")

// cityClub reports whether lexicon candidate c, a city, is used for its
// club: a sports word is near, no place preposition or cue precedes it and
// it carries no ب (in).
func (a *analysis) cityClub(c cand) bool {
	return c.typ == marsad.LOC && c.ent >= 0 && a.lx.entities[c.ent].Parent != "" && a.sportsNear(c.i) && !a.placeBefore(c)
}

// placeBefore reports whether candidate c is read as a place by what
// precedes it: a place preposition or cue, or a ب (in) on the word.
func (a *analysis) placeBefore(c cand) bool {
	w := &a.words[c.i]
	if c.skip > 0 && strings.HasPrefix(w.norm[(c.skip-1)*len(ba):], ba) {
		return true
	}
	if c.i == 0 {
		return false
	}
	prev := &a.words[c.i-1]
	for f := 0; f < prev.nforms; f++ {
		if placePrepositions[prev.forms[f].s] {
			return true // في, وفي الرياض
		}
	}
	return a.isCue(c.i - 1)
}

// quoted reports whether candidate c stands alone between quote marks
// («الحياة», "الوطن"), as the names of newspapers and channels do.
func (a *analysis) quoted(c cand) bool {
	start, end := a.words[c.i].start, a.words[c.j-1].end
	if c.skip > 0 {
		start += skipLetters(a.text[start:], c.skip)
	}
	before := strings.TrimRight(a.text[:start], " \u00a0")
	after := strings.TrimLeft(a.text[end:], " \u00a0")
	open, _ := utf8.DecodeLastRuneInString(before)
	closing, _ := utf8.DecodeRuneInString(after)
	switch open {
	case '«':
		return closing == '»'
	case '"':
		return closing == '"'
	case '“':
		return closing == '”'
	}
	return false
}

// datelineSource reports whether candidate c is the source of a dateline:
// a place, a dash, the name, a colon (الدوحة - الراية :, عمّان - بترا :).
func (a *analysis) datelineSource(c cand) bool {
	if c.i == 0 || c.skip > 0 {
		return false
	}
	before := strings.TrimRight(a.text[a.words[c.i-1].end:a.words[c.i].start], " ")
	after := strings.TrimLeft(a.text[a.words[c.j-1].end:], " ")
	if !strings.HasSuffix(before, "-") && !strings.HasSuffix(before, "–") || !strings.HasPrefix(after, ":") {
		return false
	}
	p, ok := a.lexiconAt(c.i - 1)
	return ok && p.j == c.i && p.typ == marsad.LOC
}

// speakerLinks after a name make it a speaker (… صدام إن, … بري أن).
var speakerLinks = normSet("ان", "انه", "انها", "بان", "بانه")

// personContext reports whether the word before word i introduces a
// person: a reporting verb (وشدد بلير), a title (الرئيس كاسترو) or a
// demonym standing for one (البريطاني بلير).
func (a *analysis) personContext(i int) bool {
	if i == 0 || !a.words[i-1].adj {
		return false
	}
	return a.words[i-1].cls&(clsReport|clsTitle|clsDemonym) != 0
}

// phraseText returns the normalized words of a candidate, the first one in
// its clitic-stripped reading.
func (a *analysis) phraseText(c cand) []string {
	toks := make([]string, 0, c.n())
	for k := c.i; k < c.j; k++ {
		w := &a.words[k]
		s := w.norm
		if k == c.i {
			for f := 0; f < w.nforms; f++ {
				if w.forms[f].skip == c.skip {
					s = w.forms[f].s
					break
				}
			}
		}
		toks = append(toks, s)
	}
	return toks
}

// lamLam reports whether candidate c was read through لل (للأمم المتحدة):
// its text then starts with the article's ل and lacks the alef.
func (a *analysis) lamLam(c cand) bool {
	if c.skip == 0 {
		return false
	}
	w := &a.words[c.i]
	rest := w.norm[(c.skip-1)*len(lam):]
	return strings.HasPrefix(rest, lam+lam)
}

// displayName is the text of a candidate's mention as a name: the mention
// with harakat removed and, after لل, the article restored.
func (a *analysis) displayName(c cand, m marsad.Mention) string {
	name := arabic.NormalizeString(m.Text, arabic.DisplayOptions())
	if strings.ContainsAny(name, "#_") { // hashtags: #حسين_فهمي
		name = strings.TrimSpace(strings.Map(func(r rune) rune {
			switch r {
			case '#':
				return -1
			case '_':
				return ' '
			}
			return r
		}, name))
	}
	if a.lamLam(c) {
		name = "ا" + name
	}
	return name
}

// mention returns the text span of a candidate.
func (a *analysis) mention(c cand) marsad.Mention {
	w := &a.words[c.i]
	start := w.start + skipLetters(a.text[w.start:w.end], c.skip)
	end := a.words[c.j-1].end
	return marsad.Mention{Span: marsad.Span{Start: start, End: end}, Text: a.text[start:end]}
}

// clusterKey identifies a cluster while candidates are added: a lexicon
// entity, or (ent -1) a rule-found name by type and words.
type clusterKey struct {
	ent  int32
	name string
}

// add puts a candidate in its cluster.
func (l *linker) add(c cand) {
	toks := l.a.phraseText(c)
	key := clusterKey{ent: c.ent}
	if c.ent < 0 {
		key.name = c.typ + ":" + strings.Join(toks, " ")
	}
	cl := l.byKey[key]
	if cl == nil {
		cl = &cluster{typ: c.typ, lex: c.ent, toks: toks}
		l.byKey[key] = cl
		l.clusters = append(l.clusters, cl)
	}
	if len(toks) > len(cl.toks) {
		cl.toks = toks
	}
	if cl.role == "" {
		cl.role = c.role
	}
	m := l.a.mention(c)
	cl.mentions = append(cl.mentions, m)
	cl.covered = append(cl.covered, c.i)
	cl.rules = append(cl.rules, c.rule)
	if name := l.a.displayName(c, m); runeLen(name) > runeLen(cl.name) {
		cl.name = name
	}
	for k := c.i; k < c.j; k++ {
		l.covered[k] = true
	}
}

// mergePartialPersons links one-word person names to the unique longer
// person name in the document that ends (or starts) with that word.
func (l *linker) mergePartialPersons() {
	for _, short := range l.clusters {
		if short.typ != marsad.PER || len(short.toks) != 1 || len(short.mentions) == 0 {
			continue
		}
		s := short.toks[0]
		_, given := l.a.lx.given[s]
		var target *cluster
		n := 0
		for _, long := range l.clusters {
			if long == short || long.typ != marsad.PER || len(long.toks) < 2 || len(long.mentions) == 0 {
				continue
			}
			last := len(long.toks) - 1
			// A family name ends the full name (الكاظمي); a given name
			// starts it (الملك سلمان → سلمان بن عبد العزيز). The word after
			// بن is a father's name, not a family name.
			if (long.toks[last] == s && !sonOf[long.toks[last-1]]) || (given && long.toks[0] == s) {
				target = long
				n++
			}
		}
		if n == 1 {
			target.mentions = append(target.mentions, short.mentions...)
			target.covered = append(target.covered, short.covered...)
			target.rules = append(target.rules, short.rules...)
			if target.role == "" {
				target.role = short.role
			}
			short.mentions = nil
		}
	}
}

// mergeOrgPrefixes links a rule-found organization name (وزارة التجارة)
// to the one longer organization of the document that it begins
// (وزارة التجارة الأميركية).
func (l *linker) mergeOrgPrefixes() {
	for _, short := range l.clusters {
		if short.typ != marsad.ORG || short.lex >= 0 || len(short.toks) < 2 || len(short.mentions) == 0 {
			continue
		}
		var target *cluster
		n := 0
		for _, long := range l.clusters {
			if long == short || long.typ != marsad.ORG || len(long.toks) <= len(short.toks) || len(long.mentions) == 0 {
				continue
			}
			if slices.Equal(long.toks[:len(short.toks)], short.toks) {
				target = long
				n++
			}
		}
		if n == 1 {
			target.mentions = append(target.mentions, short.mentions...)
			target.covered = append(target.covered, short.covered...)
			target.rules = append(target.rules, short.rules...)
			short.mentions = nil
		}
	}
}

// propagateSurnames adds mentions of a family name alone (الكاظمي) for
// people named in full elsewhere in the document.
func (l *linker) propagateSurnames() {
	a := l.a
	surname := make(map[string]*cluster)
	for _, cl := range l.clusters {
		if cl.typ != marsad.PER || len(cl.toks) < 2 || len(cl.mentions) == 0 {
			continue
		}
		s := cl.toks[len(cl.toks)-1]
		_, title := a.lx.titles[s]
		if runeLen(s) < 3 || a.lx.stop[s] || a.lx.common[s] || a.lx.demonyms[s] || title || theophoric[s] ||
			nameJoiners[cl.toks[len(cl.toks)-2]] {
			continue // not سلمان بن عبد العزيز → العزيز, nor حسن نصر الله → الله
		}
		if old, ok := surname[s]; ok && old != cl {
			surname[s] = nil
			continue
		}
		surname[s] = cl
	}
	if len(surname) == 0 {
		return
	}
	for i := range a.words {
		if l.covered[i] {
			continue
		}
		w := &a.words[i]
		for f := 0; f < w.nforms; f++ {
			cl := surname[w.forms[f].s]
			if cl == nil {
				continue
			}
			if _, g := a.lx.given[w.forms[f].s]; g && i+1 < len(a.words) && w.adj {
				if _, g2 := a.lx.given[a.words[i+1].norm]; g2 {
					continue // صالح محمد: another person's name
				}
			}
			c := cand{i: i, j: i + 1, skip: w.forms[f].skip, typ: marsad.PER}
			cl.mentions = append(cl.mentions, a.mention(c))
			cl.covered = append(cl.covered, i)
			cl.rules = append(cl.rules, "surname")
			l.covered[i] = true
			break
		}
	}
}

// theophoric are second halves of compound names (نصر الله, صلاح الدين),
// never a person's name alone.
var theophoric = normSet("الله", "الدين", "الرحمن", "الرحيم", "العزيز", "الملك", "الكريم", "الحميد", "الإله")

// head returns an organization cluster's head word without the article.
func (cl *cluster) head() string {
	if len(cl.toks) == 0 {
		return ""
	}
	return stripAl(cl.toks[0])
}

// backReferences links a bare definite organization head (التحالف,
// التنظيم) to the one organization of the document with that head that
// was named before it.
func (l *linker) backReferences() {
	a := l.a
	for i := range a.words {
		if l.covered[i] {
			continue
		}
		w := &a.words[i]
		for f := 0; f < w.nforms; f++ {
			s := w.forms[f].s
			if !definite(s) || a.lx.cues[stripAl(s)] != cueOrgHead {
				continue
			}
			if i+1 < len(a.words) && w.adj {
				nx := a.words[i+1].norm
				if definite(nx) && !a.lx.stop[nx] {
					break // التحالف الدولي: another, unnamed body
				}
			}
			head := stripAl(s)
			var target *cluster
			n := 0
			for _, cl := range l.clusters {
				if cl.typ != marsad.ORG || len(cl.toks) < 2 || len(cl.mentions) == 0 || cl.head() != head {
					continue
				}
				if cl.mentions[0].Start >= w.start {
					continue
				}
				target = cl
				n++
			}
			if n == 1 {
				c := cand{i: i, j: i + 1, skip: w.forms[f].skip, typ: marsad.ORG}
				target.mentions = append(target.mentions, a.mention(c))
				target.covered = append(target.covered, i)
				target.rules = append(target.rules, "backref")
				l.covered[i] = true
			}
			break
		}
	}
}

// linkRoles links a title with no name (رئيس الوزراء العراقي) to the one
// person of the document introduced with the same role.
func (l *linker) linkRoles(roles []cand) {
	if len(roles) == 0 {
		return
	}
	byRole := make(map[string]*cluster)
	for _, cl := range l.clusters {
		if cl.typ != marsad.PER || cl.role == "" || len(cl.mentions) == 0 {
			continue
		}
		k := norm(cl.role)
		if old, ok := byRole[k]; ok && old != cl {
			byRole[k] = nil
			continue
		}
		byRole[k] = cl
	}
	for _, c := range roles {
		if slices.ContainsFunc(l.covered[c.i:c.j], func(b bool) bool { return b }) {
			continue
		}
		m := l.a.mention(c)
		cl := byRole[norm(m.Text)]
		if cl == nil {
			continue
		}
		cl.mentions = append(cl.mentions, m)
		cl.covered = append(cl.covered, c.i)
		cl.rules = append(cl.rules, "role")
		for k := c.i; k < c.j; k++ {
			l.covered[k] = true
		}
	}
}

// entities renders the clusters as entities, ids in order of first mention.
func (l *linker) entities() []marsad.Entity {
	a := l.a
	var live []*cluster
	for _, cl := range l.clusters {
		if len(cl.mentions) == 0 {
			continue
		}
		slices.SortFunc(cl.mentions, func(x, y marsad.Mention) int { return x.Start - y.Start })
		live = append(live, cl)
	}
	slices.SortFunc(live, func(x, y *cluster) int { return x.mentions[0].Start - y.mentions[0].Start })
	out := make([]marsad.Entity, 0, len(live))
	for n, cl := range live {
		e := marsad.Entity{ID: fmt.Sprintf("E%d", n+1), Type: cl.typ, Role: cl.role, Mentions: cl.mentions}
		if cl.lex >= 0 {
			le := &a.lx.entities[cl.lex]
			e.Name, e.Latin, e.Key = le.Name, le.Latin, le.Key
		} else {
			e.Name = cl.name // the fullest name form seen
			e.Key = cl.typ + ":" + strings.Join(cl.toks, " ")
			if cl.typ == marsad.PER {
				e.Latin = a.latinOf(cl.toks)
			}
		}
		if e.Latin == "" && (e.Type == marsad.PER || e.Type == marsad.LOC) {
			// A proper name with no Latin form in the lexicon is
			// transliterated; organization names are descriptions and
			// are left without one.
			e.Latin = translit.Name(e.Name)
		}
		out = append(out, e)
	}
	return out
}

// latinOf composes a Latin name from given names when every word is known.
func (a *analysis) latinOf(toks []string) string {
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		g, ok := a.lx.given[t]
		if !ok || g.latin == "" {
			if id, ok := a.lx.surnames[t]; ok && id >= 0 {
				le := &a.lx.entities[id]
				if f := strings.Fields(le.Latin); len(f) > 0 {
					parts = append(parts, f[len(f)-1])
					continue
				}
			}
			return ""
		}
		parts = append(parts, g.latin)
	}
	return strings.Join(parts, " ")
}
