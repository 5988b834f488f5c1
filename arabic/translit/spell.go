package translit

import "strings"

// consonants maps Arabic and Persian consonant letters to their usual
// English-news spelling. ع and ء are silent (they are kept as consonants
// for the vowel rules, so سعد gives "saad").
var consonants = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh",
	'د': "d", 'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh",
	'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "dh", 'ع': "", 'غ': "gh",
	'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n",
	'ه': "h", 'ء': "", 'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g",
	'ڤ': "v", 'ڨ': "g", 'ڭ': "g", 'ڜ': "ch", 'ڠ': "ng", 'ٯ': "q",
	'ڢ': "f", 'ڧ': "q",
}

// Spelling of the vowel letters and of the short vowels the rules supply.
const (
	longA    = "a"  // ا, آ
	nativeU  = "ou" // و read as a vowel in an Arabic-looking word
	foreignU = "o"  // و read as a vowel in other words
	longI    = "i"  // ي read as a vowel
	shortA   = "a"  // the default short vowel
	faIl     = "i"  // the vowel of the pattern CāCiC (خالد, كاظمي)
	endPair  = "e"  // the vowel splitting two final consonants (يوسف)
)

// unit is one Arabic letter with the marks written on it.
type unit struct {
	r       rune
	vowel   string // short vowel from a written harakah
	sukun   bool   // a written sukun: no vowel follows
	shadda  bool
	tanween bool // a written tanween (case ending)
}

// tok is one spelled sound: a consonant or a vowel.
type tok struct {
	s      string
	vowel  bool
	longA  bool // the vowel of ا or آ
	marked bool // a consonant whose following vowel (or its absence) is written
	after  string
}

// units splits an Arabic word into letters with their marks; characters
// that are neither are dropped.
func units(w string) []unit {
	var us []unit
	for _, r := range w {
		if isMark(r) {
			if len(us) == 0 {
				continue
			}
			u := &us[len(us)-1]
			switch r {
			case 0x064E: // fatha
				u.vowel = "a"
			case 0x064F: // damma
				u.vowel = "u"
			case 0x0650: // kasra
				u.vowel = "i"
			case 0x064B, 0x064C, 0x064D: // tanween: a case ending, not spelt
				u.sukun, u.tanween = true, true
			case 0x0651:
				u.shadda = true
			case 0x0652:
				u.sukun = true
			case 0x0670: // superscript alef
				u.vowel = "a"
			}
			continue
		}
		if !isArabicLetter(r) {
			continue
		}
		us = append(us, unit{r: r})
	}
	return us
}

// spell transliterates one Arabic word by rule into lower-case Latin.
func spell(w string) string {
	return spellAs(w, false)
}

// spellAs is spell with the word taken as native when arabic is set (it
// carried the article ال).
func spellAs(w string, arabic bool) string {
	us := units(w)
	native := arabic || nativeLooking(us)
	ts := tokens(us, native)
	return render(ts, !native && foreignLooking(us))
}

// nativeLooking reports whether the word has a letter that transcriptions
// of foreign names seldom use (ح خ ع ص ض ط ظ ذ ث ق ة ى and hamza on a
// seat), so its و is more likely the Arabic ū (منصور mansour) than a
// foreign o (جاكسون jackson).
func nativeLooking(us []unit) bool {
	for i, u := range us {
		switch u.r {
		case 'ح', 'خ', 'ع', 'ص', 'ض', 'ط', 'ظ', 'ذ', 'ث', 'ق', 'ة', 'ى', 'ؤ', 'ئ', 'ء':
			return true
		case 'أ', 'إ':
			if i > 0 {
				return true
			}
		}
	}
	return false
}

// foreignLooking reports whether a word that is not native-looking shows
// signs of a foreign name: the Persian letters used for p, ch, zh, g, v,
// تش for ch, endings such as -ov, -eva and -ski, or six letters or more
// without the nisba ending ي (Arabic names of that length almost always
// have a native letter or are in the table). Such words keep their initial consonant clusters
// (كريستينا kristina).
func foreignLooking(us []unit) bool {
	if len(us) >= 6 && us[len(us)-1].r != 'ي' {
		return true
	}
	var b strings.Builder
	for i, u := range us {
		switch u.r {
		case 'پ', 'چ', 'ژ', 'گ', 'ڤ':
			return true
		case 'ت':
			if i+1 < len(us) && us[i+1].r == 'ش' {
				return true
			}
		}
		b.WriteRune(u.r)
	}
	w := b.String()
	for _, end := range []string{"وف", "وفا", "يفا", "سكي", "سكا"} {
		if strings.HasSuffix(w, end) && len([]rune(w)) > len([]rune(end))+1 {
			return true
		}
	}
	return false
}

// isVowelLetter reports whether r is a letter that is usually read as a
// vowel after a consonant.
func isVowelLetter(r rune) bool {
	return r == 'ا' || r == 'ى' || r == 'آ'
}

// tokens classifies each letter as a consonant or a vowel.
func tokens(us []unit, native bool) []tok {
	longU := foreignU
	if native {
		longU = nativeU
	}
	var ts []tok
	cons := func(u unit, s string) {
		if u.shadda && len(s) == 1 {
			s += s
		}
		t := tok{s: s}
		switch {
		case u.vowel != "":
			t.marked, t.after = true, u.vowel
		case u.sukun:
			t.marked = true
		}
		ts = append(ts, t)
	}
	vowel := func(s string, long bool) {
		ts = append(ts, tok{s: s, vowel: true, longA: long})
	}
	prevVowel := func() bool { return len(ts) > 0 && ts[len(ts)-1].vowel }
	for i, u := range us {
		var next rune
		if i+1 < len(us) {
			next = us[i+1].r
		}
		last := i == len(us)-1
		switch u.r {
		case 'ا', 'ٱ':
			switch {
			case last && i > 0 && us[i-1].tanween:
				// the alef that carries -an: not spelt
			case i == 0 && u.vowel != "":
				vowel(u.vowel, false)
			case i == 0:
				vowel("a", false)
			case prevVowel() && ts[len(ts)-1].longA:
				// a doubled alef is one long a
			default:
				vowel(longA, true)
			}
		case 'آ':
			vowel(longA, true)
		case 'إ':
			vowel("i", false)
		case 'أ':
			switch {
			case i == 0 && u.vowel != "":
				vowel(u.vowel, false)
			case i == 0:
				vowel("a", false)
			case prevVowel():
				cons(u, "")
			default:
				vowel("a", false)
			}
		case 'ؤ':
			if next == 'و' {
				vowel("a", false)
			} else {
				vowel("u", false)
			}
		case 'ئ':
			switch {
			case prevVowel() && ts[len(ts)-1].longA:
				vowel("i", false)
			case prevVowel():
				cons(u, "")
			default:
				vowel("e", false)
			}
		case 'ء':
			if last && prevVowel() && ts[len(ts)-1].longA {
				vowel("a", false)
			} else {
				cons(u, "")
			}
		case 'و':
			switch {
			case i == 1 && prevVowel() && ts[0].s == "a":
				// أو, او at the start: one vowel (أوباما obama)
				ts[0] = tok{s: "o", vowel: true}
			case i == 0, u.shadda, u.vowel == "a", u.vowel == "i",
				isVowelLetter(next) || next == 'ة' || next == 'و',
				prevVowel() && ts[len(ts)-1].longA:
				cons(u, "w")
			case next == 'ي' && i+2 == len(us) && i > 0:
				// nisba -awi: موسوي, بدوي
				ts = append(ts, tok{s: "a", vowel: true}, tok{s: "w"})
			case last:
				vowel("o", false)
			default:
				vowel(longU, false)
			}
		case 'ي', 'ى':
			switch {
			case u.r == 'ى' && last:
				vowel("a", false)
			case i == 0, u.shadda, u.vowel == "a", u.vowel == "u",
				isVowelLetter(next),
				prevVowel() && ts[len(ts)-1].longA && !last:
				cons(u, "y")
			case i == 1 && prevVowel() && (ts[0].s == "i" || us[0].r == 'ا'):
				// إي, اي at the start: one vowel (إيران iran)
				ts[0] = tok{s: "i", vowel: true}
			case i == 1 && prevVowel() && ts[0].s == "a" && !last:
				cons(u, "y") // أيمن ayman
			case next == 'ة' && i+2 == len(us):
				vowel("i", false)
				ts = append(ts, tok{s: "y"})
			default:
				vowel(longI, false)
			}
		case 'ة':
			switch {
			case prevVowel() && ts[len(ts)-1].longA:
				cons(u, "t")
			case last:
				vowel("a", false)
			default:
				vowel("a", false)
				cons(u, "t")
			}
		case 'ش':
			if i > 0 && us[i-1].r == 'ت' && len(ts) > 0 && ts[len(ts)-1].s == "t" {
				ts[len(ts)-1].s = "ch" // تش writes ch
				continue
			}
			cons(u, "sh")
		default:
			s, ok := consonants[u.r]
			if !ok {
				continue
			}
			cons(u, s)
		}
	}
	return ts
}

// render joins the tokens, supplying the short vowels that Arabic does not
// write: each run of consonants gets vowels after the positions given by
// the name patterns (see inserts).
func render(ts []tok, foreign bool) string {
	var b strings.Builder
	for i := 0; i < len(ts); {
		if ts[i].vowel {
			b.WriteString(ts[i].s)
			i++
			continue
		}
		j := i
		for j < len(ts) && !ts[j].vowel {
			j++
		}
		initial, final := i == 0, j == len(ts)
		prevLongA := i > 0 && ts[i-1].longA
		ins := inserts(ts[i:j], initial, final, prevLongA, foreign)
		for k := i; k < j; k++ {
			t := ts[k]
			b.WriteString(t.s)
			switch {
			case t.marked && k+1 == len(ts):
				// a final mark: no case endings in names
			case t.marked && ts[k+1].vowel:
				// the vowel letter that follows spells the vowel (سَلِيم)
			case t.marked:
				b.WriteString(t.after)
			case ins[k-i] != "":
				b.WriteString(ins[k-i])
			}
		}
		i = j
	}
	return b.String()
}

// inserts returns, for a run of consonants, the short vowel to write
// after each one ("" for none). initial and final tell whether the run
// starts or ends the word; prevLongA whether it follows ا.
//
// The choices follow the common name patterns: CaCaC for a word with no
// vowel letter (حسن hasan), CaCC before a vowel letter at the start
// (منصور mansour, maf'ul), CāCiC after ا (خالد khalid, fa'il) and a split
// final pair after another vowel (يوسف yousef). A few pairs that Arabic
// names rarely split after ا are left whole (ساندرز sanders, ريتشارد
// richard), and so is an initial st (ستيفن).
func inserts(run []tok, initial, final, prevLongA, foreign bool) []string {
	n := len(run)
	ins := make([]string, n)
	if n < 2 {
		return ins
	}
	switch {
	case initial && final: // no vowel letter at all
		ins[0] = shortA
		if n == 3 {
			ins[1] = shortA
		}
		for k := 2; k < n-1; k += 2 {
			ins[k] = shortA
		}
	case initial && foreign:
		for k := 0; k < n-1; k += 2 {
			if !onset(run[k].s, run[k+1].s) {
				ins[k] = shortA
			}
		}
	case initial:
		if !(run[0].s == "s" && run[1].s == "t") {
			ins[0] = shortA
		}
		for k := 2; k < n-1; k += 2 {
			ins[k] = shortA
		}
	case final:
		switch {
		case prevLongA && n == 2 && keptPair(run[0].s, run[1].s, true):
		case foreign && n == 2 && run[1].s == "r":
			ins[0] = endPair // -er: كيلر keller
		case foreign && n == 2:
		case prevLongA && n == 2:
			ins[0] = faIl
		case n == 2:
			ins[0] = endPair
		default:
			ins[n-2] = endPair
			for k := n - 4; k >= 0; k -= 2 {
				ins[k] = shortA
			}
		}
	default: // between two vowels
		switch {
		case foreign && n >= 3:
			for k := 1; k < n-1; k += 2 {
				if !onset(run[k].s, run[k+1].s) {
					ins[k] = shortA
				}
			}
		case foreign && n == 2:
		case prevLongA && n == 2 && !keptPair(run[0].s, run[1].s, false):
			ins[0] = faIl
		case n >= 3:
			for k := 1; k < n-1; k += 2 {
				ins[k] = shortA
			}
		}
	}
	return ins
}

// onset reports whether consonants a, b can begin a word in the European
// names that Arabic transcribes (br, kl, st, shm, sw …).
func onset(a, b string) bool {
	switch b {
	case "r", "l":
		return strings.Contains(" b p f k g gh t d ch sh s kh v ", " "+a+" ")
	case "w":
		return strings.Contains(" k s t d g gh sh ", " "+a+" ")
	}
	switch a {
	case "s":
		return strings.Contains(" t k p b m n f ch ", " "+b+" ")
	case "sh":
		return strings.Contains(" m n t ", " "+b+" ")
	}
	return false
}

// keptPair reports whether the consonants a, b after ا stay together:
// inside a word after r, n or l (هارمان harman); at the end only the
// foreign endings -rd, -rt, -nd, -nt, -rk, -nk.
func keptPair(a, b string, final bool) bool {
	if a != "r" && a != "n" && a != "l" {
		return false
	}
	if !final {
		return true
	}
	return a != "l" && (b == "d" || b == "t" || b == "k")
}
