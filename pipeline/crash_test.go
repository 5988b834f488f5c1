package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/store/sqlite"
)

const (
	crashDBEnv    = "MARSAD_CRASH_DB"
	crashInputEnv = "MARSAD_CRASH_INPUT"
)

// vocabulary for generated articles (our own word list).
var vocabulary = strings.Fields(`الحكومة الوزير البرلمان المدينة الشركة المشروع الاقتصاد السوق الأسعار المواطنين
الطلاب الجامعة المستشفى الطريق الجسر النهر البحر المطر الشتاء الصيف المزارعين المصنع العمال الرواتب الميزانية
المجلس البلدية الشرطة المحكمة القانون الانتخابات الحزب المعارضة الرئيس السفير الوفد الاتفاق المفاوضات الحدود
التجارة الصادرات الواردات النفط الغاز الكهرباء الماء المدارس الأطفال الرياضة الفريق المباراة الملعب الثقافة
المهرجان الكتاب المعرض الفيلم المسرح الصحافة الإذاعة التلفزيون الإنترنت الهاتف قال أعلن أكد أضاف أشار أوضح`)

// writeCorpus writes n generated articles, each different, to a JSONL file.
func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	r := rand.New(rand.NewPCG(7, 11))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i := range n {
		words := make([]string, 60+r.IntN(60))
		for k := range words {
			words[k] = vocabulary[r.IntN(len(vocabulary))]
		}
		if err := enc.Encode(map[string]string{
			"id": fmt.Sprintf("c%05d", i), "title": fmt.Sprintf("خبر رقم %d", i), "text": strings.Join(words, " "),
			"published": fmt.Sprintf("2020-%02d-%02d", 1+i%12, 1+i%28), "source": fmt.Sprintf("مصدر %d", i%5),
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCrashHelper is the ingesting process of TestCrashSafety; it does
// nothing unless started by it.
func TestCrashHelper(t *testing.T) {
	dbPath, input := os.Getenv(crashDBEnv), os.Getenv(crashInputEnv)
	if dbPath == "" {
		t.Skip("helper process for TestCrashSafety")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sum, err := Run(ctx, Config{Store: db, Reader: source.Walk(ctx, []string{input}, source.Options{}),
		Workers: 2, BatchSize: 40, Logger: quiet()})
	if err != nil || !sum.OK() {
		t.Fatalf("ingest: %s, %v", sum, err)
	}
	fmt.Printf("SUMMARY new=%d duplicate=%d\n", sum.New, sum.Duplicate)
}

// TestCrashSafety kills an ingesting process with SIGKILL at random
// points, then lets a last run finish: every article is stored exactly
// once and the file passes the integrity checks.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "corpus.jsonl")
	dbPath := filepath.Join(dir, "archive.db")
	const n = 3000
	writeCorpus(t, input, n)
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashDBEnv+"="+dbPath, crashInputEnv+"="+input)
		return cmd
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	kills := 0
	for i := range 8 {
		cmd := start()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(30+r.IntN(400)) * time.Millisecond
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-time.After(delay):
			if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
				kills++
			}
			<-done
		case err := <-done:
			t.Logf("run %d finished before its kill at %v (%v)", i, delay, err)
		}
	}
	out, err := start().CombinedOutput()
	if err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	t.Logf("%d kills; final run: %s", kills, strings.TrimSpace(string(out)))

	db, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	var articles, distinct, sightings, indexed int
	if err := db.SQL().QueryRow(`SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT ext_id) FROM articles),
		(SELECT count(*) FROM sightings), (SELECT count(*) FROM fts_docsize)`).Scan(&articles, &distinct, &sightings, &indexed); err != nil {
		t.Fatal(err)
	}
	if articles != n || distinct != n || sightings != n || indexed != n {
		t.Errorf("after %d kills: %d articles (%d distinct), %d sightings, %d indexed; want %d each",
			kills, articles, distinct, sightings, indexed, n)
	}
}
