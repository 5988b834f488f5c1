package arabic

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func optionsNamed(t *testing.T, name string) Options {
	t.Helper()
	switch name {
	case "search":
		return SearchOptions()
	case "display":
		return DisplayOptions()
	}
	t.Fatalf("unknown options %q", name)
	return Options{}
}

func TestNormalize(t *testing.T) {
	for _, row := range readTSV(t, "testdata/normalize.tsv", 3) {
		opt := optionsNamed(t, row.fields[0])
		in, want := unescape(t, row.fields[1]), unescape(t, row.fields[2])
		got, m := Normalize(in, opt)
		if got != want {
			t.Errorf("line %d: Normalize(%q, %s) = %q, want %q", row.line, in, row.fields[0], got, want)
			continue
		}
		if s := NormalizeString(in, opt); s != got {
			t.Errorf("line %d: NormalizeString = %q, Normalize = %q", row.line, s, got)
		}
		if again := NormalizeString(got, opt); again != got {
			t.Errorf("line %d: not idempotent: %q → %q", row.line, got, again)
		}
		checkMap(t, in, got, m, opt)
	}
}

// checkMap verifies that the offset map sends every space-separated word
// of the normalized text to a span of the original that normalizes to
// that word.
func checkMap(t *testing.T, in, out string, m OffsetMap, opt Options) {
	t.Helper()
	if m.Orig(len(out)) != len(in) {
		t.Errorf("%q: Orig(end) = %d, want %d", in, m.Orig(len(out)), len(in))
	}
	start := 0
	for i := 0; i <= len(out); i++ {
		if i < len(out) && out[i] != ' ' {
			continue
		}
		if i > start {
			a, b := m.Span(start, i)
			if got := NormalizeString(in[a:b], opt); got != out[start:i] {
				t.Errorf("%q: word %q maps to %q which normalizes to %q", in, out[start:i], in[a:b], got)
			}
		}
		start = i + 1
	}
}

func TestNormalizeStringNoAlloc(t *testing.T) {
	opt := SearchOptions()
	for _, s := range []string{"العراق والولايات المتحده", "plain ASCII 2021", ""} {
		n := testing.AllocsPerRun(100, func() { NormalizeString(s, opt) })
		if n != 0 {
			t.Errorf("NormalizeString(%q) allocates %v times", s, n)
		}
	}
}

func formatTokens(toks []Token) string {
	parts := make([]string, len(toks))
	for i, tk := range toks {
		parts[i] = tk.Kind.String() + ":" + tk.Text
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	for _, row := range readTSV(t, "testdata/tokenize.tsv", 2) {
		in, want := unescape(t, row.fields[0]), unescape(t, row.fields[1])
		toks := Tokenize(in)
		if got := formatTokens(toks); got != want {
			t.Errorf("line %d: Tokenize(%q)\n got %s\nwant %s", row.line, in, got, want)
		}
		checkTokens(t, in, toks)
	}
}

func checkTokens(t *testing.T, in string, toks []Token) {
	t.Helper()
	prev := 0
	for _, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(in) {
			t.Fatalf("%q: bad token offsets %d-%d after %d", in, tk.Start, tk.End, prev)
		}
		if !utf8.RuneStart(in[tk.Start]) || tk.End < len(in) && !utf8.RuneStart(in[tk.End]) {
			t.Fatalf("%q: token %d-%d not on rune boundaries", in, tk.Start, tk.End)
		}
		if tk.Text != in[tk.Start:tk.End] {
			t.Fatalf("%q: token text %q != slice %q", in, tk.Text, in[tk.Start:tk.End])
		}
		prev = tk.End
	}
}

func TestSentences(t *testing.T) {
	for _, row := range readTSV(t, "testdata/sentences.tsv", 2) {
		in := unescape(t, row.fields[0])
		var got []string
		for _, sp := range Sentences(in) {
			got = append(got, in[sp.Start:sp.End])
		}
		want := row.fields[1]
		if g := strings.Join(got, " || "); g != want {
			t.Errorf("line %d: Sentences(%q)\n got %s\nwant %s", row.line, in, g, want)
		}
	}
}

func formatSegments(segs []Morpheme) string {
	parts := make([]string, len(segs))
	for i, s := range segs {
		switch s.Role {
		case RolePrefix:
			parts[i] = s.Text + "+"
		case RoleSuffix:
			parts[i] = "+" + s.Text
		default:
			parts[i] = s.Text
		}
	}
	return strings.Join(parts, " ")
}

func TestSegment(t *testing.T) {
	for _, row := range readTSV(t, "testdata/segment.tsv", 2) {
		word, want := row.fields[0], row.fields[1]
		segs := Segment(word)
		if got := formatSegments(segs); got != want {
			t.Errorf("line %d: Segment(%q) = %s, want %s", row.line, word, got, want)
		}
		// Segments tile the word.
		at := 0
		for _, s := range segs {
			if s.Start != at || s.End <= s.Start || word[s.Start:s.End] != s.Text {
				t.Errorf("line %d: Segment(%q): segment %+v does not tile", row.line, word, s)
			}
			at = s.End
		}
		if at != len(word) {
			t.Errorf("line %d: Segment(%q): segments end at %d, want %d", row.line, word, at, len(word))
		}
	}
}

func TestStem(t *testing.T) {
	for _, row := range readTSV(t, "testdata/stem.tsv", 2) {
		if got := Stem(row.fields[0]); got != row.fields[1] {
			t.Errorf("line %d: Stem(%q) = %q, want %q", row.line, row.fields[0], got, row.fields[1])
		}
	}
}

func formatNumbers(text string, nums []Number) string {
	if len(nums) == 0 {
		return "-"
	}
	parts := make([]string, len(nums))
	for i, n := range nums {
		v := strconv.FormatFloat(n.Value, 'f', -1, 64)
		if n.Ordinal {
			v += "o"
		}
		if n.Fraction {
			v += "f"
		}
		parts[i] = v + "@" + text[n.Start:n.End]
	}
	return strings.Join(parts, " ; ")
}

func TestNumberWords(t *testing.T) {
	for _, row := range readTSV(t, "testdata/numbers.tsv", 2) {
		in := row.fields[0]
		toks := Tokenize(in)
		nums := NumberWords(toks)
		if got := formatNumbers(in, nums); got != row.fields[1] {
			t.Errorf("line %d: NumberWords(%q) = %s, want %s", row.line, in, got, row.fields[1])
		}
		for _, n := range nums {
			if n.FirstTok > n.LastTok || n.LastTok >= len(toks) || n.Start < toks[n.FirstTok].Start || n.End != toks[n.LastTok].End {
				t.Errorf("line %d: inconsistent %+v", row.line, n)
			}
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, row := range readTSV(t, "testdata/parse_number.tsv", 2) {
		v, ok := ParseNumber(row.fields[0])
		got := "false"
		if ok {
			got = strconv.FormatFloat(v, 'f', -1, 64)
		}
		if got != row.fields[1] {
			t.Errorf("line %d: ParseNumber(%q) = %s, want %s", row.line, row.fields[0], got, row.fields[1])
		}
	}
}

func TestSeedHardCases(t *testing.T) {
	// The seed's hard cases in context: offsets of the tokens that
	// extraction relies on.
	text := `السبت بـ"انسحاب القوات" عند الحدود السورية-العراقية، نحو 2,500 عسكري و٢٠٢١ للولايات وبغداد`
	toks := Tokenize(text)
	var words []string
	for _, tk := range toks {
		words = append(words, fmt.Sprintf("%s@%d", tk.Text, tk.Start))
	}
	got := strings.Join(words, " ")
	want := `السبت@0 بـ@11 "@15 انسحاب@16 القوات@29 "@41 عند@43 الحدود@50 السورية@63 -@77 العراقية@78 ،@94 نحو@97 2,500@104 عسكري@110 و@121 ٢٠٢١@123 للولايات@132 وبغداد@149`
	if got != want {
		t.Errorf("Tokenize seed cases\n got %s\nwant %s", got, want)
	}
}

func TestSearchTermsMatchAnalyze(t *testing.T) {
	// SearchTerms (with its per-text memo) gives the stems of Analyze.
	for _, row := range readTSV(t, "testdata/tokenize.tsv", 2) {
		in := unescape(t, row.fields[0])
		in = in + " " + in // repeated words go through the memo
		var want []string
		for _, a := range Analyze(in) {
			if a.Stem != "" {
				want = append(want, a.Stem)
			}
		}
		if got := SearchTerms(in); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("line %d: SearchTerms = %q, Analyze stems = %q", row.line, got, want)
		}
	}
}
