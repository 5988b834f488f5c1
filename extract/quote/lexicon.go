package quote

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// feat holds the agreement features of a reporting cue.
type feat uint8

const (
	featMasc feat = 1 << iota
	featFem
	featPlural
	featDual
	featFirst
	featPassive
	featParticiple
)

// cue is one inflected form of a reporting verb.
type cue struct {
	lemma string
	feat  feat
}

// lexicon is the immutable word knowledge of the extractor.
type lexicon struct {
	cues           map[string]cue
	complementizer map[string]bool
	stop           map[string]bool
	addressee      map[string]bool
	source         map[string]bool
	statement      map[string]bool
	title          map[string]bool
	headlineLabel  map[string]bool
	anonVerb       map[string]bool
	generic        map[string]bool
	notComp        map[string]bool
	lead           map[string]bool
	sourceNoun     map[string]bool
	speakerHead    map[string]bool
	document       map[string]bool
	issued         map[string]bool
	nameLink       map[string]bool
}

// loadLexicon parses the embedded lexicon files once.
var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{cues: map[string]cue{}}
	if err := lx.readCues("lexicon/cues.txt"); err != nil {
		return nil, err
	}
	sections, err := readSections("lexicon/words.txt")
	if err != nil {
		return nil, err
	}
	for name, dst := range map[string]*map[string]bool{
		"complementizer":     &lx.complementizer,
		"stop":               &lx.stop,
		"addressee":          &lx.addressee,
		"source":             &lx.source,
		"statement":          &lx.statement,
		"title":              &lx.title,
		"headline-label":     &lx.headlineLabel,
		"anon-verb":          &lx.anonVerb,
		"generic":            &lx.generic,
		"not-complementizer": &lx.notComp,
		"lead":               &lx.lead,
		"source-noun":        &lx.sourceNoun,
		"speaker-head":       &lx.speakerHead,
		"document":           &lx.document,
		"issued":             &lx.issued,
		"name-link":          &lx.nameLink,
	} {
		set, ok := sections[name]
		if !ok {
			return nil, fmt.Errorf("lexicon/words.txt: missing section [%s]", name)
		}
		*dst = set
	}
	return lx, nil
})

// readCues reads the reporting verbs and generates their forms.
func (lx *lexicon) readCues(name string) error {
	data, err := lexiconFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 4 {
			return fmt.Errorf("%s:%d: want at least 4 tab-separated columns, got %d", name, line, len(cols))
		}
		lemma := fold(cols[0])
		add := func(form string, f feat) {
			form = fold(form)
			if _, ok := lx.cues[form]; !ok {
				lx.cues[form] = cue{lemma: lemma, feat: f}
			}
		}
		if len(cols) > 4 {
			for _, ff := range strings.Fields(cols[4]) {
				form, fs, ok := strings.Cut(ff, ":")
				if !ok {
					return fmt.Errorf("%s:%d: extra form %q lacks :FEATURES", name, line, ff)
				}
				f, err := parseFeat(fs)
				if err != nil {
					return fmt.Errorf("%s:%d: %w", name, line, err)
				}
				add(form, f)
			}
		}
		if p := cols[1]; p != "-" && p != "" {
			add(p, featMasc)
			add(p+"ت", featFem)
			add(p+"وا", featMasc|featPlural)
			add(p+"ا", featMasc|featDual)
			add(p+"تا", featFem|featDual)
			add(p+"ن", featFem|featPlural)
			add(p+"نا", featFirst)
		}
		if s := cols[2]; s != "-" && s != "" {
			add("ي"+s, featMasc)
			add("ت"+s, featFem)
			add("ي"+s+"ون", featMasc|featPlural)
			add("ي"+s+"ان", featMasc|featDual)
			add("ت"+s+"ان", featFem|featDual)
			add("ي"+s+"ن", featFem|featPlural)
		}
		if p := cols[3]; p != "-" && p != "" {
			add(p+"ا", featMasc|featParticiple)
			add(p+"ه", featFem|featParticiple)
			add(p+"ين", featMasc|featPlural|featParticiple)
			add(p+"ات", featFem|featPlural|featParticiple)
			add(p+"تين", featFem|featDual|featParticiple)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// parseFeat parses a feature tag of the cue lexicon.
func parseFeat(s string) (feat, error) {
	switch s {
	case "m.sg":
		return featMasc, nil
	case "f.sg":
		return featFem, nil
	case "m.pl":
		return featMasc | featPlural, nil
	case "f.pl":
		return featFem | featPlural, nil
	case "m.du":
		return featMasc | featDual, nil
	case "f.du":
		return featFem | featDual, nil
	case "1":
		return featFirst, nil
	case "pass":
		return featPassive, nil
	}
	return 0, fmt.Errorf("unknown feature %q", s)
}

// readSections reads a file of [section] word lists into folded sets.
func readSections(name string) (map[string]map[string]bool, error) {
	data, err := lexiconFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	out := map[string]map[string]bool{}
	var cur map[string]bool
	for i, text := range strings.Split(string(data), "\n") {
		text = strings.TrimSpace(text)
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]"):
			cur = map[string]bool{}
			out[text[1:len(text)-1]] = cur
		case cur == nil:
			return nil, fmt.Errorf("%s:%d: word before any [section]", name, i+1)
		default:
			cur[fold(text)] = true
		}
	}
	return out, nil
}

// cueOf returns the reporting cue for a folded word, also after a leading
// conjunction (وقال, فأضاف).
func (lx *lexicon) cueOf(w string) (cue, bool) {
	if c, ok := lx.cues[w]; ok {
		return c, true
	}
	if s := stripConj(w); s != w {
		c, ok := lx.cues[s]
		return c, ok
	}
	return cue{}, false
}

// in reports whether w, or w without a leading conjunction, is in set.
func in(set map[string]bool, w string) bool {
	return set[w] || set[stripConj(w)]
}
