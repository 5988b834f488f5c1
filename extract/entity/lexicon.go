package entity

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
)

// builtin holds the lexicons shipped with Marsad. Every file is our own
// writing and names its source in a comment.
//
//go:embed lexicon/*.tsv
var builtin embed.FS

// Lexicon file names with a special format. Every other *.tsv file holds
// entities (see [Lexicon]).
const (
	fileDemonyms  = "demonyms.tsv"
	fileGiven     = "given.tsv"
	fileTitles    = "titles.tsv"
	fileCues      = "cues.tsv"
	fileStop      = "stopwords.tsv"
	fileCommon    = "common.tsv"
	fileAmbiguous = "ambiguous.tsv"
	fileShared    = "shared.tsv"
)

// lexEntity is one identity known to a lexicon.
type lexEntity struct {
	Type   string
	Name   string
	Latin  string
	Key    string
	Parent string // normalized name of the containing country, or ""
	norm   string // normalized Name
}

// phrase is one written form (name or alias) of a lexicon entity, split
// into normalized tokens.
type phrase struct {
	toks  []string
	runes int // rune length of the words joined by spaces
	ent   int32
	alias bool // an alias, not the canonical name
	amb   bool // also a common word: needs support from the document
	// shared is a family name other people bear too: without support it
	// is a person's name linked to no one (see shared.tsv).
	shared bool
	extra  bool // from a user lexicon
}

// givenName is a given name with its Latin form.
type givenName struct {
	latin string
	amb   bool
	noun  bool // also a common noun or adjective: a name only with a family name after it
	ta    bool // written with a final ة, which the matching folds to ه
}

// cueKind classifies a cue word.
type cueKind uint8

const (
	cueNone     cueKind = iota
	cueOrgHead          // starts an organization name
	cuePlace            // precedes a place name (not part of it)
	cueFacility         // starts a facility name (part of it)
)

// Lexicon is the recognizer's knowledge: entities with their names and
// aliases, demonyms, given names, titles, cue words and stop words. It is
// immutable once built and safe for concurrent use.
//
// Entity files are UTF-8 TSV, one entity per line, '#' starting a comment
// line:
//
//	TYPE<TAB>NAME<TAB>LATIN<TAB>ALIASES<TAB>ID<TAB>PARENT
//
// TYPE is PER, ORG, LOC or MISC; NAME the canonical Arabic name; LATIN the
// Latin-script name (may be empty); ALIASES other written forms separated
// by '|'; ID an optional archive-wide key (default TYPE:normalized NAME);
// PARENT the canonical name of the country a place or body belongs to,
// used to choose between homonyms (عمان: Amman or Oman). Trailing columns
// may be left out.
//
// Special files (same directory, fixed names): demonyms.tsv
// (MASCULINE_SINGULAR<TAB>PLACE), given.tsv (NAME<TAB>LATIN<TAB>amb),
// titles.tsv (TITLE), cues.tsv (ORGHEAD|PLACE|FACILITY<TAB>WORD),
// stopwords.tsv and common.tsv (WORD), ambiguous.tsv (ALIAS that is also a
// common word).
type Lexicon struct {
	entities  []lexEntity
	byFirst   map[string][]phrase // first token → phrases, longest first
	byKey     map[string]int32    // Key → entity
	demonyms  map[string]bool     // every inflected form, normalized
	given     map[string]givenName
	titles    map[string][][]string // first token → remaining tokens, longest first
	cues      map[string]cueKind    // normalized, without ال
	named     map[string]bool       // descriptors before an organization's own name (صحيفة, شركة), normalized, without ال
	stop      map[string]bool
	common    map[string]bool
	ambiguous map[string]bool  // normalized alias text
	shared    map[string]bool  // normalized family names borne by several people
	surnames  map[string]int32 // normalized last token of a lexicon person → entity (-1 if several)
	parents   map[string]bool  // normalized names of entities that contain others (countries)
	// class tells, for a word form, which rules it may trigger and which
	// lexicon phrases start with it, so that most words need one lookup
	// per reading.
	class map[string]*wordInfo
}

// wordClass is a set of rule triggers.
type wordClass uint8

const (
	clsTitle    wordClass = 1 << iota // first word of a title
	clsCue                            // organization head, place or facility cue (with or without ال)
	clsReport                         // reporting verb
	clsDemonym                        // definite demonym
	clsArmy                           // الجيش
	clsPhrase                         // first word of a lexicon name or alias
	clsPhraseAl                       // ال + the first word of a lexicon name of several words
)

// wordInfo is what the lexicon knows of a word form: the rules it may
// trigger and the phrases that start with it, indexed for lookup.
type wordInfo struct {
	cls    wordClass
	single []phrase            // one-word phrases
	multi  []phrase            // longer phrases, longest first
	bySec  map[string][]phrase // multi by second word, when there are many
	fuzzy  []phrase            // long phrases a one-letter typo may match
	// fuzzyBy holds fuzzy by the first letter and length of their second
	// word, when there are many: a typo rarely changes a word's first
	// letter, and changes its length by one letter at most.
	fuzzyBy map[fuzzyKey][]phrase
}

// fuzzyKey buckets phrases by the first letter and the length in letters
// of their second word.
type fuzzyKey struct {
	first rune
	n     int
}

// keyOf returns the bucket of a phrase whose second word is word.
func keyOf(word string) fuzzyKey {
	r, _ := utf8.DecodeRuneInString(word)
	return fuzzyKey{r, utf8.RuneCountInString(word)}
}

// fuzzyAfter yields each long phrase a one-letter typo may match when the
// next word of the text is next.
func (wi *wordInfo) fuzzyAfter(next string) iter.Seq[phrase] {
	return func(yield func(phrase) bool) {
		if wi.fuzzyBy == nil {
			for _, p := range wi.fuzzy {
				if !yield(p) {
					return
				}
			}
			return
		}
		k := keyOf(next)
		for n := k.n - 1; n <= k.n+1; n++ {
			for _, p := range wi.fuzzyBy[fuzzyKey{k.first, n}] {
				if !yield(p) {
					return
				}
			}
		}
	}
}

// manyPhrases is how many longer phrases a word starts before they are
// indexed by their second word.
const manyPhrases = 8

// phrasesAfter returns the phrases of several words that start with the
// word and continue with next, longest first.
func (wi *wordInfo) phrasesAfter(next string) []phrase {
	if wi.bySec != nil {
		return wi.bySec[next]
	}
	return wi.multi
}

// mark adds class c to word form s.
func (lx *Lexicon) mark(s string, c wordClass) *wordInfo {
	wi := lx.class[s]
	if wi == nil {
		wi = &wordInfo{}
		lx.class[s] = wi
	}
	wi.cls |= c
	return wi
}

// Stats reports the size of a lexicon.
type Stats struct {
	Entities, Phrases, Demonyms, GivenNames, Titles, Cues, StopWords int
}

// Stats returns counts of what the lexicon holds.
func (lx *Lexicon) Stats() Stats {
	s := Stats{Entities: len(lx.entities), Demonyms: len(lx.demonyms), GivenNames: len(lx.given),
		Cues: len(lx.cues), StopWords: len(lx.stop) + len(lx.common)}
	for _, ps := range lx.byFirst {
		s.Phrases += len(ps)
	}
	for _, ts := range lx.titles {
		s.Titles += len(ts)
	}
	return s
}

// norm is the matching form of s: search-normalized.
func norm(s string) string {
	return strings.ToLower(arabic.NormalizeString(s, arabic.SearchOptions()))
}

// normTokens splits a name into normalized word tokens.
func normTokens(s string) []string { return strings.Fields(norm(s)) }

// LoadLexicon builds a lexicon from the embedded files and, when extraDir
// is not empty, every *.tsv file in extraDir (same formats and names; an
// entity file there adds entities, a special file adds to its list).
func LoadLexicon(extraDir string) (*Lexicon, error) {
	lx := &Lexicon{
		byFirst:   make(map[string][]phrase, 4096),
		byKey:     make(map[string]int32, 2048),
		demonyms:  make(map[string]bool, 2048),
		given:     make(map[string]givenName, 1024),
		titles:    make(map[string][][]string, 128),
		cues:      make(map[string]cueKind, 128),
		named:     make(map[string]bool, 16),
		stop:      make(map[string]bool, 512),
		common:    make(map[string]bool, 256),
		ambiguous: make(map[string]bool, 128),
		shared:    make(map[string]bool, 64),
		surnames:  make(map[string]int32, 256),
	}
	var files []loadedFile
	sub, err := fs.Sub(builtin, "lexicon")
	if err != nil {
		return nil, fmt.Errorf("embedded lexicon: %w", err)
	}
	got, err := readDir(sub, "embedded")
	if err != nil {
		return nil, err
	}
	files = append(files, got...)
	if extraDir != "" {
		st, err := os.Stat(extraDir)
		if err != nil {
			return nil, fmt.Errorf("lexicon dir: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("lexicon dir %s: not a directory", extraDir)
		}
		got, err := readDir(os.DirFS(extraDir), extraDir)
		if err != nil {
			return nil, err
		}
		for i := range got {
			got[i].extra = true
		}
		files = append(files, got...)
	}
	// Entity files first (countries before places before the rest), then
	// the lists that refer to them.
	rank := func(name string) int {
		switch name {
		case "countries.tsv":
			return 0
		case "places.tsv":
			return 1
		case fileDemonyms, fileGiven, fileTitles, fileCues, fileStop, fileCommon, fileAmbiguous, fileShared:
			return 3
		}
		return 2
	}
	slices.SortStableFunc(files, func(a, b loadedFile) int { return rank(a.name) - rank(b.name) })
	var demonymLines [][]string
	for _, f := range files {
		switch f.name {
		case fileDemonyms:
			demonymLines = append(demonymLines, f.rows...)
		case fileGiven:
			for _, r := range f.rows {
				g := givenName{}
				if len(r) > 1 {
					g.latin = r[1]
				}
				g.amb = len(r) > 2 && r[2] == "amb"
				g.noun = len(r) > 2 && r[2] == "noun"
				g.ta = strings.HasSuffix(strings.TrimRightFunc(r[0], isMark), "ة")
				lx.given[norm(r[0])] = g
			}
		case fileTitles:
			for _, r := range f.rows {
				t := normTokens(r[0])
				if len(t) == 0 {
					continue
				}
				lx.titles[t[0]] = append(lx.titles[t[0]], t[1:])
			}
		case fileCues:
			for _, r := range f.rows {
				if len(r) < 2 {
					return nil, fmt.Errorf("%s: cue line %q: want KIND<TAB>WORD", f.path, strings.Join(r, "\t"))
				}
				var k cueKind
				switch r[0] {
				case "ORGHEAD":
					k = cueOrgHead
				case "PLACE":
					k = cuePlace
				case "FACILITY":
					k = cueFacility
				case "NAMED":
					lx.named[stripAl(norm(r[1]))] = true
					continue
				default:
					return nil, fmt.Errorf("%s: unknown cue kind %q", f.path, r[0])
				}
				lx.cues[stripAl(norm(r[1]))] = k
			}
		case fileStop:
			for _, r := range f.rows {
				lx.stop[norm(r[0])] = true
			}
			lx.stop[prepAla] = true
		case fileCommon:
			for _, r := range f.rows {
				lx.common[norm(r[0])] = true
			}
		case fileAmbiguous:
			for _, r := range f.rows {
				lx.ambiguous[norm(r[0])] = true
			}
		case fileShared:
			for _, r := range f.rows {
				lx.shared[norm(r[0])] = true
			}
		default:
			if err := lx.addEntities(f); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range demonymLines {
		stem := norm(r[0])
		for _, suf := range []string{"", "ه", "ون", "ين", "ات"} {
			lx.demonyms[stem+suf] = true
			lx.demonyms["ال"+stem+suf] = true
		}
	}
	// Drop one-word names that are common words of another list (GeoNames
	// has مدينة as a name of Medina), mark ambiguous phrases and order
	// phrases and titles longest first.
	for first, ps := range lx.byFirst {
		ps = slices.DeleteFunc(ps, func(p phrase) bool {
			if len(p.toks) != 1 {
				return false
			}
			w := p.toks[0]
			_, cue := lx.cues[w]
			_, title := lx.titles[w]
			return lx.stop[w] || lx.common[w] || cue || title
		})
		if len(ps) == 0 {
			delete(lx.byFirst, first)
			continue
		}
		for i := range ps {
			if lx.ambiguous[strings.Join(ps[i].toks, " ")] || commonPhrase(lx, ps[i].toks) {
				ps[i].amb = true
			} else if len(ps[i].toks) == 1 && lx.shared[ps[i].toks[0]] && lx.entities[ps[i].ent].Type == marsad.PER {
				ps[i].amb, ps[i].shared = true, true
			}
			// A one-word name from a user lexicon (GeoNames imports are
			// full of them) that is short or also a given name needs
			// support from the document.
			if p := &ps[i]; p.extra && len(p.toks) == 1 && lx.entities[p.ent].Type != marsad.PER {
				_, given := lx.given[p.toks[0]]
				if given || runeLen(p.toks[0]) <= 3 {
					p.amb = true
				}
			}
		}
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.toks) - len(a.toks) })
		lx.byFirst[first] = ps
	}
	for first, ts := range lx.titles {
		slices.SortStableFunc(ts, func(a, b []string) int { return len(b) - len(a) })
		lx.titles[first] = ts
	}
	lx.class = make(map[string]*wordInfo, len(lx.titles)+2*len(lx.cues)+len(reportVerbs)+len(lx.demonyms)+len(lx.byFirst))
	for t := range lx.titles {
		lx.mark(t, clsTitle)
	}
	for c := range lx.cues {
		lx.mark(c, clsCue)
		lx.mark(al+c, clsCue)
	}
	for c := range lx.named {
		lx.mark(c, clsCue)
	}
	for v := range reportVerbs {
		lx.mark(v, clsReport)
	}
	for d := range lx.demonyms {
		if definite(d) {
			lx.mark(d, clsDemonym)
		}
	}
	lx.mark(al+normJaysh, clsArmy)
	for first, ps := range lx.byFirst {
		wi := lx.mark(first, clsPhrase)
		for _, p := range ps {
			if len(p.toks) == 1 {
				wi.single = append(wi.single, p)
				continue
			}
			wi.multi = append(wi.multi, p)
			if p.runes >= 12 {
				wi.fuzzy = append(wi.fuzzy, p)
			}
		}
		if len(wi.multi) > 0 && !definite(first) {
			lx.mark(al+first, clsPhraseAl)
		}
		if len(wi.fuzzy) > manyPhrases {
			wi.fuzzyBy = make(map[fuzzyKey][]phrase)
			for _, p := range wi.fuzzy {
				k := keyOf(p.toks[1])
				wi.fuzzyBy[k] = append(wi.fuzzyBy[k], p)
			}
		}
		if len(wi.multi) > manyPhrases {
			wi.bySec = make(map[string][]phrase)
			for _, p := range wi.multi {
				wi.bySec[p.toks[1]] = append(wi.bySec[p.toks[1]], p)
			}
		}
	}
	lx.parents = make(map[string]bool, 256)
	for _, e := range lx.entities {
		if e.Parent != "" {
			lx.parents[e.Parent] = true
		}
	}
	return lx, nil
}

// commonPhrase reports whether a place name reads as a common noun and
// its adjective (الحدود الشمالية "the northern borders"): a common word
// followed by relational adjectives only.
func commonPhrase(lx *Lexicon, toks []string) bool {
	if len(toks) < 2 || !lx.common[toks[0]] {
		return false
	}
	for _, t := range toks[1:] {
		if !definite(t) || !nisba(t) || lx.demonyms[t] {
			return false
		}
	}
	return true
}

// listKind returns the special file name a lexicon file belongs to: a
// list may be split over several files named after it (given_sport.tsv
// adds to given.tsv, common_verbs.tsv to common.tsv). Any other name is
// returned as is and holds entities.
func listKind(name string) string {
	for _, special := range []string{fileDemonyms, fileGiven, fileTitles, fileCues, fileStop, fileCommon, fileAmbiguous, fileShared} {
		base := strings.TrimSuffix(special, ".tsv")
		if name == special || strings.HasPrefix(name, base+"_") {
			return special
		}
	}
	return name
}

// loadedFile is one parsed TSV file.
type loadedFile struct {
	name, path string // name is the special list name (see listKind) or the file name
	rows       [][]string
	extra      bool // from the user's directory
}

// readDir reads every *.tsv file of fsys.
func readDir(fsys fs.FS, label string) ([]loadedFile, error) {
	names, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", label, err)
	}
	var out []loadedFile
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", filepath.Join(label, name), err)
		}
		rows, err := readTSV(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", filepath.Join(label, name), err)
		}
		out = append(out, loadedFile{name: listKind(name), path: filepath.Join(label, name), rows: rows})
	}
	return out, nil
}

// readTSV returns the non-comment, non-blank lines of r split on tabs.
func readTSV(r io.Reader) ([][]string, error) {
	var rows [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if cols[0] == "" {
			continue
		}
		rows = append(rows, cols)
	}
	return rows, sc.Err()
}

// addEntities adds the rows of an entity file.
func (lx *Lexicon) addEntities(f loadedFile) error {
	for n, r := range f.rows {
		if len(r) < 2 {
			return fmt.Errorf("%s: entity row %d: want TYPE<TAB>NAME…", f.path, n+1)
		}
		typ := r[0]
		switch typ {
		case marsad.PER, marsad.ORG, marsad.LOC, marsad.MISC:
		default:
			return fmt.Errorf("%s: entity row %d: unknown type %q", f.path, n+1, typ)
		}
		col := func(i int) string {
			if i < len(r) {
				return r[i]
			}
			return ""
		}
		e := lexEntity{Type: typ, Name: r[1], Latin: col(2), Key: col(4), Parent: norm(col(5)), norm: norm(r[1])}
		if e.Key == "" {
			e.Key = typ + ":" + e.norm
		}
		id, dup := lx.byKey[e.Key]
		if !dup {
			id = int32(len(lx.entities))
			lx.entities = append(lx.entities, e)
			lx.byKey[e.Key] = id
		} else if lx.entities[id].Latin == "" {
			lx.entities[id].Latin = e.Latin
		}
		lx.addPhrase(r[1], id, dup, f.extra)
		for _, a := range strings.Split(col(3), "|") {
			if a != "" {
				lx.addPhrase(a, id, true, f.extra)
			}
		}
		if acronym(e.Latin) {
			// CNN, OPEC: the Latin acronym is written as such in Arabic text.
			lx.addPhrase(e.Latin, id, true, f.extra)
		}
		if typ == marsad.PER {
			toks := normTokens(r[1])
			if len(toks) > 1 && !nameJoiners[toks[len(toks)-2]] {
				last := toks[len(toks)-1]
				if old, ok := lx.surnames[last]; ok && old != id {
					lx.surnames[last] = -1
				} else {
					lx.surnames[last] = id
				}
			}
		}
	}
	return nil
}

// addPhrase indexes one written form of entity id.
func (lx *Lexicon) addPhrase(text string, id int32, alias, extra bool) {
	toks := normTokens(text)
	if len(toks) == 0 {
		return
	}
	for _, p := range lx.byFirst[toks[0]] {
		if p.ent == id && slices.Equal(p.toks, toks) {
			return
		}
	}
	lx.byFirst[toks[0]] = append(lx.byFirst[toks[0]], phrase{toks: toks, runes: runeLen(strings.Join(toks, " ")), ent: id, alias: alias, extra: extra})
}

// acronym reports whether a Latin name is an upper-case acronym of two to
// eight letters (CNN, UNESCO).
func acronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// stripAl removes a leading definite article (normalized ال).
func stripAl(w string) string {
	if len(w) > len("ال")+2 && strings.HasPrefix(w, "ال") {
		return w[len("ال"):]
	}
	return w
}
