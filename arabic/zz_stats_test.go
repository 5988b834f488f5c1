package arabic

import (
	"path/filepath"
	"sort"
	"testing"
	"fmt"
)

func TestZZStats(t *testing.T) {
	p := searchPlan()
	for _, name := range benchCorpora {
		dir := sharedDir(t, "corpora", name)
		arts, _ := readCorpus(filepath.Join(dir, "articles.jsonl.gz"), 2000)
		cnt := map[string]int{}
		total := 0
		for _, a := range arts {
			for _, r := range a {
				total++
				if r >= 0x600 && r <= 0x6FF {
					act := p.arabic[r-0x600].act
					if act != actKeep {
						cnt[fmt.Sprintf("%U act%d", r, act)]++
					}
					continue
				}
				if r < 0x80 { continue }
				if fl := flagsOf(r); fl != 0 {
					cnt[fmt.Sprintf("%U fl%d", r, fl)]++
				} else {
					cnt[fmt.Sprintf("%U other", r)]++
				}
			}
		}
		type kv struct{ k string; v int }
		var l []kv
		for k, v := range cnt { l = append(l, kv{k, v}) }
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		if len(l) > 25 { l = l[:25] }
		t.Logf("%s total runes %d: %v", name, total, l)
	}
}
