package source

import (
	"errors"
	"strings"
	"unicode"

	"github.com/marsad-project/marsad"
)

// ParseText splits a plain-text article into title and body: the first
// non-empty line is the title; the body is the rest with leading blank
// lines removed, a first line that repeats the title dropped (see
// [SameTitle]), line ends normalized to "\n", paragraphs kept with their
// blank-line separation, and trailing whitespace trimmed from every line
// and from the end.
func ParseText(text string) (title, body string) {
	text = normalizeNewlines(text)
	rest := text
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if t := strings.TrimSpace(line); t != "" {
			title = t
			break
		}
	}
	return title, CleanBody(title, rest)
}

// CleanBody tidies an article body: "\r\n" and "\r" become "\n", trailing
// whitespace goes from every line, leading blank lines and trailing
// whitespace go, and a first line that repeats the title is dropped.
func CleanBody(title, body string) string {
	body = normalizeNewlines(body)
	if strings.Contains(body, " \n") || strings.Contains(body, "\t\n") || strings.Contains(body, "\u00a0\n") {
		lines := strings.Split(body, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
		}
		body = strings.Join(lines, "\n")
	}
	body = strings.TrimRightFunc(body, unicode.IsSpace)
	for {
		line, rest, found := strings.Cut(body, "\n")
		if strings.TrimSpace(line) != "" || !found {
			break
		}
		body = rest
	}
	if title != "" {
		line, rest, _ := strings.Cut(body, "\n")
		if SameTitle(title, line) {
			body = strings.TrimLeft(rest, "\n")
		}
	}
	return strings.TrimLeftFunc(body, unicode.IsSpace)
}

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// parseTextFile reads one plain-text article.
func parseTextFile(text, origin string) ([]result, error) {
	title, body := ParseText(text)
	if title == "" {
		return []result{{err: &RecordError{Origin: origin, Err: errors.New("empty document: no text")}}}, nil
	}
	a := marsad.Article{Title: title, Body: body}
	finish(&a, origin)
	return []result{{a: a}}, nil
}

// cleanTitle trims a title and, when it spans several lines, joins them
// with single spaces: Doc.Text puts the title on one line.
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\n\r\t\v\f") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
