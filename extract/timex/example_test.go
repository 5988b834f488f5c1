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
