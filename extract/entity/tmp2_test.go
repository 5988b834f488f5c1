package entity

import (
	"context"
	"testing"
)

func TestTmpWhy(t *testing.T) {
	r := testRecognizer(t)
	s := "أصدر المكتب الإعلامي للهيئة العليا للمفاوضات بيانا."
	a := newAnalysis(r.lx, s)
	c, _, _ := a.scan(context.Background())
	t.Logf("%+v", c)
	for i := range a.words {
		o, ok := a.orgAt(i)
		t.Logf("%d %q %+v %v %+v", i, a.words[i].norm, a.words[i].forms[:a.words[i].nforms], ok, o)
	}
}
