package store

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search: every group must match, no excluded clause may
// match, and the filters restrict the candidates.
//
// The language: words (all required), "phrases" (also «…» and “…”),
// OR between two clauses (binds tighter than the implicit AND), a leading
// - to exclude a word or phrase, and a trailing * for a prefix.
type Query struct {
	Raw     string   // the query as typed
	Groups  []Group  // all required; each is satisfied by any of its clauses
	Exclude []Clause // none may match

	From    time.Time // published on or after (inclusive); zero = open
	To      time.Time // published on or before (inclusive, whole day); zero = open
	Sources []string  // restrict to these sources (any); empty = all
	Entity  string    // restrict to articles mentioning this entity name

	Limit  int  // hits per page (default 10)
	Offset int  // hits to skip
	Facets bool // compute facets over all matches
}

// Group is a disjunction: it matches when any clause matches.
type Group []Clause

// Clause is a word, a phrase or a prefix as typed by the user.
type Clause struct {
	Text   string // the words as typed, without quote marks or *
	Phrase bool   // quoted: the words must appear in order, adjacent
	Prefix bool   // ends with *: matches words starting with Text
}

// String renders the clause back in the query language.
func (c Clause) String() string {
	switch {
	case c.Phrase:
		return `"` + c.Text + `"`
	case c.Prefix:
		return c.Text + "*"
	}
	return c.Text
}

// String renders the query back in the query language (filters excluded).
func (q Query) String() string {
	var parts []string
	for _, g := range q.Groups {
		alts := make([]string, len(g))
		for i, c := range g {
			alts[i] = c.String()
		}
		parts = append(parts, strings.Join(alts, " OR "))
	}
	for _, c := range q.Exclude {
		parts = append(parts, "-"+c.String())
	}
	return strings.Join(parts, " ")
}

// Query parse errors.
var (
	ErrEmptyQuery   = errors.New("empty query")
	ErrOnlyExcluded = errors.New("query has only exclusions")
)

// closing returns the closing mark for an opening quote mark.
func closing(r rune) (rune, bool) {
	switch r {
	case '"':
		return '"', true
	case '«':
		return '»', true
	case '“':
		return '”', true
	case '„':
		return '“', true
	}
	return 0, false
}

type token struct {
	clause  Clause
	exclude bool
	or      bool
	pos     int
}

// ParseQuery parses the search language. It is lenient with what users
// type: an unclosed quote runs to the end, stray punctuation is dropped by
// analysis later, and a dangling OR is an error only when nothing is left.
func ParseQuery(s string) (Query, error) {
	q := Query{Raw: s}
	toks := lex(s)
	var pendingOr bool
	for i, t := range toks {
		if t.or {
			if len(q.Groups) == 0 || pendingOr || i == len(toks)-1 || toks[i+1].exclude || toks[i+1].or {
				return Query{}, fmt.Errorf("parse query at byte %d: OR needs a clause on each side", t.pos)
			}
			pendingOr = true
			continue
		}
		if t.exclude {
			if pendingOr {
				return Query{}, fmt.Errorf("parse query at byte %d: cannot OR an exclusion", t.pos)
			}
			q.Exclude = append(q.Exclude, t.clause)
			continue
		}
		if pendingOr {
			last := len(q.Groups) - 1
			q.Groups[last] = append(q.Groups[last], t.clause)
			pendingOr = false
			continue
		}
		q.Groups = append(q.Groups, Group{t.clause})
	}
	if len(q.Groups) == 0 {
		if len(q.Exclude) > 0 {
			return Query{}, ErrOnlyExcluded
		}
		return Query{}, ErrEmptyQuery
	}
	return q, nil
}

// lex splits the query into clauses, exclusions and OR operators.
func lex(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		start := i
		exclude := false
		if r == '-' && i+w < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[i+w:]); !unicode.IsSpace(r2) {
				exclude = true
				i += w
				r, w = utf8.DecodeRuneInString(s[i:])
			}
		}
		if end, ok := closing(r); ok {
			i += w
			j := strings.IndexRune(s[i:], end)
			var text string
			if j < 0 {
				text = s[i:]
				i = len(s)
			} else {
				text = s[i : i+j]
				i += j + utf8.RuneLen(end)
			}
			text = strings.Join(strings.Fields(text), " ")
			if text != "" {
				out = append(out, token{clause: Clause{Text: text, Phrase: true}, exclude: exclude, pos: start})
			}
			continue
		}
		j := i
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r2) {
				break
			}
			if _, ok := closing(r2); ok && j > i {
				break
			}
			j += w2
		}
		word := s[i:j]
		i = j
		if !exclude && (word == "OR" || word == "|") {
			out = append(out, token{or: true, pos: start})
			continue
		}
		prefix := false
		if strings.HasSuffix(word, "*") {
			word = strings.TrimRight(word, "*")
			prefix = true
		}
		if word == "" {
			continue
		}
		out = append(out, token{clause: Clause{Text: word, Prefix: prefix}, exclude: exclude, pos: start})
	}
	return out
}
