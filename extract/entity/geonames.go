package entity

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// ImportGeoNames reads a GeoNames dump and writes its places with Arabic
// names as an entity lexicon (see [Lexicon]) that [Options].LexiconDir can
// load. Three inputs are recognized from their first data line:
//
//   - the cities / allCountries format (19 tab-separated columns:
//     geonameid, name, asciiname, alternatenames separated by commas, …);
//     the Arabic-script alternate names become NAME and ALIASES and name
//     becomes LATIN;
//   - the alternateNames format (alternateNameId, geonameid, isolanguage,
//     alternate name, isPreferredName, …); rows in language "ar" are
//     grouped by geonameid, the preferred one first;
//   - a TSV with a header line starting "geonameid" and columns name and
//     arabic_names (names separated by '|').
//
// Names with letters used by Persian, Urdu or Kurdish but not Arabic (پ چ
// ژ گ ک ی …) are left out. Each entity gets the key "geonames:ID". The
// output starts with a comment crediting GeoNames (CC BY 4.0).
func ImportGeoNames(r io.Reader, w io.Writer) error {
	br := bufio.NewReaderSize(r, 1<<20)
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	type place struct {
		id    int
		latin string
		names []string
	}
	byID := make(map[int]*place)
	var order []int
	get := func(id int) *place {
		p := byID[id]
		if p == nil {
			p = &place{id: id}
			byID[id] = p
			order = append(order, id)
		}
		return p
	}
	format := ""
	var nameCol, arCol = -1, -1
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if format == "" {
			switch {
			case strings.HasPrefix(text, "geonameid\t"):
				format = "header"
				for i, c := range cols {
					switch c {
					case "name":
						nameCol = i
					case "arabic_names":
						arCol = i
					}
				}
				if arCol < 0 {
					return fmt.Errorf("geonames line %d: header has no arabic_names column", line)
				}
				continue
			case len(cols) >= 19:
				format = "cities"
			case len(cols) >= 4 && len(cols) <= 10:
				format = "alternate"
			default:
				return fmt.Errorf("geonames line %d: unknown format (%d columns)", line, len(cols))
			}
		}
		switch format {
		case "header":
			if len(cols) <= arCol {
				return fmt.Errorf("geonames line %d: %d columns, want %d", line, len(cols), arCol+1)
			}
			id, err := strconv.Atoi(cols[0])
			if err != nil {
				return fmt.Errorf("geonames line %d: bad id %q: %w", line, cols[0], err)
			}
			p := get(id)
			if nameCol >= 0 && nameCol < len(cols) {
				p.latin = cols[nameCol]
			}
			p.names = appendArabic(p.names, strings.Split(cols[arCol], "|"))
		case "cities":
			if len(cols) < 19 {
				return fmt.Errorf("geonames line %d: %d columns, want 19", line, len(cols))
			}
			id, err := strconv.Atoi(cols[0])
			if err != nil {
				return fmt.Errorf("geonames line %d: bad id %q: %w", line, cols[0], err)
			}
			names := appendArabic(nil, strings.Split(cols[3], ","))
			if len(names) == 0 {
				continue
			}
			p := get(id)
			p.latin = cols[1]
			p.names = append(p.names, names...)
		case "alternate":
			if len(cols) < 4 {
				return fmt.Errorf("geonames line %d: %d columns, want ≥ 4", line, len(cols))
			}
			if cols[2] != "ar" {
				continue
			}
			id, err := strconv.Atoi(cols[1])
			if err != nil {
				return fmt.Errorf("geonames line %d: bad id %q: %w", line, cols[1], err)
			}
			names := appendArabic(nil, []string{cols[3]})
			if len(names) == 0 {
				continue
			}
			p := get(id)
			if len(cols) > 4 && cols[4] == "1" {
				p.names = append(names, p.names...) // preferred name first
			} else {
				p.names = append(p.names, names...)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read geonames: %w", err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Places imported from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.")
	fmt.Fprintln(bw, "# format: TYPE\tNAME\tLATIN\tALIASES\tID\tPARENT")
	for _, id := range order {
		p := byID[id]
		names := dedup(p.names)
		if len(names) == 0 {
			continue
		}
		fmt.Fprintf(bw, "LOC\t%s\t%s\t%s\tgeonames:%d\n", names[0], clean(p.latin), strings.Join(names[1:], "|"), id)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write lexicon: %w", err)
	}
	return nil
}

// clean removes tabs and line breaks from a field.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '|' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

// appendArabic appends the names that are written in Arabic letters only.
func appendArabic(dst, names []string) []string {
	for _, n := range names {
		n = clean(n)
		if isArabicName(n) {
			dst = append(dst, n)
		}
	}
	return dst
}

// isArabicName reports whether s is an Arabic-language name: Arabic
// letters (and spaces, hyphens, marks), at least two letters, none of the
// letters that only other languages in Arabic script use.
func isArabicName(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\'' || isMark(r):
		case r >= 0x0621 && r <= 0x064A:
			letters++
		case strings.ContainsRune("پچژگکیہھےۆڤڨ", r):
			return false
		case unicode.IsLetter(r), unicode.IsDigit(r):
			return false
		default:
			return false
		}
	}
	return letters >= 2
}

func dedup(names []string) []string {
	var out []string
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
