package tagger

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/marsad-project/marsad/eval/conll"
)

// FeatureFunc computes the features of every token of one sentence. words
// are the sentence's tokens; extra is nil or holds one extra value per
// token (for example the rule-based recognizer's BIO tag). It calls emit
// once per feature of token i, naming the feature by a template name and
// a value (emit(i, "w", "بغداد")); the pair is the feature. Features must
// depend only on words and extra, never on tags: the previous tag is
// scored by the model itself as a tag-to-tag transition.
type FeatureFunc func(words, extra []string, emit func(i int, name, value string))

// Model is a trained tagger: averaged emission weights per (feature,
// tag), averaged transition weights per (previous tag, tag), and the
// feature function it was trained with.
type Model struct {
	labels []string
	feats  FeatureFunc
	index  map[uint64]int32 // feature hash → row of w
	w      []float64        // row*len(labels) + tag
	trans  []float64        // (prev+1)*len(labels) + tag; prev -1 is the sentence start
	allow  []bool           // like trans: whether the transition is allowed
}

// Labels returns the model's tags, sorted.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// NumFeatures returns how many distinct features the model has weights
// for.
func (m *Model) NumFeatures() int { return len(m.index) }

// featureKey hashes a feature's template name and value (FNV-1a, 64 bits).
func featureKey(name, value string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(name); i++ {
		h = (h ^ uint64(name[i])) * prime
	}
	h = (h ^ 0xff) * prime // separator no UTF-8 string contains
	for i := 0; i < len(value); i++ {
		h = (h ^ uint64(value[i])) * prime
	}
	return h
}

// allowed reports whether tag cur may follow tag prev ("" at the sentence
// start) in BIO: I-X only continues B-X or I-X. Other tags are free.
func allowed(prev, cur string) bool {
	typ, ok := strings.CutPrefix(cur, "I-")
	if !ok {
		return true
	}
	return prev == "B-"+typ || prev == "I-"+typ
}

// example is one training sentence with its feature rows and gold tags.
type example struct {
	rows [][]int32 // per token, the rows of its features
	gold []int
}

// Train trains a tagger on sents with the structured averaged perceptron,
// epochs passes over the data in a fixed pseudo-random order (training is
// deterministic). extra is nil or holds, for each sentence, one extra
// value per token, passed to feats; the same kind of column must then be
// given to [Model.Tag]. It fails when there is nothing to train on or an
// extra column does not match its sentence.
func Train(sents []conll.Sentence, extra [][]string, feats FeatureFunc, epochs int) (*Model, error) {
	if len(sents) == 0 {
		return nil, errors.New("tagger: train: no sentences")
	}
	if extra != nil && len(extra) != len(sents) {
		return nil, fmt.Errorf("tagger: train: %d extra columns for %d sentences", len(extra), len(sents))
	}
	if epochs < 1 {
		return nil, fmt.Errorf("tagger: train: %d epochs", epochs)
	}
	m := &Model{feats: feats, index: make(map[uint64]int32)}
	labelSet := map[string]bool{}
	for _, s := range sents {
		for _, t := range s {
			labelSet[t.Tag] = true
		}
	}
	for l := range labelSet {
		m.labels = append(m.labels, l)
	}
	slices.Sort(m.labels)
	labelIdx := make(map[string]int, len(m.labels))
	for i, l := range m.labels {
		labelIdx[l] = i
	}
	m.setTransitions()

	exs := make([]example, len(sents))
	for k, s := range sents {
		x, err := extraFor(extra, k, len(s), "train")
		if err != nil {
			return nil, err
		}
		ex := example{rows: make([][]int32, len(s)), gold: make([]int, len(s))}
		for i, t := range s {
			ex.gold[i] = labelIdx[t.Tag]
		}
		feats(s.Words(), x, func(i int, name, value string) {
			key := featureKey(name, value)
			row, ok := m.index[key]
			if !ok {
				row = int32(len(m.index))
				m.index[key] = row
			}
			ex.rows[i] = append(ex.rows[i], row)
		})
		exs[k] = ex
	}

	nl := len(m.labels)
	m.w = make([]float64, len(m.index)*nl)
	m.trans = make([]float64, (nl+1)*nl)
	// Averaging (Daumé's trick): u accumulates c·Δ for an update made at
	// example c; the average of the weights over all examples is w − u/c.
	u := make([]float64, len(m.w))
	ut := make([]float64, len(m.trans))
	c := 1.0
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var scratch viterbiScratch
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &exs[k]
			pred := m.decode(ex.rows, &scratch)
			prevG, prevP := -1, -1
			for i, g := range ex.gold {
				p := pred[i]
				if g != p {
					for _, r := range ex.rows[i] {
						m.w[int(r)*nl+g]++
						u[int(r)*nl+g] += c
						m.w[int(r)*nl+p]--
						u[int(r)*nl+p] -= c
					}
				}
				if g != p || prevG != prevP {
					m.trans[(prevG+1)*nl+g]++
					ut[(prevG+1)*nl+g] += c
					m.trans[(prevP+1)*nl+p]--
					ut[(prevP+1)*nl+p] -= c
				}
				prevG, prevP = g, p
			}
			c++
		}
	}
	for i := range m.w {
		m.w[i] -= u[i] / c
	}
	for i := range m.trans {
		m.trans[i] -= ut[i] / c
	}
	return m, nil
}

// setTransitions fills m.allow from m.labels.
func (m *Model) setTransitions() {
	nl := len(m.labels)
	m.allow = make([]bool, (nl+1)*nl)
	for p := -1; p < nl; p++ {
		prev := ""
		if p >= 0 {
			prev = m.labels[p]
		}
		for y, cur := range m.labels {
			m.allow[(p+1)*nl+y] = allowed(prev, cur)
		}
	}
}

// viterbiScratch holds the buffers of one decoding, reused between
// sentences.
type viterbiScratch struct {
	score []float64
	back  []int
	out   []int
}

// decode returns the best tag sequence for tokens with the given feature
// rows under the current weights: first-order Viterbi over the allowed
// transitions.
func (m *Model) decode(rows [][]int32, sc *viterbiScratch) []int {
	n, nl := len(rows), len(m.labels)
	if n == 0 {
		return nil
	}
	sc.score = slices.Grow(sc.score[:0], n*nl)[:n*nl]
	sc.back = slices.Grow(sc.back[:0], n*nl)[:n*nl]
	sc.out = slices.Grow(sc.out[:0], n)[:n]
	emit := make([]float64, nl)
	for i := range n {
		clear(emit)
		for _, r := range rows[i] {
			ws := m.w[int(r)*nl : int(r)*nl+nl]
			for y, v := range ws {
				emit[y] += v
			}
		}
		for y := range nl {
			best, arg := math.Inf(-1), -1
			if i == 0 {
				if m.allow[y] {
					best = m.trans[y]
				}
			} else {
				for p := range nl {
					if !m.allow[(p+1)*nl+y] {
						continue
					}
					if s := sc.score[(i-1)*nl+p] + m.trans[(p+1)*nl+y]; s > best {
						best, arg = s, p
					}
				}
			}
			sc.score[i*nl+y] = best + emit[y]
			sc.back[i*nl+y] = arg
		}
	}
	best, arg := math.Inf(-1), 0
	for y := range nl {
		if s := sc.score[(n-1)*nl+y]; s > best {
			best, arg = s, y
		}
	}
	for i := n - 1; i >= 0; i-- {
		sc.out[i] = arg
		arg = sc.back[i*nl+arg]
	}
	return sc.out
}

// Tag returns one tag per word. extra is nil or holds one extra value per
// word, of the kind the model was trained with; features never seen in
// training are ignored. It panics when extra does not match words.
func (m *Model) Tag(words, extra []string) []string {
	if extra != nil && len(extra) != len(words) {
		panic(fmt.Sprintf("tagger: Tag: %d words but %d extra values", len(words), len(extra)))
	}
	rows := make([][]int32, len(words))
	m.feats(words, extra, func(i int, name, value string) {
		if row, ok := m.index[featureKey(name, value)]; ok {
			rows[i] = append(rows[i], row)
		}
	})
	var sc viterbiScratch
	pred := m.decode(rows, &sc)
	out := make([]string, len(pred))
	for i, y := range pred {
		out[i] = m.labels[y]
	}
	return out
}

// Evaluate tags every sentence of sents (with its extra column when extra
// is not nil) and scores the tags against the sentences' own in the
// CoNLL-2003 convention.
func (m *Model) Evaluate(sents []conll.Sentence, extra [][]string) (*conll.Report, error) {
	if extra != nil && len(extra) != len(sents) {
		return nil, fmt.Errorf("tagger: evaluate: %d extra columns for %d sentences", len(extra), len(sents))
	}
	rep := conll.NewReport()
	for k, s := range sents {
		x, err := extraFor(extra, k, len(s), "evaluate")
		if err != nil {
			return nil, err
		}
		if err := rep.Add(s.Tags(), m.Tag(s.Words(), x)); err != nil {
			return nil, fmt.Errorf("tagger: evaluate sentence %d: %w", k, err)
		}
	}
	return rep, nil
}

// extraFor returns the extra column of sentence k (nil when extra is nil),
// checking that it has one value per token.
func extraFor(extra [][]string, k, tokens int, op string) ([]string, error) {
	if extra == nil {
		return nil, nil
	}
	if x := extra[k]; len(x) != tokens {
		return nil, fmt.Errorf("tagger: %s: sentence %d has %d tokens but %d extra values", op, k, tokens, len(x))
	}
	return extra[k], nil
}
