package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type searchOut struct {
	Total int `json:"total"`
	Hits  []struct {
		ID         string `json:"id"`
		Title      string `json:"title"`
		Snippet    string `json:"snippet"`
		Highlights []struct {
			Start, End int
		} `json:"highlights"`
	} `json:"hits"`
}

func search(t *testing.T, db string, args ...string) searchOut {
	t.Helper()
	code, out, stderr := runCLI(t, "", append([]string{"search", "--db", db, "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("search %v: exit %d: %s", args, code, stderr)
	}
	var res searchOut
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search output is not JSON: %v\n%s", err, out)
	}
	return res
}

func TestIngestSearchQuotes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	code, out, stderr := runCLI(t, "", "ingest", "--db", db, "../../examples")
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "read 3, new 3, duplicate 0, failed 0") {
		t.Errorf("summary = %q", out)
	}
	// Ingesting the same input again changes nothing.
	if code, out, _ = runCLI(t, "", "ingest", "--db", db, "../../examples"); code != 0 || !strings.Contains(out, "new 0, duplicate 3") {
		t.Errorf("second ingest: exit %d, %q", code, out)
	}

	// A clitic-prefixed and differently spelled query finds the article.
	res := search(t, db, "والكاظمي")
	if res.Total != 1 || !strings.Contains(res.Hits[0].Title, "الأردني") {
		t.Errorf("search والكاظمي = %+v", res)
	}
	if len(res.Hits) == 1 && len(res.Hits[0].Highlights) == 0 {
		t.Errorf("no highlights in %+v", res.Hits[0])
	}
	if res := search(t, db, `"الطاقة النظيفة"`); res.Total != 1 {
		t.Errorf("phrase search: total %d, want 1", res.Total)
	}
	if res := search(t, db, "إضراب", "OR", "منتدى"); res.Total != 2 {
		t.Errorf("OR search: total %d, want 2", res.Total)
	}
	if res := search(t, db, "إضراب", "OR", "منتدى", "-الرباط"); res.Total != 1 {
		t.Errorf("exclusion search: total %d, want 1", res.Total)
	}

	code, out, stderr = runCLI(t, "", "quotes", "--db", db, "--speaker", "الصفدي")
	if code != 0 {
		t.Fatalf("quotes: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "بناءة وصريحة") {
		t.Errorf("quotes of الصفدي lack his quote:\n%s", out)
	}
	if code, _, _ := runCLI(t, "", "search", "--db", filepath.Join(t.TempDir(), "none.db"), "x"); code != 1 {
		t.Errorf("search on a missing archive: exit %d, want 1", code)
	}
}

func TestIngestBadInputKeepsArchive(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, stderr := runCLI(t, "", "ingest", "--db", db, "../../examples/article.txt"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	bad := filepath.Join(dir, "bad")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"garbage.bin": {0x00, 0x01, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00},
		"trunc.gz":    {0x1f, 0x8b, 0x08, 0x00, 0x00},
		"broken.jsonl": []byte(`{"id":"ok1","title":"خبر سليم","text":"نص سليم عن الاقتصاد."}` + "\n" +
			`{"id":"bad","title":` + "\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(bad, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := runCLI(t, "", "ingest", "--db", db, bad)
	if code != 1 {
		t.Errorf("ingest of bad inputs: exit %d, want 1\n%s\n%s", code, out, stderr)
	}
	for _, name := range []string{"garbage.bin", "trunc.gz", "broken.jsonl:2"} {
		if !strings.Contains(out+stderr, name) {
			t.Errorf("failure report does not name %s:\n%s", name, out)
		}
	}
	if res := search(t, db, "الكاظمي"); res.Total != 1 {
		t.Errorf("earlier article lost: total %d", res.Total)
	}
	if res := search(t, db, "الاقتصاد"); res.Total != 1 {
		t.Errorf("good record beside bad ones not stored: total %d", res.Total)
	}
}

func TestMaintenanceCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if code, _, stderr := runCLI(t, "", "ingest", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	for _, cmd := range []string{"reindex", "compact"} {
		if code, _, stderr := runCLI(t, "", cmd, "--db", db); code != 0 {
			t.Fatalf("%s: exit %d: %s", cmd, code, stderr)
		}
	}
	if res := search(t, db, "إضراب"); res.Total != 1 {
		t.Errorf("after reindex and compact: total %d, want 1", res.Total)
	}
	code, out, stderr := runCLI(t, "", "dupes", "--db", db, "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("dupes: exit %d, out %q, err %s", code, out, stderr)
	}
}
