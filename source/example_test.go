package source_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/marsad-project/marsad/source"
)

// Reading a stream: record errors are reported and reading goes on.
func Example() {
	in := `{"id":"n1","title":"افتتاح معرض","text":"افتتح المعرض اليوم.","published":"2021-07-27"}
{"id":"n2","title":
{"id":"n3","title":"نهاية المعرض","body":"اختتم المعرض أعماله."}
`
	ctx := context.Background()
	r, err := source.OpenReader(ctx, strings.NewReader(in), "news.jsonl", source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	for {
		a, err := r.Next(ctx)
		if errors.Is(err, io.EOF) {
			break
		}
		var re *source.RecordError
		if errors.As(err, &re) {
			fmt.Println("skipped", re.Origin)
			continue
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(a.ID, a.Title, a.Published.Format("2006-01-02"), a.Origin)
	}
	// Output:
	// n1 افتتاح معرض 2021-07-27 news.jsonl:1
	// skipped news.jsonl:2
	// n3 نهاية المعرض 0001-01-01 news.jsonl:3
}

// A plain-text article: the first line is the title, a repeated title is
// dropped from the body.
func ExampleParseText() {
	title, body := source.ParseText("عنوان الخبر\n\nعنوان الخبر\nالفقرة الأولى.\n\nالفقرة الثانية.  \n")
	fmt.Printf("%s\n---\n%s\n", title, body)
	// Output:
	// عنوان الخبر
	// ---
	// الفقرة الأولى.
	//
	// الفقرة الثانية.
}
