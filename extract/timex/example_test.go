package timex_test

import (
	"fmt"
	"time"

	"github.com/marsad-project/marsad/extract/timex"
)

func ExampleExtract() {
	published := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	text := "وأعلن الرئيس أمس الاثنين أن القوات ستنسحب بحلول 31 كانون الأول، بعد هجوم وقع في 29 حزيران."
	for _, t := range timex.Extract(text, published) {
		fmt.Println(t.Text, t.Type, t.Value)
	}
	// Output:
	// أمس الاثنين DATE 2021-07-26
	// 31 كانون الأول DATE 2021-12-31
	// 29 حزيران DATE 2021-06-29
}

func ExamplePhrases() {
	published := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	text := "تعقد الدورة من 13 الى 15 تموز، وتبدأ الجلسات غدا بين الساعة 8 صباحا و2 مساء، قبل نهاية الشهر."
	for _, ph := range timex.Phrases(text, published) {
		fmt.Printf("%s [%s]", ph.Text, ph.Kind)
		for _, e := range ph.Exprs {
			fmt.Printf(" %s", e.Value)
		}
		fmt.Println()
	}
	// Output:
	// من 13 الى 15 تموز [range] 2021-07-13 2021-07-15
	// غدا بين الساعة 8 صباحا و2 مساء [range] 2021-07-28 2021-07-28T08:00 2021-07-28T14:00
	// قبل نهاية الشهر [before] 2021-07
}
