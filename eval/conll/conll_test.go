package conll

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestSpans(t *testing.T) {
	b, err := os.ReadFile("testdata/spans.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		tags, want, _ := strings.Cut(line, "\t")
		var got []string
		for _, s := range Spans(strings.Fields(tags)) {
			got = append(got, fmt.Sprintf("%d-%d:%s", s.Start, s.End, s.Type))
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("Spans(%s) = %q, want %q", tags, g, want)
		}
	}
}

func TestReadScore(t *testing.T) {
	read := func(name string) []Sentence {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		s, err := Read(f)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	gold, pred := read("testdata/gold.conll"), read("testdata/pred.conll")
	if len(gold) != 2 || len(gold[0]) != 4 || gold[1][1].Text != "الخارجية" {
		t.Fatalf("read %v", gold)
	}
	rep := NewReport()
	for i := range gold {
		if err := rep.Add(gold[i].Tags(), pred[i].Tags()); err != nil {
			t.Fatal(err)
		}
	}
	// Gold: PER, LOC, ORG, LOC. Predicted: PER, LOC, ORG (wrong span), LOC.
	if rep.Micro != (Counts{TP: 3, FP: 1, FN: 1}) {
		t.Errorf("micro %+v", rep.Micro)
	}
	if c := rep.Types["ORG"]; *c != (Counts{TP: 0, FP: 1, FN: 1}) {
		t.Errorf("ORG %+v", *c)
	}
	if f := rep.Micro.F1(); f != 0.75 {
		t.Errorf("F1 %v, want 0.75", f)
	}
	if err := rep.Add([]string{"O"}, nil); err == nil {
		t.Error("length mismatch: no error")
	}
	if !strings.Contains(rep.String(), "micro") {
		t.Error(rep.String())
	}
	var buf bytes.Buffer
	if err := Write(&buf, gold); err != nil {
		t.Fatal(err)
	}
	again, err := Read(&buf)
	if err != nil || len(again) != 2 || again[1][3].Tag != "B-LOC" {
		t.Errorf("round trip: %v %v", again, err)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := Read(strings.NewReader("كلمة X-PER\n")); err == nil {
		t.Error("bad tag: no error")
	}
	s, err := Read(strings.NewReader("-DOCSTART- -X- O\n\nكلمة\n"))
	if err != nil || len(s) != 1 || s[0][0].Tag != "O" {
		t.Errorf("got %v %v", s, err)
	}
}

func FuzzSpans(f *testing.F) {
	f.Add("B-PER I-PER O I-LOC S-ORG E-ORG")
	f.Add("I-X B-Y I-Y E-Y")
	f.Fuzz(func(t *testing.T, s string) {
		tags := strings.Fields(s)
		prev := 0
		for _, sp := range Spans(tags) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(tags) {
				t.Fatalf("bad span %+v for %q", sp, tags)
			}
			prev = sp.End
		}
	})
}

func FuzzRead(f *testing.F) {
	f.Add("a B-PER\nb I-PER\n\nc O\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, sents); err != nil {
			t.Fatal(err)
		}
		again, err := Read(&buf)
		if err != nil || len(again) != len(sents) {
			t.Fatalf("round trip: %d → %d sentences, %v", len(sents), len(again), err)
		}
	})
}
