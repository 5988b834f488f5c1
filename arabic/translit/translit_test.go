package translit

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

func TestName(t *testing.T) {
	rows := sharedtest.TSV(t, filepath.Join("testdata", "cases.tsv"), 2)
	if len(rows) < 50 {
		t.Fatalf("only %d cases in testdata/cases.tsv", len(rows))
	}
	for _, r := range rows {
		if got := Name(r[0]); got != r[1] {
			t.Errorf("Name(%q) = %q, want %q", r[0], got, r[1])
		}
	}
}

func TestNameEmpty(t *testing.T) {
	for _, s := range []string{"", "   ", "،.؟", "\u064e\u0651"} {
		if got := Name(s); got != "" {
			t.Errorf("Name(%q) = %q, want empty", s, got)
		}
	}
}

// TestLexicon checks that every spelling in the embedded table gives its
// Latin form through Name, so no entry is shadowed by a rule.
func TestLexicon(t *testing.T) {
	if n := LexiconSize(); n < 250 {
		t.Errorf("LexiconSize() = %d spellings, want at least 250", n)
	}
	for _, line := range strings.Split(namesData, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ar, latin, _ := strings.Cut(line, "\t")
		for _, c := range latin {
			if c >= 0x80 {
				t.Errorf("%s: Latin %q is not ASCII", ar, latin)
			}
		}
		for _, a := range strings.Split(ar, "|") {
			if got := Name(a); got != latin {
				t.Errorf("Name(%q) = %q, want the table's %q", a, got, latin)
			}
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"# c\nمحمد\n", "line 2: want ARABIC<TAB>LATIN"},
		{"محمد\t\n", "line 1: want ARABIC<TAB>LATIN"},
		{"محمد\tA\tB\n", "line 1: want ARABIC<TAB>LATIN"},
		{"|محمد\tMohammed\n", "line 1: empty Arabic spelling"},
		{"أحمد\tAhmed\n\nاحمد\tAhmad\n", "line 3: احمد already listed (as Ahmed)"},
	} {
		_, err := parseLexicon(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("parseLexicon(%q) error = %v, want %q", c.data, err, c.want)
		}
	}
	m, err := parseLexicon("# comment\r\n\r\nأحمد|احمدو\tAhmed\r\n")
	if err != nil || len(m) != 2 || m["احمد"] != "Ahmed" || m["احمدو"] != "Ahmed" {
		t.Errorf("parseLexicon = %v, %v; want two spellings of Ahmed", m, err)
	}
}

func TestKey(t *testing.T) {
	same := [][]string{
		{"Mohammed", "Muhammad", "Mohamed", "MUHAMMED", "Mohammad"},
		{"al-Kadhimi", "Kadhimi", "Al Kadhimi", "el-Kadhimi"},
		{"Abdul Rahman", "Abdulrahman", "Abdelrahman", "Abd al-Rahman"},
		{"Youssef", "Yusuf", "Yousef"},
		{"Hussein", "Husain", "Hossein"},
		{"Qassem", "Kassem", "Qasim"},
		{"Fatima", "Fatimah", "Fátima"},
		{"Khaled", "Khalid", "Khâlid"},
		{"Omar", "Umar"},
		{"Gamal", "Jamal"},
		{"Smirnov", "Smirnof"},
		{"Philippe", "Filip"},
	}
	for _, group := range same {
		k := Key(group[0])
		if k == "" {
			t.Errorf("Key(%q) is empty", group[0])
		}
		for _, s := range group[1:] {
			if got := Key(s); got != k {
				t.Errorf("Key(%q) = %q, want %q as for %q", s, got, k, group[0])
			}
		}
	}
	differ := [][2]string{
		{"Mohammed", "Ahmed"}, {"Ali", "Omar"}, {"Saad", "Fahd"}, {"Trump", "Biden"},
		{"Baghdad", "Basra"}, {"Khaled", "Walid"},
	}
	for _, d := range differ {
		if Key(d[0]) == Key(d[1]) {
			t.Errorf("Key(%q) = Key(%q) = %q, want different keys", d[0], d[1], Key(d[0]))
		}
	}
	if got := Key("Mohammed"); got != "mhmd" {
		t.Errorf(`Key("Mohammed") = %q, want "mhmd"`, got)
	}
	if got := Key(""); got != "" {
		t.Errorf(`Key("") = %q, want ""`, got)
	}
}

func BenchmarkName(b *testing.B) {
	rows := sharedtest.TSV(b, filepath.Join("testdata", "cases.tsv"), 2)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rows {
			Name(r[0])
		}
	}
}

func BenchmarkKey(b *testing.B) {
	rows := sharedtest.TSV(b, filepath.Join("testdata", "cases.tsv"), 2)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rows {
			Key(r[1])
		}
	}
}
