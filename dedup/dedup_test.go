package dedup

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

func TestCanonicalURL(t *testing.T) {
	sharedtest.Lines(t, "testdata/urls.tsv", func(line int, text string) {
		in, want, ok := strings.Cut(text, "\t")
		if !ok {
			t.Fatalf("urls.tsv:%d: no tab", line)
		}
		got, err := CanonicalURL(in)
		if want == "error" {
			if err == nil {
				t.Errorf("urls.tsv:%d: CanonicalURL(%q) = %q, want error", line, in, got)
			}
			return
		}
		if err != nil || got != want {
			t.Errorf("urls.tsv:%d: CanonicalURL(%q) = %q, %v; want %q", line, in, got, err, want)
			return
		}
		// Canonical form is a fixed point.
		if again, err := CanonicalURL(got); err != nil || again != got {
			t.Errorf("urls.tsv:%d: not idempotent: %q → %q", line, got, again)
		}
	})
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://Example.com/أ/?utm_x=1&b=2#f", "example.com", "http://[::1]:80/a/", "%zz", "//x/y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := CanonicalURL(s)
		if err != nil {
			return
		}
		again, err := CanonicalURL(got)
		if err != nil {
			t.Fatalf("CanonicalURL(%q) = %q, which fails: %v", s, got, err)
		}
		if again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

// story is a paragraph of our own for SimHash tests.
const story = `أعلنت وزارة الصحة في بيان صدر مساء الأحد عن افتتاح ثلاثة مستشفيات ميدانية جديدة في المحافظات الجنوبية
لاستقبال المصابين، وقال المتحدث باسم الوزارة إن الطواقم الطبية تعمل على مدار الساعة وإن مخزون الأدوية يكفي
لعدة أسابيع، داعيا المواطنين إلى الالتزام بالإرشادات الصحية وتجنب التجمعات في الأماكن المغلقة خلال الفترة المقبلة.`

func TestContentHash(t *testing.T) {
	base := ContentHash("عنوان الخبر", story)
	same := []struct{ title, body string }{
		{"عنوان الخبر", strings.ReplaceAll(story, "\n", "  ")},
		{"عنوانُ الخبرِ", story},
		{"عنوان الخبر", strings.ReplaceAll(story, "الوزارة", "الوزارـــة")},
		{" عنوان الخبر. ", story + "\n"},
	}
	for i, c := range same {
		if h := ContentHash(c.title, c.body); h != base {
			t.Errorf("variant %d: hash %s, want %s", i, h, base)
		}
	}
	diff := []struct{ title, body string }{
		{"عنوان آخر", story},
		{"عنوان الخبر", strings.Replace(story, "ثلاثة", "أربعة", 1)},
		{"عنوان الخبر " + story, ""},
	}
	for i, c := range diff {
		if h := ContentHash(c.title, c.body); h == base {
			t.Errorf("different text %d hashes the same", i)
		}
	}
}

func TestSimHash(t *testing.T) {
	h, n := SimHash(story)
	if n < MinShingles {
		t.Fatalf("story has %d shingles", n)
	}
	// An edited copy (one word changed, a sentence appended) is near.
	edited := strings.Replace(story, "ثلاثة", "أربعة", 1) + " وأكد الوزير متابعة الوضع."
	h2, _ := SimHash(edited)
	if d := Distance(h, h2); d > MaxDistance {
		t.Errorf("edited copy at distance %d", d)
	}
	// Unrelated text of the same length is far.
	words := strings.Fields(story)
	r := rand.New(rand.NewPCG(1, 2))
	far := 0
	for range 50 {
		r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		h3, _ := SimHash(strings.Join(words, " "))
		if Distance(h, h3) > MaxDistance {
			far++
		}
	}
	if far < 49 {
		t.Errorf("only %d of 50 shuffled texts are far from the original", far)
	}
}

func TestIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	x := NewIndex()
	hashes := make([]uint64, 2000)
	for i := range hashes {
		hashes[i] = r.Uint64()
		x.Add(int64(i), hashes[i])
	}
	for i, h := range hashes[:200] {
		// Flip up to MaxDistance bits: always found, with that distance.
		k := i % (MaxDistance + 1)
		q := h
		for _, b := range r.Perm(64)[:k] {
			q ^= 1 << b
		}
		id, d, ok := x.Nearest(q)
		if !ok || id != int64(i) || d != k {
			t.Errorf("Nearest(hash %d with %d bits flipped) = %d, %d, %v", i, k, id, d, ok)
		}
		// Flipping more bits than MaxDistance in every band: not found.
		far := ^h // distance 64
		if id, _, ok := x.Nearest(far); ok && id == int64(i) {
			t.Errorf("Nearest found %d at distance 64", i)
		}
	}
}

func TestJaccard(t *testing.T) {
	ws := words(story)
	if j := Jaccard(ws, ws); j != 1 {
		t.Errorf("Jaccard of a text with itself = %v", j)
	}
	if j := Jaccard(nil, ws); j != 0 {
		t.Errorf("Jaccard with an empty text = %v", j)
	}
	// An edited copy (one word changed, a sentence appended) is alike.
	edited := words(strings.Replace(story, "ثلاثة", "أربعة", 1) + " وأكد الوزير متابعة الوضع.")
	if j := Jaccard(ws, edited); j < MinJaccard || j > 0.95 {
		t.Errorf("Jaccard with an edited copy = %v, want in [%v, 0.95]", j, MinJaccard)
	}
	// The same words in another order share few three-word shingles.
	r := rand.New(rand.NewPCG(5, 6))
	shuffled := slices.Clone(ws)
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if j := Jaccard(ws, shuffled); j >= MinJaccard {
		t.Errorf("Jaccard with shuffled words = %v, want below %v", j, MinJaccard)
	}
	// Symmetric, and short texts count as one shingle.
	if a, b := Jaccard(ws, edited), Jaccard(edited, ws); a != b {
		t.Errorf("Jaccard not symmetric: %v, %v", a, b)
	}
	if j := Jaccard([]string{"نعم"}, []string{"نعم"}); j != 1 {
		t.Errorf("Jaccard of one-word texts = %v", j)
	}
}

func TestSameStory(t *testing.T) {
	calls := 0
	sim := func(v float64) func() float64 { return func() float64 { calls++; return v } }
	for _, c := range []struct {
		dist  int
		j     float64
		want  bool
		calls int
	}{
		{0, 0, true, 0},
		{SureDistance, 0, true, 0},
		{SureDistance + 1, MinJaccard, true, 1},
		{SureDistance + 1, MinJaccard / 2, false, 1},
		{MaxDistance + 3, 0.9, true, 1},
		{MaxDistance + 3, 0.01, false, 1},
	} {
		calls = 0
		if got := SameStory(c.dist, sim(c.j)); got != c.want || calls != c.calls {
			t.Errorf("SameStory(%d, %v) = %v with %d calls, want %v with %d", c.dist, c.j, got, calls, c.want, c.calls)
		}
	}
}

func TestNear(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	x := NewIndex()
	base := r.Uint64()
	want := map[int64]int{}
	for i := range int64(300) {
		h := base
		k := r.IntN(12) // some within MaxDistance, some beyond
		for _, b := range r.Perm(64)[:k] {
			h ^= 1 << b
		}
		if i%3 == 0 {
			h = r.Uint64() // unrelated
		}
		x.Add(i, h)
		if d := Distance(base, h); d <= MaxDistance {
			want[i] = d
		}
	}
	got := x.Near(base)
	if len(got) != len(want) {
		t.Fatalf("Near found %d hashes, want %d", len(got), len(want))
	}
	for i, m := range got {
		if d, ok := want[m.ID]; !ok || d != m.Dist {
			t.Errorf("Near: %d at %d, want %d (%v)", m.ID, m.Dist, d, ok)
		}
		if i > 0 && (got[i-1].Dist > m.Dist || got[i-1].Dist == m.Dist && got[i-1].ID >= m.ID) {
			t.Errorf("Near: %v before %v", got[i-1], m)
		}
	}
}
