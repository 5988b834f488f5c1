package arabic

import (
	"fmt"
	"path/filepath"
	"sort"
	"testing"
)

func TestDbgNum(t *testing.T) {
	cnt := map[string]int{}
	for _, c := range benchCorpora {
		arts, _ := readCorpus(filepath.Join(sharedDir(t, "corpora", c), "articles.jsonl.gz"), 1500)
		for _, a := range arts {
			toks := Tokenize(a)
			for _, n := range NumberWords(toks) {
				if toks[n.FirstTok].Kind == KindNumber && n.FirstTok == n.LastTok {
					continue
				}
				cnt[fmt.Sprintf("%s=%v%s", a[n.Start:n.End], n.Value, map[bool]string{true: "o"}[n.Ordinal])]++
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range cnt {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	s := ""
	for _, x := range l[:min(len(l), 150)] {
		s += fmt.Sprintf("%d %s; ", x.v, x.k)
	}
	t.Log(s)
}
