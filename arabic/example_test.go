package arabic_test

import (
	"fmt"

	"github.com/marsad-project/marsad/arabic"
)

func ExampleNormalize() {
	text := "الولايات المتّحدة"
	norm, m := arabic.Normalize(text, arabic.SearchOptions())
	fmt.Println(norm)
	// The second word, located in the normalized text, mapped back.
	start, end := m.Span(len("الولايات "), len(norm))
	fmt.Println(text[start:end])
	// Output:
	// الولايات المتحده
	// المتّحدة
}

func ExampleTokenize() {
	for _, t := range arabic.Tokenize(`طالبت السبت بـ"انسحاب" نحو 2,500 عسكري`) {
		fmt.Println(t.Start, t.Kind, t.Text, t.Norm)
	}
	// Output:
	// 0 arabic طالبت طالبت
	// 11 arabic السبت السبت
	// 22 arabic بـ ب
	// 26 quote " "
	// 27 arabic انسحاب انسحاب
	// 39 quote " "
	// 41 arabic نحو نحو
	// 48 number 2,500 2,500
	// 54 arabic عسكري عسكري
}

func ExampleSegment() {
	for _, w := range []string{"للولايات", "وبغداد", "مهمّتها", "الذين"} {
		fmt.Print(w, ":")
		for _, s := range arabic.Segment(w) {
			fmt.Print(" ", s.Role, "=", s.Text)
		}
		fmt.Println()
	}
	// Output:
	// للولايات: prefix=لل stem=ولايات
	// وبغداد: prefix=و stem=بغداد
	// مهمّتها: stem=مهمّت suffix=ها
	// الذين: stem=الذين
}

func ExampleStem() {
	for _, w := range []string{"الأمريكيين", "مستشفيات", "الله", "والكتاب"} {
		fmt.Println(w, arabic.Stem(w))
	}
	// Output:
	// الأمريكيين امريكي
	// مستشفيات مستشفي
	// الله الله
	// والكتاب كتاب
}

func ExampleNumberWords() {
	text := "نحو خمسين هجوما و3 ملايين دولار في الذكرى الحادية والعشرين"
	for _, n := range arabic.NumberWords(arabic.Tokenize(text)) {
		fmt.Println(text[n.Start:n.End], n.Value, n.Ordinal)
	}
	// Output:
	// خمسين 50 false
	// 3 ملايين 3e+06 false
	// الحادية والعشرين 21 true
}

func ExampleSentences() {
	text := `قال د. أحمد "الوضع صعب. لكننا سنصمد". ثم غادر`
	for _, s := range arabic.Sentences(text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// قال د. أحمد "الوضع صعب. لكننا سنصمد".
	// ثم غادر
}
