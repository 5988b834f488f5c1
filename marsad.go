// Package marsad holds the domain types of Marsad, the Arabic news
// observatory: articles, analyzed documents and the facts extracted from
// them, plus the small interfaces between the parts (readers, annotators,
// stores).
//
// All spans inside a [Doc] are byte offsets into Doc.Text, end exclusive.
// The JSON contract of `marsad extract` counts Unicode code points instead;
// [Doc.Contract] converts.
package marsad

import (
	"context"
	"time"
)

// Article is one news item as read from a source, before analysis.
type Article struct {
	ID        string    // stable identifier from the source, or derived from content
	Title     string    // headline, may be empty
	Body      string    // body text without the headline
	Published time.Time // publication date; zero when unknown
	URL       string    // canonical URL when known
	Source    string    // outlet or feed name
	Author    string    // byline when known
	Lang      string    // ISO 639-1 code when detected, e.g. "ar"
	Origin    string    // where it was read from: file path, file:line, URL
	Warnings  []string  // problems that did not stop the read, e.g. a publication date that could not be parsed
}

// Span is a half-open byte range [Start, End) into Doc.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Doc is an article under analysis: its text (title, blank line, body) and
// every fact found in it. Annotators fill the slices.
type Doc struct {
	ID        string
	Title     string
	Published time.Time // zero when unknown
	URL       string
	Source    string
	Text      string // Title + "\n\n" + Body; every Span indexes into it
	BodyStart int    // byte offset where the body starts in Text

	Sentences  []Span
	Entities   []Entity
	Times      []TimeExpr
	Quantities []Quantity
	Quotes     []Quote
	Events     []Event
}

// Entity types.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Entity is one identity mentioned in a document: a person, organization,
// place or other named thing, with every span that refers to it.
type Entity struct {
	ID       string    // document-local id: "E1", "E2", …
	Type     string    // PER, ORG, LOC or MISC
	Name     string    // fullest form seen, or the lexicon's canonical name
	Latin    string    // Latin-script name when known
	Key      string    // archive-wide identity key (normalized name + type)
	Role     string    // title or role seen with a person, e.g. "الرئيس الأميركي"
	Mentions []Mention // in text order
}

// Mention is one span of text that refers to an entity.
type Mention struct {
	Span
	Text string
}

// Time expression types (TIMEX3).
const (
	DATE     = "DATE"
	TIME     = "TIME"
	DURATION = "DURATION"
	SET      = "SET"
)

// TimeExpr is a temporal expression resolved to a TIMEX3 value.
type TimeExpr struct {
	Span
	Text     string
	Type     string // DATE, TIME, DURATION or SET
	Value    string // TIMEX3 value; empty when it cannot be resolved
	Mod      string // START, END, MID, APPROX, BEFORE, AFTER or empty
	Relative string // the unresolved relative form, e.g. "P-1D" for أمس, when value depends on the anchor
	Reason   string // why Value is empty, e.g. "no such day: 31 February"
	Inferred bool   // value rests on a publication date inferred from the text
}

// Quantity is a reported number with what it counts.
type Quantity struct {
	Span
	Text   string
	Value  *float64 // nil for vague amounts (عشرات)
	Min    *float64 // for ranges
	Max    *float64
	Approx bool
	Kind   string // "exact", "approx", "vague", "range", "lower", "upper"
	Unit   string // counted noun, unit or currency as written
}

// Quote is a reported statement with its speaker.
type Quote struct {
	Span
	Text        string
	Direct      bool
	Speaker     string // entity id, empty when not linked
	SpeakerText string // speaker as written
	Cue         string // reporting verb or phrase
}

// Event is a PLOVER-coded event: who did what to whom, when and where.
type Event struct {
	Type       string
	CAMEO      string
	Actor      string
	ActorText  string
	Target     string
	TargetText string
	Location   string
	Date       string
	Trigger    Mention
	Sentence   int
}

// Annotator adds facts to a document. Implementations must only read
// doc.Text and append to the slices they own.
type Annotator interface {
	Annotate(ctx context.Context, doc *Doc) error
}

// AnnotatorFunc adapts a function to the Annotator interface.
type AnnotatorFunc func(ctx context.Context, doc *Doc) error

// Annotate calls f.
func (f AnnotatorFunc) Annotate(ctx context.Context, doc *Doc) error { return f(ctx, doc) }

// DocText lays out the text of a document: the title, a blank line and the
// body; just the body when there is no title and just the title when there
// is no body. It returns the text and the byte offset where the body starts.
// Title and body are used as given (callers trim them).
func DocText(title, body string) (text string, bodyStart int) {
	switch {
	case title == "":
		return body, 0
	case body == "":
		return title, len(title)
	}
	return title + "\n\n" + body, len(title) + 2
}
