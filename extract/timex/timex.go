// Package timex finds temporal expressions in Arabic news text and resolves
// them to TIMEX3 values against the article's publication date.
//
// It covers the four month traditions of Arabic media (Syriac كانون الثاني
// … كانون الأول; Egyptian and Gulf يناير … ديسمبر; Maghrebi جانفي …
// جويلية … أوت; Moroccan يوليوز, غشت, شتنبر, نونبر, دجنبر), paired names
// (يوليو/ تموز), Hijri dates with هـ and م markers (converted with the Umm
// al-Qura calendar), numeric dates written day first (27/7/2021), Arabic-Indic
// digits, relative days and weekdays (أمس الاثنين, الأحد الماضي), calendar
// units (العام الماضي, هذا الشهر), modifiers (نهاية العام → mod END), times
// of day, decades and centuries, durations (ثلاثة أيام → P3D) and sets
// (كل أسبوع → P1W).
//
// Values follow TIMEX3: 2021-07-26, 2021-07, 2021, 2021-W30, 2021-Q1 (a
// quarter: الربع or, in Maghrebi usage, الفصل), 2026-H1 (a half), 198 (a decade),
// 19 (a century), 2021-07-26T10:00, 2021-07-26TMO, P3D, PT48H. A date that
// cannot exist (31 شباط) has an empty value and a Reason. When the
// publication date is unknown, relative expressions keep an empty value and
// carry their unresolved form in TimeExpr.Relative:
//
//	P-1D       a day offset (أمس; P1D is غدا, P-3D قبل ثلاثة أيام)
//	P1W, P-1M  a week, month or year offset (الأسبوع المقبل, الشهر الماضي)
//	LAST-1     the most recent Monday (ISO weekday number), NEXT-5 the next Friday
//	P-1W-7     Sunday of last week
//	P0M-16     the 16th of the current month
//	P1Y-06     June of next year; P0Y-SU this summer; P0W-WE this weekend
//	P-1Y-Q1    the first quarter of last year; P0Y-H2 the second half of this year
//	P-1CE      the last century (القرن الماضي); P-1CE-DE8 its eighties
//	HIJRI-09   the Hijri month of that number in the current Hijri year
//	HIJRI-09-01 a Hijri day (1 رمضان) in the nearest Hijri year
//	HOLIDAY    a feast in the publication year
//
// with a time suffix (T10:00, TMO) when a clock time or part of day is
// attached. The relative form is kept when the publication date is known
// too, beside the resolved value, so that a reader can tell a value that
// rests on the publication date from one written in full. Dates without a year (29 حزيران) take the year that the
// publication date and the tense of the sentence make plausible: the
// nearest occurrence, leaning to the past in past-tense reporting and to
// the future after future markers (سوف, لن, بحلول, المقبل, من المقرر أن,
// من المنتظر أن, a forecast with توقع, a future verb س+verb).
//
// Extract follows TIMEX3: a range is marked by its two ends (من 4 إلى 22
// يناير gives 2022-01-04 and 2022-01-22) and a signal word (قبل, بعد, منذ,
// حتى) stays outside the expression. Phrases puts the pieces back into the
// span-level phrases that extractors such as Recognizers-Text and Duckling
// return: a range with its connectors (من … إلى/حتى …, بين … و …, 19-20
// نوفمبر; و joins a range only after بين), an expression with its signal
// word (قبل الساعة 4 → before, بعد 5 دقائق → after, منذ 7/2 → since,
// حتى عام 2012 → until, في غضون 10 ساعات and في + a duration → within),
// a day or week with the range or part of day it holds (غدا بين الساعة 8
// و2 مساء, يوم الثلاثاء في وقت متأخر من الليل), and في before a bare part
// of day (في الصباح). Each Phrase keeps its TIMEX3 expressions.
package timex

import (
	"context"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
)

// TIMEX3 types, as in package marsad.
const (
	DATE     = marsad.DATE
	TIME     = marsad.TIME
	DURATION = marsad.DURATION
	SET      = marsad.SET
)

// Options configure an Annotator.
type Options struct {
	// InferPublished lets the annotator take the publication date from a
	// full date in the dateline (the first line of the body) when the
	// document has none. Values that rest on it are marked Inferred.
	InferPublished bool
}

// DefaultOptions returns the options used by the command line.
func DefaultOptions() Options { return Options{InferPublished: true} }

// Annotator fills Doc.Times. It is safe for concurrent use.
type Annotator struct {
	opts Options
}

var _ marsad.Annotator = (*Annotator)(nil)

// New returns an Annotator with the given options.
func New(opts Options) *Annotator { return &Annotator{opts: opts} }

// Annotate appends the temporal expressions of doc.Text to doc.Times,
// resolved against doc.Published.
func (a *Annotator) Annotate(ctx context.Context, doc *marsad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	anchor := doc.Published
	inferred := false
	if anchor.IsZero() && a.opts.InferPublished {
		if t, ok := inferPublished(doc.Text, doc.BodyStart); ok {
			anchor, inferred = t, true
		}
	}
	times := Extract(doc.Text, anchor)
	if inferred {
		for i := range times {
			if times[i].Value != "" && times[i].Relative != "" {
				times[i].Inferred = true
			}
		}
	}
	doc.Times = append(doc.Times, times...)
	return nil
}

// Extract returns the temporal expressions of text, in order, resolved
// against anchor (the publication date; the zero time when unknown). Only
// the calendar date of anchor is used. Spans are byte offsets into text.
func Extract(text string, anchor time.Time) []marsad.TimeExpr {
	p := &parser{text: text, toks: tokenize(text)}
	if !anchor.IsZero() {
		p.anchor = time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
		p.known = true
	}
	ms := p.run()
	if p.known {
		// the relative form of each expression: the same tokens read
		// without an anchor
		p0 := &parser{text: text, toks: p.toks}
		for k := range ms {
			if ms[k].val == "" {
				continue
			}
			if m0, ok := p0.at(ms[k].i); ok && m0.j == ms[k].j {
				ms[k].rel = m0.rel
			}
		}
	}
	out := make([]marsad.TimeExpr, 0, len(ms))
	for _, m := range ms {
		start := p.toks[m.i].start + m.pre
		end := p.toks[m.j-1].end
		te := marsad.TimeExpr{
			Span:   marsad.Span{Start: start, End: end},
			Text:   text[start:end],
			Type:   m.typ,
			Value:  m.val,
			Mod:    m.mod,
			Reason: m.reason,
		}
		te.Relative = m.rel
		if te.Value == "" && te.Reason == "" && te.Relative == "" {
			te.Reason = "not resolved"
		}
		out = append(out, te)
	}
	return out
}

// inferPublished looks for a full date in the dateline: the first 120
// characters of the body.
func inferPublished(text string, bodyStart int) (time.Time, bool) {
	if bodyStart < 0 || bodyStart > len(text) {
		bodyStart = 0
	}
	end := bodyStart
	for n := 0; end < len(text) && n < 120; n++ {
		_, w := utf8.DecodeRuneInString(text[end:])
		end += w
	}
	for _, te := range Extract(text[bodyStart:end], time.Time{}) {
		if te.Type == DATE && len(te.Value) == len("2006-01-02") && te.Value[0] != 'X' {
			if t, err := time.Parse("2006-01-02", te.Value); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
