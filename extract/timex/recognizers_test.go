package timex

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

// recognizersCase is one case of a Recognizers-Text extractor spec.
type recognizersCase struct {
	Input   string `json:"Input"`
	Results []struct {
		Text   string `json:"Text"`
		Type   string `json:"Type"`
		Start  int    `json:"Start"`
		Length int    `json:"Length"`
	} `json:"Results"`
}

// TestRecognizersDateTimeExtraction runs the Arabic DateTime extractor
// specs of Recognizers-Text. A case passes when our phrases (Phrases: the
// expressions of Extract with their range connectors and signal words, the
// span-level unit these specs mark) cover exactly the expected spans
// (UTF-16 offsets, equal to code points for these Arabic inputs). The edges
// of an expected span are normalized: spaces and sentence punctuation
// (. ! ؟ ،) at its ends are not counted, and a span that stops between a
// letter and its marks (مساء|ً) takes the marks. Types are not compared:
// the suite's date/daterange/datetime split does not map onto TIMEX3 types.
//
// Some cases are defective: an expected result whose Text is not in the
// input at all (Start -1, or a text from another case such as
// "الساعة 8 مساءً يوم 16" for an input that says 15). No extractor can
// match them; they are counted apart and the rate is reported both over
// all cases and over the well-formed ones.
func TestRecognizersDateTimeExtraction(t *testing.T) {
	shared := sharedtest.Dir(t)
	files, err := filepath.Glob(filepath.Join(shared, "peer", "recognizers-ar", "Specs", "DateTime", "Arabic", "*Extractor.json"))
	if err != nil || len(files) == 0 {
		t.Skip("recognizers specs not present")
	}
	diffs := peerDifferences(t)
	var total, pass, listed, defective int
	// MARSAD_PEER_DUMP names a file that receives the failing cases as
	// TSV (spec, input, wanted spans, our spans) for review.
	var dump *os.File
	if name := os.Getenv("MARSAD_PEER_DUMP"); name != "" {
		if dump, err = os.Create(name); err != nil {
			t.Fatal(err)
		}
		defer dump.Close()
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var cases []recognizersCase
		if err := json.Unmarshal(b, &cases); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		var fp, fl, fd int
		var failures []string
		for _, c := range cases {
			got := Phrases(c.Input, time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC))
			var want, have []string
			bad := false
			runes := []rune(c.Input)
			for _, r := range c.Results {
				if r.Start < 0 || r.Start+r.Length > len(runes) || string(runes[r.Start:r.Start+r.Length]) != r.Text {
					bad = true
				}
				s, n := r.Start, r.Length
				if s >= 0 && s+n <= len(runes) {
					for n > 0 && unicode.IsSpace(runes[s]) {
						s, n = s+1, n-1
					}
					for n > 0 && (unicode.IsSpace(runes[s+n-1]) || strings.ContainsRune(".!?؟،,", runes[s+n-1])) {
						n--
					}
					for s+n < len(runes) && unicode.Is(unicode.Mn, runes[s+n]) {
						n++ // a span does not end between a letter and its marks
					}
				}
				want = append(want, fmt.Sprintf("%d+%d", s, n))
			}
			for _, g := range got {
				s := utf8.RuneCountInString(c.Input[:g.Start])
				have = append(have, fmt.Sprintf("%d+%d", s, utf8.RuneCountInString(g.Text)))
			}
			sort.Strings(want)
			sort.Strings(have)
			switch {
			case strings.Join(want, " ") == strings.Join(have, " "):
				fp++
			case diffs["recognizers-"+name+"\t"+c.Input] != "":
				fl++
			case bad:
				fd++
			default:
				var gs []string
				for _, g := range got {
					gs = append(gs, fmt.Sprintf("%q", g.Text))
				}
				var ws []string
				for _, r := range c.Results {
					ws = append(ws, fmt.Sprintf("%q", r.Text))
				}
				failures = append(failures, fmt.Sprintf("%s | want %s | got %s", c.Input, strings.Join(ws, " "), strings.Join(gs, " ")))
				if dump != nil {
					fmt.Fprintf(dump, "%s\t%s\t%s\t%s\n", name, c.Input, strings.Join(want, " "), strings.Join(have, " "))
				}
			}
		}
		t.Logf("recognizers %s: %d cases, %d pass, %d listed, %d defective, %d fail (%.1f%%; %.1f%% of well-formed)", name, len(cases), fp, fl, fd, len(failures),
			100*float64(fp+fl)/float64(len(cases)), 100*float64(fp+fl)/float64(len(cases)-fd))
		if testing.Verbose() && os.Getenv("MARSAD_PEER_FAILURES") != "" {
			for _, f := range failures {
				t.Log("  FAIL " + f)
			}
		}
		total += len(cases)
		pass += fp
		listed += fl
		defective += fd
	}
	rate := float64(pass+listed) / float64(total)
	t.Logf("recognizers DateTime extraction: %d cases, %d pass, %d listed differences, %d defective; pass rate %.1f%% (strict %.1f%%; %.1f%% of the %d well-formed cases)",
		total, pass, listed, defective, 100*rate, 100*float64(pass)/float64(total), 100*float64(pass+listed)/float64(total-defective), total-defective)
	// The target is 85%, reached over all cases with the listed
	// differences; the strict rate (listed differences as failures) is held
	// at what is reached today.
	if rate < recognizersTarget {
		t.Errorf("recognizers DateTime extraction pass rate %.1f%% below %.0f%%", 100*rate, 100*recognizersTarget)
	}
	if strict := float64(pass) / float64(total); strict < recognizersStrict {
		t.Errorf("recognizers DateTime extraction strict pass rate %.1f%% below %.0f%%", 100*strict, 100*recognizersStrict)
	}
}

// recognizersTarget is the target over all 856 cases, listed
// differences counted as expected outcomes (85.9% today);
// recognizersStrict is the rate with listed differences and defective
// cases counted as failures (82.7% today).
const (
	recognizersTarget = 0.85
	recognizersStrict = 0.82
)
