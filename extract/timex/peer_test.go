package timex

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

// peerDifferences reads testdata/peer-differences.tsv: suite, case key and
// the reason our TIMEX3 semantics differ on purpose.
func peerDifferences(t testing.TB) map[string]string {
	t.Helper()
	diffs := map[string]string{}
	for _, row := range sharedtest.TSV(t, "testdata/peer-differences.tsv", 3) {
		diffs[row[0]+"\t"+row[1]] = row[2]
	}
	return diffs
}

// ducklingInterval turns Duckling's expected interval (from, exclusive to)
// into the TIMEX3 values of its first and last unit at the interval's
// grain: 13 الى 15 تموز is from 2013-07-13 to 2013-07-16 exclusive, so
// 2013-07-13 and 2013-07-15. Only day and hour grains are ranges of points.
func ducklingInterval(exp map[string]any) (string, string, bool) {
	f, ok1 := exp["from"].(string)
	t, ok2 := exp["to"].(string)
	if !ok1 || !ok2 {
		return "", "", false
	}
	const layout = "2006-01-02T15:04:05.000-07:00"
	from, err1 := time.Parse(layout, f)
	to, err2 := time.Parse(layout, t)
	if err1 != nil || err2 != nil {
		return "", "", false
	}
	switch exp["grain"] {
	case "day":
		return from.Format("2006-01-02"), to.AddDate(0, 0, -1).Format("2006-01-02"), true
	case "hour":
		return from.Format("2006-01-02T15:04"), to.Add(-time.Hour).Format("2006-01-02T15:04"), true
	}
	return "", "", false
}

// ducklingValue turns Duckling's expected value into the TIMEX3 value we
// produce: the grain decides the precision (hour grain is written with
// minutes, as our clock times always are).
func ducklingValue(exp map[string]any) (string, bool) {
	v, ok := exp["value"].(string)
	if !ok {
		return "", false
	}
	t, err := time.Parse("2006-01-02T15:04:05.000-07:00", v)
	if err != nil {
		return "", false
	}
	switch exp["grain"] {
	case "second":
		return t.Format("2006-01-02T15:04:05"), true
	case "minute", "hour":
		return t.Format("2006-01-02T15:04"), true
	case "day":
		return t.Format("2006-01-02"), true
	case "week":
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), true
	case "month":
		return t.Format("2006-01"), true
	case "year":
		return t.Format("2006"), true
	}
	return "", false
}

// signalWords may precede an expression in a Duckling input without being
// part of our span: TIMEX3 leaves signals (في, عند) outside the expression,
// and our spans leave يوم out before a weekday name.
var signalWords = []string{"في ", "عند ", "يوم "}

// TestDucklingTime runs Duckling's Arabic time corpus. Duckling's check is
// kept: exactly one expression covering the whole input (less a leading
// signal word) with the expected value; for an interval at day or hour
// grain, exactly one range phrase (Phrases) covering the input whose two
// ends are the first and last unit of the interval. The reference time is
// Duckling's, 2013-02-12.
func TestDucklingTime(t *testing.T) {
	path := sharedtest.Path(t, "peer/duckling-ar/duckling-ar.jsonl")
	diffs := peerDifferences(t)
	anchor := time.Date(2013, 2, 12, 0, 0, 0, 0, time.UTC)
	var total, pass, listed int
	var failures []string
	type ducklingCase struct {
		Dim      string         `json:"dim"`
		Text     string         `json:"text"`
		Expected map[string]any `json:"expected"`
		Locale   string         `json:"locale"`
	}
	sharedtest.JSONL(t, path, func(_ int, c ducklingCase) bool {
		if c.Dim != "time" {
			return true
		}
		total++
		got := Extract(c.Text, anchor)
		ok := false
		var detail string
		if c.Expected == nil {
			ok = len(got) == 0
			detail = fmt.Sprintf("want nothing, got %d", len(got))
		} else if from, to, isRange := ducklingInterval(c.Expected); isRange {
			// an interval: one range phrase over the input whose ends
			// carry the first and the last unit of Duckling's interval
			// (its end is exclusive, TIMEX3 ends are inclusive)
			phs := Phrases(c.Text, anchor)
			rest := c.Text
			for _, s := range signalWords {
				rest = strings.TrimPrefix(rest, s)
			}
			var ps []string
			for _, ph := range phs {
				var vs []string
				for _, e := range ph.Exprs {
					vs = append(vs, e.Value)
				}
				ps = append(ps, fmt.Sprintf("%q(%s)=%s", ph.Text, ph.Kind, strings.Join(vs, ",")))
			}
			if len(phs) == 1 && phs[0].Kind == PhraseRange && len(phs[0].Exprs) >= 2 && (phs[0].Text == c.Text || phs[0].Text == rest) {
				ex := phs[0].Exprs
				ok = ex[len(ex)-2].Value == from && ex[len(ex)-1].Value == to
			}
			detail = fmt.Sprintf("want range %s..%s, got %s", from, to, strings.Join(ps, " "))
		} else {
			want, _ := ducklingValue(c.Expected)
			rest := c.Text
			for _, s := range signalWords {
				rest = strings.TrimPrefix(rest, s)
			}
			if len(got) == 1 && (got[0].Text == rest || got[0].Text == c.Text) && got[0].Value == want {
				ok = true
			}
			var gs []string
			for _, g := range got {
				gs = append(gs, fmt.Sprintf("%q=%s%s", g.Text, g.Value, g.Mod))
			}
			detail = fmt.Sprintf("want %s, got %s", want, strings.Join(gs, " "))
		}
		key := "duckling-time\t" + c.Text
		switch {
		case ok:
			pass++
		case diffs[key] != "":
			listed++
		default:
			failures = append(failures, c.Text+": "+detail)
		}
		return true
	})
	rate := float64(pass+listed) / float64(total)
	t.Logf("duckling time: %d cases, %d pass, %d listed differences, %d fail; pass rate %.1f%% (strict, differences counted as failures: %.1f%%)",
		total, pass, listed, len(failures), 100*rate, 100*float64(pass)/float64(total))
	sort.Strings(failures)
	for _, s := range failures {
		t.Log("FAIL " + s)
	}
	// The target is 95%.
	if rate < ducklingTimeTarget {
		t.Errorf("duckling time pass rate %.1f%% below %.0f%%", 100*rate, 100*ducklingTimeTarget)
	}
	if strict := float64(pass) / float64(total); strict < ducklingTimeStrict {
		t.Errorf("duckling time strict pass rate %.1f%% below %.0f%%", 100*strict, 100*ducklingTimeStrict)
	}
}

// ducklingTimeTarget is the target; listed differences count as
// expected outcomes and are reported apart. ducklingTimeStrict holds the
// rate with listed differences counted as failures at what is reached
// today (75.4%).
const (
	ducklingTimeTarget = 0.95
	ducklingTimeStrict = 0.75
)

// TestDucklingDuration runs Duckling's Arabic duration corpus: one DURATION
// covering the input with the value P<n><unit>.
func TestDucklingDuration(t *testing.T) {
	path := sharedtest.Path(t, "peer/duckling-ar/duckling-ar.jsonl")
	diffs := peerDifferences(t)
	units := map[string]string{"second": "PT%vS", "minute": "PT%vM", "hour": "PT%vH", "day": "P%vD", "week": "P%vW", "month": "P%vM", "year": "P%vY"}
	var total, pass, listed int
	type ducklingCase struct {
		Dim      string          `json:"dim"`
		Text     string          `json:"text"`
		Raw      json.RawMessage `json:"expected"`
		Expected struct {
			Value float64 `json:"value"`
			Unit  string  `json:"unit"`
		} `json:"-"`
	}
	sharedtest.JSONL(t, path, func(_ int, c ducklingCase) bool {
		if c.Dim != "duration" {
			return true
		}
		if err := json.Unmarshal(c.Raw, &c.Expected); err != nil {
			t.Fatal(err)
		}
		total++
		want := fmt.Sprintf(units[c.Expected.Unit], c.Expected.Value)
		got := Extract(c.Text, time.Time{})
		switch {
		case len(got) == 1 && got[0].Text == c.Text && got[0].Type == DURATION && got[0].Value == want:
			pass++
		case diffs["duckling-duration\t"+c.Text] != "":
			listed++
		default:
			t.Logf("FAIL %s: want %s, got %+v", c.Text, want, got)
		}
		return true
	})
	rate := float64(pass+listed) / float64(total)
	t.Logf("duckling duration: %d cases, %d pass, %d listed differences; %.1f%% (strict %.1f%%)", total, pass, listed, 100*rate, 100*float64(pass)/float64(total))
	if rate < 0.9 {
		t.Errorf("duckling duration pass rate %.1f%% below 90%%", 100*rate)
	}
}
