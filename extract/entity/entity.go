// Package entity finds named entities (people, organizations, places) in
// Arabic news and links their mentions: inside an article (بايدن → جو
// بايدن, التنظيم → تنظيم الدولة الإسلامية, ترمب/ترامب, one-letter typos of
// long names) and across the archive through a stable key.
//
// The recognizer is rule- and lexicon-based, fast and explainable: every
// entity comes from a lexicon hit or from a named rule (title + name,
// organization head + complement, place cue + name), over tokens from
// package arabic with proclitics (و ف ب ل, and لل for ل + ال) handled: a
// mention starts after the proclitic (وبغداد → بغداد; للولايات → لولايات,
// the article's ل kept). Lexicons are embedded TSV files of our own
// writing (see [Lexicon] for the format); users add their own from a
// directory ([Options].LexiconDir) and import GeoNames with
// [ImportGeoNames].
//
// Demonyms (العراقي, الأميركية) are never entities: they qualify roles
// (الرئيس الأميركي) and organization names (وزارة الخارجية الأميركية).
//
// Entity.Key is archive-wide: the lexicon's ID for known entities, else
// TYPE:normalized fullest name. Entity.Latin comes from the lexicon, or for
// people and places from transliteration (package arabic/translit).
// Evaluation helpers score CoNLL files ([Recognizer.EvalCoNLL]), in
// Marsad's span convention or ANERcorp's ([Convention]), and gold sets in
// the format of testdata/gold/README.md ([Recognizer.EvalGold]).
package entity

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/marsad-project/marsad"
)

// Options configure a [Recognizer].
type Options struct {
	// LexiconDir, when set, names a directory of extra lexicon files in
	// the embedded formats (see [Lexicon]); they add to the built-in ones.
	LexiconDir string
	// Logger receives load statistics; nil means slog.Default().
	Logger *slog.Logger
}

// Recognizer finds and links entities. It is safe for concurrent use.
type Recognizer struct {
	lx *Lexicon
	// analyses keeps the buffers of finished analyses for the next
	// article.
	analyses sync.Pool
}

var _ marsad.Annotator = (*Recognizer)(nil)

// New loads the lexicons and returns a recognizer.
func New(opts Options) (*Recognizer, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	t0 := time.Now()
	lx, err := LoadLexicon(opts.LexiconDir)
	if err != nil {
		return nil, fmt.Errorf("entity lexicon: %w", err)
	}
	st := lx.Stats()
	log.Debug("entity lexicon loaded", "entities", st.Entities, "phrases", st.Phrases,
		"given_names", st.GivenNames, "titles", st.Titles, "dir", opts.LexiconDir,
		"elapsed", time.Since(t0))
	return &Recognizer{lx: lx}, nil
}

// NewWithLexicon returns a recognizer over an already loaded lexicon.
func NewWithLexicon(lx *Lexicon) *Recognizer { return &Recognizer{lx: lx} }

// Lexicon returns the recognizer's lexicon.
func (r *Recognizer) Lexicon() *Lexicon { return r.lx }

// Annotate finds the entities of doc.Text and appends them to
// doc.Entities, with ids "E1", "E2", … in order of first mention.
func (r *Recognizer) Annotate(ctx context.Context, doc *marsad.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entity: %w", err)
	}
	ents, err := r.find(ctx, doc.Text)
	if err != nil {
		return fmt.Errorf("entity %s: %w", doc.ID, err)
	}
	doc.Entities = append(doc.Entities, ents...)
	return nil
}
