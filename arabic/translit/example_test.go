package translit_test

import (
	"fmt"

	"github.com/marsad-project/marsad/arabic/translit"
)

func ExampleName() {
	fmt.Println(translit.Name("مصطفى الكاظمي"))
	fmt.Println(translit.Name("عبد الرحمن"))
	fmt.Println(translit.Name("فالح الفياض"))
	// Output:
	// Mustafa al-Kadhimi
	// Abdul Rahman
	// Falih al-Fayad
}

func ExampleKey() {
	fmt.Println(translit.Key("Mohammed"), translit.Key("Muhammad"))
	fmt.Println(translit.Key("al-Kadhimi") == translit.Key("Kadhimi"))
	// Output:
	// mhmd mhmd
	// true
}
