package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/store"
)

// Get returns a stored article by archive id, with its facts in a Doc
// whose spans are byte offsets again.
func (d *DB) Get(ctx context.Context, id string) (*store.Stored, error) {
	var s store.Stored
	var n int64
	var body string
	var pub sql.NullString
	err := d.db.QueryRowContext(ctx, `SELECT a.n, a.id, a.ext_id, a.title, a.body, a.published, coalesce(a.url, ''), a.source,
		a.lang, (SELECT i.name || r.at FROM readings r JOIN inputs i ON i.n = r.input WHERE r.article = a.n AND r.reason = 'first'), st.id
		FROM articles a JOIN articles st ON st.n = a.story WHERE a.id = ?`, id).
		Scan(&n, &s.ID, &s.ExtID, &s.Title, &body, &pub, &s.URL, &s.Source, &s.Lang, &s.Origin, &s.Story)
	if errNoRows(err) {
		return nil, fmt.Errorf("get %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	if pub.Valid {
		if t, err := time.Parse(time.RFC3339, pub.String); err == nil {
			s.Published = t
		}
	}
	s.Text = store.JoinText(s.Title, body)
	doc := &marsad.Doc{ID: s.ExtID, Title: s.Title, Published: s.Published, URL: s.URL, Source: s.Source,
		Text: s.Text, BodyStart: len(s.Text) - len(body)}
	if err := d.loadFacts(ctx, n, doc); err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	s.Doc = doc
	return &s, nil
}

// byteOffsets converts code point offsets in text to byte offsets.
func byteOffsets(text string) func(int) int {
	idx := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		idx = append(idx, i)
	}
	idx = append(idx, len(text))
	return func(c int) int {
		if c < 0 {
			return 0
		}
		if c >= len(idx) {
			return len(text)
		}
		return idx[c]
	}
}

func (d *DB) loadFacts(ctx context.Context, n int64, doc *marsad.Doc) error {
	b := byteOffsets(doc.Text)
	span := func(s, e int) marsad.Span { return marsad.Span{Start: b(s), End: b(e)} }

	rows, err := d.db.QueryContext(ctx, `SELECT ae.local_id, e.type, ae.name, e.latin, e.key, ae.role FROM article_entities ae
		JOIN entities e ON e.n = ae.entity WHERE ae.article = ? ORDER BY ae.local_id`, n)
	if err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	byID := map[string]int{}
	for rows.Next() {
		var e marsad.Entity
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.Latin, &e.Key, &e.Role); err != nil {
			rows.Close()
			return fmt.Errorf("entities: %w", err)
		}
		byID[e.ID] = len(doc.Entities)
		doc.Entities = append(doc.Entities, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	rows, err = d.db.QueryContext(ctx, `SELECT local_id, start, "end", text FROM mentions WHERE article = ? ORDER BY start`, n)
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	for rows.Next() {
		var id string
		var s, e int
		var m marsad.Mention
		if err := rows.Scan(&id, &s, &e, &m.Text); err != nil {
			rows.Close()
			return fmt.Errorf("mentions: %w", err)
		}
		m.Span = span(s, e)
		if i, ok := byID[id]; ok {
			doc.Entities[i].Mentions = append(doc.Entities[i].Mentions, m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}

	rows, err = d.db.QueryContext(ctx, `SELECT start, "end", text, type, coalesce(value, ''), coalesce(mod, '') FROM times WHERE article = ? ORDER BY start`, n)
	if err != nil {
		return fmt.Errorf("times: %w", err)
	}
	for rows.Next() {
		var t marsad.TimeExpr
		var s, e int
		if err := rows.Scan(&s, &e, &t.Text, &t.Type, &t.Value, &t.Mod); err != nil {
			rows.Close()
			return fmt.Errorf("times: %w", err)
		}
		t.Span = span(s, e)
		doc.Times = append(doc.Times, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("times: %w", err)
	}

	rows, err = d.db.QueryContext(ctx, `SELECT start, "end", text, value, min, max, approx, kind, coalesce(unit, '') FROM quantities WHERE article = ? ORDER BY start`, n)
	if err != nil {
		return fmt.Errorf("quantities: %w", err)
	}
	for rows.Next() {
		var q marsad.Quantity
		var s, e int
		var v, lo, hi sql.NullFloat64
		if err := rows.Scan(&s, &e, &q.Text, &v, &lo, &hi, &q.Approx, &q.Kind, &q.Unit); err != nil {
			rows.Close()
			return fmt.Errorf("quantities: %w", err)
		}
		q.Span = span(s, e)
		q.Value, q.Min, q.Max = ptr(v), ptr(lo), ptr(hi)
		doc.Quantities = append(doc.Quantities, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quantities: %w", err)
	}

	rows, err = d.db.QueryContext(ctx, `SELECT start, "end", text, direct, coalesce(speaker, ''), coalesce(speaker_text, ''), coalesce(cue, '') FROM quotes WHERE article = ? ORDER BY start`, n)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	for rows.Next() {
		var q marsad.Quote
		var s, e int
		if err := rows.Scan(&s, &e, &q.Text, &q.Direct, &q.Speaker, &q.SpeakerText, &q.Cue); err != nil {
			rows.Close()
			return fmt.Errorf("quotes: %w", err)
		}
		q.Span = span(s, e)
		doc.Quotes = append(doc.Quotes, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}

	rows, err = d.db.QueryContext(ctx, `SELECT type, coalesce(cameo, ''), coalesce(actor, ''), coalesce(actor_text, ''), coalesce(target, ''),
		coalesce(target_text, ''), coalesce(location, ''), coalesce(date, ''), trigger_start, trigger_end, trigger_text, sentence
		FROM events WHERE article = ? ORDER BY seq`, n)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ev marsad.Event
		var s, e int
		if err := rows.Scan(&ev.Type, &ev.CAMEO, &ev.Actor, &ev.ActorText, &ev.Target, &ev.TargetText, &ev.Location, &ev.Date,
			&s, &e, &ev.Trigger.Text, &ev.Sentence); err != nil {
			return fmt.Errorf("events: %w", err)
		}
		ev.Trigger.Span = span(s, e)
		doc.Events = append(doc.Events, ev)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

func ptr(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	return &v.Float64
}
