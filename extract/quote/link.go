package quote

import (
	"strings"

	"github.com/marsad-project/marsad"
)

// link sets sp.entity from doc.Entities: the entity whose mention overlaps
// the speaker's words most, else the longest entity name the speaker
// phrase contains.
func (a *analysis) link(sp *speaker) {
	if len(a.doc.Entities) == 0 {
		return
	}
	best, bestLen := "", 0
	if sp.start >= 0 {
		for _, e := range a.doc.Entities {
			for _, m := range e.Mentions {
				lo, hi := max(m.Start, sp.start), min(m.End, sp.end)
				if hi <= lo {
					continue
				}
				ov := hi - lo
				// A place inside an organization's name (الخارجية الأميركية)
				// is not the speaker unless it covers most of the phrase.
				if e.Type == marsad.LOC && ov*10 < (sp.end-sp.start)*6 {
					continue
				}
				if ov*2 < m.End-m.Start {
					continue
				}
				if ov > bestLen {
					best, bestLen = e.ID, ov
				}
			}
		}
	}
	if best == "" {
		k := " " + strings.Join(strings.Fields(fold(sp.text)), " ") + " "
		for _, e := range a.doc.Entities {
			if e.Type == marsad.LOC {
				continue
			}
			for _, name := range entityNames(e) {
				n := " " + strings.Join(strings.Fields(fold(name)), " ") + " "
				if len(n) > 2 && strings.Contains(k, n) && len(n) > bestLen {
					best, bestLen = e.ID, len(n)
				}
			}
		}
	}
	sp.entity = best
}

// entityNames returns an entity's name and mention texts.
func entityNames(e marsad.Entity) []string {
	out := []string{e.Name}
	for _, m := range e.Mentions {
		out = append(out, m.Text)
	}
	return out
}

// entityWith returns a person or organization whose name holds the folded
// word w, with its name.
func (a *analysis) entityWith(w string) (id, name string) {
	for _, e := range a.doc.Entities {
		if e.Type != marsad.PER && e.Type != marsad.ORG {
			continue
		}
		for _, x := range strings.Fields(fold(e.Name)) {
			if x == w || strings.TrimPrefix(x, "ال") == w {
				return e.ID, e.Name
			}
		}
	}
	return "", ""
}

// headline handles "X: …" headlines: the words after the colon are a
// quotation of X when X names a speaker of the body or a person or
// organization entity. Quotations in the headline with no cue wait here for
// the same resolution.
func (a *analysis) headline() {
	if a.titleEnd == 0 {
		return
	}
	title := a.text[:a.titleEnd]
	colon := strings.IndexAny(title, ":")
	var sp *speaker
	if colon > 0 {
		prefix := strings.TrimSpace(title[:colon])
		ws := words(prefix)
		if n := len(ws); n >= 1 && n <= 4 && !a.lx.headlineLabel[ws[0]] {
			sp = a.headlineSpeaker(ws)
			if sp == nil && n >= 2 && func() bool { _, ok := headOf(a.lx.speakerHead, ws[0]); return ok }() {
				// حزب العمال الجديد: … names a body or an office holder
				// even when the body does not repeat the name.
				start := strings.Index(title, prefix)
				sp = &speaker{text: prefix, start: start, end: start + len(prefix)}
				a.link(sp)
			}
		}
	}
	if sp == nil {
		for _, qi := range a.deferred {
			q := a.qs[qi]
			if bq, ok := a.bodyEcho(q.start, q.end); ok {
				a.res.Quotes = append(a.res.Quotes, marsad.Quote{Span: marsad.Span{Start: q.start, End: q.end}, Text: a.text[q.start:q.end], Direct: true, Speaker: bq.Speaker, SpeakerText: bq.SpeakerText})
			} else if a.x.opt.KeepUncued && a.qwords[qi] >= uncuedMinWords {
				a.emit(q.start, q.end, true, nil, "")
			}
		}
		return
	}
	if len(a.deferred) > 0 {
		for _, qi := range a.deferred {
			a.emit(a.qs[qi].start, a.qs[qi].end, true, sp, "")
		}
		return
	}
	start, end := colon+1, a.titleEnd
	rest := a.text[start:end]
	trimmed := strings.TrimLeft(rest, " \t\u00a0")
	start += len(rest) - len(trimmed)
	end = start + len(strings.TrimRight(trimmed, " \t\u00a0."))
	if end > start && len(words(a.text[start:end])) >= 2 {
		a.emit(start, end, true, sp, "")
	}
}

// headlineSpeaker resolves a headline prefix to a body speaker whose name
// holds all its words, else to a person or organization entity.
func (a *analysis) headlineSpeaker(ws []string) *speaker {
	contains := func(text string) bool {
		have := map[string]bool{}
		for _, w := range strings.Fields(fold(text)) {
			have[w] = true
			have[strings.TrimPrefix(w, "ال")] = true
			have[stripConj(w)] = true
			have[strings.TrimPrefix(stripConj(w), "ال")] = true
		}
		for _, w := range ws {
			if !have[w] && !have[strings.TrimPrefix(w, "ال")] {
				return false
			}
		}
		return true
	}
	for i := len(a.history) - 1; i >= 0; i-- {
		sp := a.history[i]
		if !sp.anonymous && sp.text != "" && sp.start >= a.titleEnd && contains(sp.text) {
			return sp
		}
	}
	for _, e := range a.doc.Entities {
		if (e.Type == marsad.PER || e.Type == marsad.ORG) && contains(e.Name) {
			return &speaker{text: e.Name, start: -1, end: -1, entity: e.ID}
		}
	}
	return nil
}

// bodyEcho finds the attributed body quotation that a headline quotation
// repeats: one holding at least half of the headline quotation's words.
func (a *analysis) bodyEcho(start, end int) (marsad.Quote, bool) {
	hw := words(a.text[start:end])
	best, bestN := -1, 0
	for i, q := range a.res.Quotes {
		if q.Start < a.titleEnd || q.SpeakerText == "" && q.Speaker == "" {
			continue
		}
		if n := overlap(hw, words(q.Text)); 2*n >= len(hw) && n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return marsad.Quote{}, false
	}
	return a.res.Quotes[best], true
}
