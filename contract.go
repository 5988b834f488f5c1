package marsad

import (
	"encoding/json"
	"unicode/utf8"
)

// Fields names the optional fields of the extract contract: a field is
// present in the output only when the extractor that fills it ran, so that
// a missing extractor is never mistaken for "nothing found".
type Fields struct {
	Entities   bool
	Times      bool
	Quantities bool
	Quotes     bool
	Events     bool
}

// ContractDoc is one article in the JSON shape of `marsad extract`
// (see DESIGN.md, "The extract contract"). Offsets are Unicode code points
// into Text, end exclusive.
type ContractDoc struct {
	ID         string             `json:"id"`
	Title      string             `json:"title"`
	Published  *string            `json:"published"`
	Text       string             `json:"text"`
	Sentences  []ContractSpan     `json:"sentences"`
	Entities   []ContractEntity   `json:"entities,omitempty"`
	Times      []ContractTime     `json:"times,omitempty"`
	Quantities []ContractQuantity `json:"quantities,omitempty"`
	Quotes     []ContractQuote    `json:"quotes,omitempty"`
	Events     []ContractEvent    `json:"events,omitempty"`

	fields Fields
}

// ContractSpan is a code-point span.
type ContractSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ContractMention is a code-point span with its text.
type ContractMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// ContractEntity is an entity in the extract contract.
type ContractEntity struct {
	ID       string            `json:"id"`
	Type     string            `json:"type"`
	Name     string            `json:"name"`
	Latin    *string           `json:"latin"`
	Key      string            `json:"key,omitempty"`
	Role     string            `json:"role,omitempty"`
	Mentions []ContractMention `json:"mentions"`
}

// ContractTime is a time expression in the extract contract.
type ContractTime struct {
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Text     string  `json:"text"`
	Type     string  `json:"type"`
	Value    *string `json:"value"`
	Mod      *string `json:"mod"`
	Relative string  `json:"relative,omitempty"`
	Reason   string  `json:"reason,omitempty"`
	Inferred bool    `json:"inferred,omitempty"`
}

// ContractQuantity is a quantity in the extract contract.
type ContractQuantity struct {
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   string   `json:"text"`
	Value  *float64 `json:"value"`
	Approx bool     `json:"approx"`
	Unit   *string  `json:"unit"`
	Kind   string   `json:"kind,omitempty"`
	Min    *float64 `json:"min,omitempty"`
	Max    *float64 `json:"max,omitempty"`
}

// ContractQuote is a quotation in the extract contract.
type ContractQuote struct {
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Text        string  `json:"text"`
	Direct      bool    `json:"direct"`
	Speaker     *string `json:"speaker"`
	SpeakerText *string `json:"speaker_text"`
	Cue         *string `json:"cue"`
}

// ContractEvent is a PLOVER event in the extract contract.
type ContractEvent struct {
	Type       string          `json:"type"`
	CAMEO      *string         `json:"cameo"`
	Actor      *string         `json:"actor"`
	ActorText  string          `json:"actor_text"`
	Target     *string         `json:"target"`
	TargetText string          `json:"target_text"`
	Location   *string         `json:"location"`
	Date       *string         `json:"date"`
	Trigger    ContractMention `json:"trigger"`
	Sentence   int             `json:"sentence"`
}

// MarshalJSON writes the document with exactly the fields whose extractors
// ran: a field that ran and found nothing is an empty array, a field whose
// extractor did not run is absent.
func (c ContractDoc) MarshalJSON() ([]byte, error) {
	type base ContractDoc // drops this method
	m := struct {
		base
		Entities   *[]ContractEntity   `json:"entities,omitempty"`
		Times      *[]ContractTime     `json:"times,omitempty"`
		Quantities *[]ContractQuantity `json:"quantities,omitempty"`
		Quotes     *[]ContractQuote    `json:"quotes,omitempty"`
		Events     *[]ContractEvent    `json:"events,omitempty"`
	}{base: base(c)}
	if c.fields.Entities {
		m.Entities = nonNil(c.Entities)
	}
	if c.fields.Times {
		m.Times = nonNil(c.Times)
	}
	if c.fields.Quantities {
		m.Quantities = nonNil(c.Quantities)
	}
	if c.fields.Quotes {
		m.Quotes = nonNil(c.Quotes)
	}
	if c.fields.Events {
		m.Events = nonNil(c.Events)
	}
	if m.Sentences == nil {
		m.Sentences = []ContractSpan{}
	}
	return json.Marshal(m)
}

func nonNil[T any](s []T) *[]T {
	if s == nil {
		s = []T{}
	}
	return &s
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// runeIndex converts byte offsets of a text into code-point offsets.
type runeIndex []int32

func newRuneIndex(text string) runeIndex {
	idx := make(runeIndex, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for j := 0; j < size; j++ {
			idx[i+j] = n
		}
		i += size
		n++
	}
	idx[len(text)] = n
	return idx
}

// at returns the code-point offset of byte offset b, clamped to the text.
func (r runeIndex) at(b int) int {
	if b < 0 {
		return 0
	}
	if b >= len(r) {
		return int(r[len(r)-1])
	}
	return int(r[b])
}

// Contract converts the document into the extract contract, including the
// optional fields named by f.
func (d *Doc) Contract(f Fields) ContractDoc {
	ri := newRuneIndex(d.Text)
	c := ContractDoc{ID: d.ID, Title: d.Title, Text: d.Text, fields: f}
	if !d.Published.IsZero() {
		p := d.Published.Format("2006-01-02")
		c.Published = &p
	}
	for _, s := range d.Sentences {
		c.Sentences = append(c.Sentences, ContractSpan{ri.at(s.Start), ri.at(s.End)})
	}
	mention := func(s Span, text string) ContractMention {
		return ContractMention{Start: ri.at(s.Start), End: ri.at(s.End), Text: text}
	}
	for _, e := range d.Entities {
		ce := ContractEntity{ID: e.ID, Type: e.Type, Name: e.Name, Latin: strPtr(e.Latin), Key: e.Key, Role: e.Role, Mentions: []ContractMention{}}
		for _, m := range e.Mentions {
			ce.Mentions = append(ce.Mentions, mention(m.Span, m.Text))
		}
		c.Entities = append(c.Entities, ce)
	}
	for _, t := range d.Times {
		c.Times = append(c.Times, ContractTime{
			Start: ri.at(t.Start), End: ri.at(t.End), Text: t.Text, Type: t.Type,
			Value: strPtr(t.Value), Mod: strPtr(t.Mod), Relative: t.Relative, Reason: t.Reason, Inferred: t.Inferred,
		})
	}
	for _, q := range d.Quantities {
		c.Quantities = append(c.Quantities, ContractQuantity{
			Start: ri.at(q.Start), End: ri.at(q.End), Text: q.Text, Value: q.Value, Approx: q.Approx,
			Unit: strPtr(q.Unit), Kind: q.Kind, Min: q.Min, Max: q.Max,
		})
	}
	for _, q := range d.Quotes {
		c.Quotes = append(c.Quotes, ContractQuote{
			Start: ri.at(q.Start), End: ri.at(q.End), Text: q.Text, Direct: q.Direct,
			Speaker: strPtr(q.Speaker), SpeakerText: strPtr(q.SpeakerText), Cue: strPtr(q.Cue),
		})
	}
	for _, e := range d.Events {
		c.Events = append(c.Events, ContractEvent{
			Type: e.Type, CAMEO: strPtr(e.CAMEO), Actor: strPtr(e.Actor), ActorText: e.ActorText,
			Target: strPtr(e.Target), TargetText: e.TargetText, Location: strPtr(e.Location),
			Date: strPtr(e.Date), Trigger: mention(e.Trigger.Span, e.Trigger.Text), Sentence: e.Sentence,
		})
	}
	return c
}
