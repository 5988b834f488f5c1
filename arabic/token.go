package arabic

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	KindArabic  Kind = iota + 1 // Arabic-script word
	KindLatin                   // Latin-script (or other non-Arabic letters) word
	KindNumber                  // 2500, 2,500, 2.5, ٢٥٠٠
	KindPunct                   // punctuation other than quote marks
	KindQuote                   // quote mark: " « » “ ” „ ' ‘ ’
	KindURL                     // http(s)://… or www.…
	KindEmail                   // user@host
	KindHashtag                 // #word (may contain _)
	KindSymbol                  // %, $, other symbols
)

// Token is one unit of text with its place in the original string.
type Token struct {
	Start, End int    // byte offsets into the original text, end exclusive
	Kind       Kind   // what the token is
	Text       string // the original slice text[Start:End]
	Norm       string // normalized with SearchOptions (for matching and indexing)
}

// Span is a half-open byte range [Start, End) into a text.
type Span struct {
	Start, End int
}
