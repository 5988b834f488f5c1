package source

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Charset names a text encoding this package decodes.
type Charset string

// Charsets recognized by [Decode].
const (
	UTF8        Charset = "utf-8"
	UTF16LE     Charset = "utf-16le"
	UTF16BE     Charset = "utf-16be"
	Windows1256 Charset = "windows-1256"
	ISO88596    Charset = "iso-8859-6"
)

// ErrBinary is returned (wrapped) for input that is not text.
var ErrBinary = errors.New("binary data, not text")

// ErrUnknownEncoding is returned (wrapped) for input that is neither valid
// UTF-8 nor plausibly an Arabic legacy encoding.
var ErrUnknownEncoding = errors.New("invalid UTF-8 and not windows-1256 or ISO-8859-6 Arabic text")

// Byte order marks.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns raw bytes into UTF-8 text and reports the encoding it found.
//
// Detection: a UTF-8 or UTF-16 byte order mark decides (and is removed);
// valid UTF-8 is UTF-8; UTF-8 with a handful of broken bytes among many
// valid multi-byte characters is UTF-8 with those bytes replaced by U+FFFD;
// otherwise the bytes are decoded both as windows-1256 and as ISO-8859-6
// and the more plausible Arabic text wins (see [DetectLegacy]). Input with
// NUL bytes or many control characters is rejected with [ErrBinary];
// non-UTF-8 input whose high bytes do not decode mostly to Arabic letters is
// rejected with [ErrUnknownEncoding]. A nil error guarantees valid UTF-8.
func Decode(b []byte) (string, Charset, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b[2:], false), UTF16LE, nil
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b[2:], true), UTF16BE, nil
	}
	if err := checkBinary(b); err != nil {
		return "", "", err
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	if mostlyUTF8(b) {
		return strings.ToValidUTF8(string(b), "\uFFFD"), UTF8, nil
	}
	cs, s, ok := detectLegacy(b)
	if !ok {
		return "", "", ErrUnknownEncoding
	}
	return s, cs, nil
}

// decodeUTF16 decodes UTF-16 without its byte order mark. A trailing odd
// byte and unpaired surrogates become U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	s := string(utf16.Decode(u))
	if len(b)%2 == 1 {
		s += "\uFFFD"
	}
	return s
}

// checkBinary rejects data with NUL bytes or more than 1% C0 control
// characters other than tab, newline, carriage return and form feed.
func checkBinary(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return fmt.Errorf("%w (NUL byte)", ErrBinary)
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b:
			ctl++
		case c == 0x7f:
			ctl++
		}
	}
	if ctl*100 > len(b) {
		return fmt.Errorf("%w (%d control bytes)", ErrBinary, ctl)
	}
	return nil
}

// mostlyUTF8 reports whether b is UTF-8 damaged in a few places: at least
// 50 valid multi-byte runes for every invalid byte.
func mostlyUTF8(b []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return bad > 0 && multi >= 50*bad
}

// DetectLegacy decides whether b, which is not UTF-8, is Arabic text in
// windows-1256 or ISO-8859-6. ok is false when neither decoding yields
// mostly Arabic letters.
func DetectLegacy(b []byte) (cs Charset, ok bool) {
	cs, _, ok = detectLegacy(b)
	return cs, ok
}

// detectLegacy decodes b both ways and scores each result. Every byte >=
// 0x80 is judged by what it decodes to: an Arabic letter, Arabic
// punctuation or a no-break space counts for the encoding; an undefined
// byte (U+FFFD), a C1 control or a Latin letter counts against it, as does
// a run of Arabic diacritics (harakat), which ISO-8859-6 makes of the
// windows-1256 bytes for ى and ي. The higher score wins; it must be at
// least half the high bytes.
func detectLegacy(b []byte) (Charset, string, bool) {
	high := 0
	for _, c := range b {
		if c >= 0x80 {
			high++
		}
	}
	if high == 0 {
		return "", "", false // pure ASCII is valid UTF-8; not reached via Decode
	}
	// Score a sample: 64 KiB tell the two code pages apart.
	sample := b
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
		high = 0
		for _, c := range sample {
			if c >= 0x80 {
				high++
			}
		}
	}
	t := legacyTables()
	cs, tab := Windows1256, &t.win
	score := scoreLegacy(sample, &t.win)
	if is := scoreLegacy(sample, &t.iso); is > score {
		cs, tab, score = ISO88596, &t.iso, is
	}
	if score*2 < high {
		return "", "", false
	}
	var sb strings.Builder
	sb.Grow(len(b) + high)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(tab[c-0x80])
		}
	}
	return cs, sb.String(), true
}

// highTable maps bytes 0x80–0xFF of a code page to runes.
type highTable [128]rune

// legacyTables builds the high halves of the two Arabic code pages once.
var legacyTables = sync.OnceValue(func() *struct{ win, iso highTable } {
	t := new(struct{ win, iso highTable })
	for i := range 128 {
		t.win[i] = charmap.Windows1256.DecodeByte(byte(0x80 + i))
		t.iso[i] = charmap.ISO8859_6.DecodeByte(byte(0x80 + i))
	}
	return t
})

func scoreLegacy(b []byte, tab *highTable) int {
	score := 0
	prevMark := false
	for i, c := range b {
		if c < 0x80 {
			prevMark = false
			continue
		}
		r := tab[c-0x80]
		isMark := r >= 0x064B && r <= 0x0652
		switch {
		case (r >= 0x0621 && r <= 0x064A || r == 0x0640) && touchesLatin(b, i):
			// An Arabic letter glued to a Latin letter: accented Latin
			// text read in the wrong code page.
			score -= 2
		case r >= 0x0621 && r <= 0x064A, r == 0x0640:
			score++
		case isMark && !prevMark:
			// a single diacritic after a letter is fine
		case r == 0x060C, r == 0x061B, r == 0x061F, r == 0x00A0:
			score++
		case r == utf8.RuneError, r >= 0x80 && r < 0xA0, unicode.IsLetter(r) && r < 0x0600:
			score -= 2
		case isMark:
			score-- // stacked diacritics: suspicious
		}
		prevMark = isMark
	}
	return score
}

// touchesLatin reports whether b[i] is next to an ASCII letter.
func touchesLatin(b []byte, i int) bool {
	isLatin := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	return i > 0 && isLatin(b[i-1]) || i+1 < len(b) && isLatin(b[i+1])
}
