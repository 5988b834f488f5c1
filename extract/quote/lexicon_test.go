package quote

import "testing"

func TestLexicon(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for name, set := range map[string]map[string]bool{
		"complementizer": lx.complementizer, "stop": lx.stop, "addressee": lx.addressee,
		"source": lx.source, "statement": lx.statement, "title": lx.title,
		"headline-label": lx.headlineLabel, "anon-verb": lx.anonVerb, "generic": lx.generic,
		"not-complementizer": lx.notComp, "lead": lx.lead, "source-noun": lx.sourceNoun,
	} {
		if len(set) == 0 {
			t.Errorf("section [%s] is empty or not loaded", name)
		}
	}
	for _, c := range []struct {
		word  string
		lemma string
		feat  feat
		ok    bool
	}{
		{"وقالت", "قال", featFem, true},
		{"وأضافوا", "اضاف", featMasc | featPlural, true},
		{"أضافتا", "اضاف", featFem | featDual, true},
		{"يؤكدون", "اكد", featMasc | featPlural, true},
		{"مؤكدةً", "اكد", featFem | featParticiple, true},
		{"قِيل", "قال", featPassive, true},
		{"نصف", "", 0, false}, // "half", not a first-person وصف
		{"الرئيس", "", 0, false},
	} {
		got, ok := lx.cueOf(fold(c.word))
		if ok != c.ok || ok && (got.lemma != fold(c.lemma) || got.feat != c.feat) {
			t.Errorf("cueOf(%s) = %+v, %v; want lemma %s feat %b, %v", c.word, got, ok, c.lemma, c.feat, c.ok)
		}
	}
}
