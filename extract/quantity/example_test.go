package quantity_test

import (
	"fmt"

	"github.com/marsad-project/marsad/extract/quantity"
)

func ExampleExtractText() {
	for _, q := range quantity.ExtractText("ولا يزال هناك نحو 2500 عسكري أميركي، وسقط عشرات القتلى في 29 حزيران.") {
		if q.Value != nil {
			fmt.Println(q.Text, *q.Value, q.Kind, q.Unit)
		} else {
			fmt.Println(q.Text, q.Kind, q.Unit)
		}
	}
	// Output:
	// نحو 2500 عسكري 2500 approx عسكري
	// عشرات القتلى vague القتلى
}
