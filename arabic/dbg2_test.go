package arabic

import "testing"

func BenchmarkDbgCalib(b *testing.B) {
	arts, size := loadBenchCorpus(b, "ant-multisource")
	run := func(name string, f func(string) int) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			c0 := cpuTime()
			x := 0
			for b.Loop() {
				for _, a := range arts {
					x += f(a)
				}
			}
			b.ReportMetric(float64(size)*float64(b.N)/(cpuTime()-c0).Seconds()/1e6, "cpuMB/s")
		})
	}
	run("byteloop", func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				n++
			}
		}
		return n
	})
	run("runeloop", func(s string) int {
		n := 0
		for _, r := range s {
			if r >= 0x600 {
				n++
			}
		}
		return n
	})
	run("keeprun", func(s string) int {
		p := searchPlan()
		n := 0
		for i := 0; i < len(s); {
			j := keepRun(s, i, p)
			if j == i {
				j++
			}
			n++
			i = j
		}
		return n
	})
	run("scanNormal", func(s string) int { return len(NormalizeString(s, SearchOptions())) })
	run("tokenize", func(s string) int { return len(Tokenize(s)) })
}
