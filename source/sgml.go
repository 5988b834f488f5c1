package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/marsad-project/marsad"
)

// SGML field tags, by the article field they fill, in order of preference.
var (
	sgmlID     = []string{"DOCNO", "DOCID"}
	sgmlTitle  = []string{"HEADLINE", "TITLE", "HEAD", "HL"}
	sgmlBody   = []string{"TEXT", "BODY"}
	sgmlDate   = []string{"TIME", "DATE", "DATE_TIME", "PUBDATE"}
	sgmlURL    = []string{"URL"}
	sgmlSource = []string{"SRC", "SOURCE"}
	sgmlAuthor = []string{"AUTHOR", "BYLINE"}
)

// ParseSGMLDoc parses one TREC-style <DOC> record (with or without the
// <DOC> wrapper) into an article. Tags are matched case-insensitively and
// may carry attributes; content is taken verbatim between <TAG> and the
// next </TAG> (the text is not XML: raw '&' and '<' are kept), so unknown
// or unclosed tags are ignored. <P> tags inside the body become paragraph
// breaks. origin is stored in the article.
func ParseSGMLDoc(doc, origin string) (marsad.Article, error) {
	fields := sgmlFields(doc)
	get := func(tags []string) string {
		for _, t := range tags {
			if v, ok := fields[t]; ok && strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v)
			}
		}
		return ""
	}
	title := get(sgmlTitle)
	body := get(sgmlBody)
	if _, ok := fields["TEXT"]; !ok && body == "" && title == "" {
		return marsad.Article{}, errors.New("no <TEXT>, <BODY> or title in <DOC>")
	}
	pub, err := ParseTime(get(sgmlDate))
	var warnings []string
	if err != nil {
		// Keep the article: its text matters more than a broken date.
		warnings = append(warnings, fmt.Sprintf("<TIME>/<DATE> ignored: %v", err))
	}
	body = paragraphs(body)
	a := marsad.Article{
		ID:        get(sgmlID),
		Title:     cleanTitle(title),
		Body:      CleanBody(title, body),
		Published: pub,
		URL:       get(sgmlURL),
		Source:    get(sgmlSource),
		Author:    get(sgmlAuthor),
		Warnings:  warnings,
	}
	finish(&a, origin)
	return a, nil
}

// sgmlFields returns the content of each top-level tag, keyed by upper-case
// tag name; the first occurrence of a tag wins.
func sgmlFields(doc string) map[string]string {
	fields := make(map[string]string, 12)
	if start, _, ok := findTag(doc, 0, "DOC", false); ok {
		doc = doc[start:]
		if end, _, ok := findTag(doc, 0, "DOC", true); ok {
			doc = doc[:end]
		}
	}
	for i := 0; i < len(doc); {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		name, after, ok := openTag(doc, i)
		if !ok {
			i++
			continue
		}
		end, next, ok := findTag(doc, after, name, true)
		if !ok {
			i = after
			continue
		}
		key := strings.ToUpper(name)
		if _, seen := fields[key]; !seen {
			fields[key] = doc[after:end]
		}
		i = next
	}
	return fields
}

// openTag parses "<NAME>" or "<NAME attrs>" at doc[i]; it returns the name
// and the offset just past '>'.
func openTag(doc string, i int) (name string, after int, ok bool) {
	j := i + 1
	for j < len(doc) && (isAlnum(doc[j]) || doc[j] == '_' || doc[j] == '-') {
		j++
	}
	if j == i+1 || j >= len(doc) {
		return "", 0, false
	}
	name = doc[i+1 : j]
	if doc[j] != '>' {
		if doc[j] != ' ' && doc[j] != '\t' {
			return "", 0, false
		}
		gt := strings.IndexAny(doc[j:], "<>\n")
		if gt < 0 || doc[j+gt] != '>' {
			return "", 0, false
		}
		j += gt
	}
	return name, j + 1, true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// findTag finds "<name>" (or "</name>" when closing) at or after from,
// case-insensitively. It returns the tag's start and the offset past it.
func findTag(doc string, from int, name string, closing bool) (start, after int, ok bool) {
	want := "<" + name
	if closing {
		want = "</" + name
	}
	for i := from; i < len(doc); {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			return 0, 0, false
		}
		i += lt
		if len(doc)-i >= len(want)+1 && strings.EqualFold(doc[i:i+len(want)], want) {
			switch doc[i+len(want)] {
			case '>':
				return i, i + len(want) + 1, true
			case ' ', '\t':
				if gt := strings.IndexByte(doc[i:], '>'); gt > 0 {
					return i, i + gt + 1, true
				}
			}
		}
		i++
	}
	return 0, 0, false
}

// paragraphs turns <P>…</P> markup into blank-line separated paragraphs.
func paragraphs(body string) string {
	if !strings.Contains(body, "<") {
		return body
	}
	var out []string
	rest := body
	var cur strings.Builder
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	found := false
	for rest != "" {
		lt := strings.IndexByte(rest, '<')
		if lt < 0 {
			cur.WriteString(rest)
			break
		}
		cur.WriteString(rest[:lt])
		rest = rest[lt:]
		if n := pTagLen(rest); n > 0 {
			found = true
			flush()
			rest = rest[n:]
			continue
		}
		cur.WriteByte('<')
		rest = rest[1:]
	}
	flush()
	if !found {
		return body
	}
	return strings.Join(out, "\n\n")
}

// pTagLen returns the length of a <P>, </P> or <P attrs> tag at s, or 0.
func pTagLen(s string) int {
	t := s[1:]
	if strings.HasPrefix(t, "/") {
		t = t[1:]
	}
	if len(t) < 2 || (t[0] != 'p' && t[0] != 'P') {
		return 0
	}
	if t[1] == '>' {
		return len(s) - len(t) + 2
	}
	if t[1] == ' ' {
		if gt := strings.IndexByte(t, '>'); gt > 0 && !strings.ContainsAny(t[:gt], "<\n") {
			return len(s) - len(t) + gt + 1
		}
	}
	return 0
}

// sgmlReader streams <DOC> records: it gathers lines from a line holding
// <DOC> to one holding </DOC>, capped at MaxRecord bytes per record.
type sgmlReader struct {
	lr     lineReader
	origin string
	max    int
	doc    []byte
	err    error

	carry     []byte // a line to process before reading more
	carryLine int
}

func newSGMLReader(br *bufio.Reader, origin string, opts Options) *sgmlReader {
	return &sgmlReader{lr: lineReader{br: br, max: opts.maxRecord()}, origin: origin, max: opts.maxRecord()}
}

var (
	docOpen  = []byte("<doc")
	docClose = []byte("</doc>")
)

func (r *sgmlReader) Next(ctx context.Context) (marsad.Article, error) {
	startLine := 0
	inDoc := false
	tooBig := false
	r.doc = r.doc[:0]
	for {
		if err := ctx.Err(); err != nil {
			return marsad.Article{}, err
		}
		if r.err != nil {
			return marsad.Article{}, r.err
		}
		carried := r.carry != nil
		line, err := r.nextLine()
		lineNo := r.lineNo(carried)
		switch {
		case errors.Is(err, io.EOF):
			r.err = io.EOF
			if inDoc {
				return marsad.Article{}, r.recordErr(startLine, errors.New("<DOC> not closed before end of input"))
			}
			continue
		case errors.Is(err, errLineTooLong):
			if inDoc {
				tooBig = true
			}
			continue
		case err != nil:
			r.err = &InputError{Origin: r.where(r.lr.line + 1), Err: fmt.Errorf("read: %w", err)}
			if inDoc {
				return marsad.Article{}, r.recordErr(startLine, fmt.Errorf("<DOC> cut short: %w", err))
			}
			continue
		}
		lower := bytes.ToLower(line)
		if !inDoc {
			i := indexDocOpen(lower)
			if i < 0 {
				continue // text between records is ignored
			}
			inDoc, startLine = true, lineNo
			line, lower = line[i:], lower[i:]
		} else if i := indexDocOpen(lower); i >= 0 && !bytes.Contains(lower[:i], docClose) {
			// A new <DOC> before </DOC>: report the broken record; the
			// next call starts over with this line.
			r.carry = append(r.carry[:0], line[i:]...)
			r.carryLine = r.lr.line
			return marsad.Article{}, r.recordErr(startLine, errors.New("<DOC> not closed before the next <DOC>"))
		}
		if !tooBig {
			if len(r.doc)+len(line)+1 > r.max {
				tooBig = true
				r.doc = r.doc[:0]
			} else {
				r.doc = append(r.doc, line...)
				r.doc = append(r.doc, '\n')
			}
		}
		if bytes.Contains(lower, docClose) {
			inDoc = false
			if tooBig {
				return marsad.Article{}, r.recordErr(startLine, fmt.Errorf("<DOC> record larger than %d bytes", r.max))
			}
			text, _, err := Decode(r.doc)
			if err != nil {
				return marsad.Article{}, r.recordErr(startLine, err)
			}
			a, err := ParseSGMLDoc(text, r.where(startLine))
			if err != nil {
				return marsad.Article{}, r.recordErr(startLine, err)
			}
			return a, nil
		}
	}
}

// nextLine returns the carried-over line, if any, else the next line.
func (r *sgmlReader) nextLine() ([]byte, error) {
	if r.carry != nil {
		line := r.carry
		r.carry = nil
		return line, nil
	}
	return r.lr.next()
}

// lineNo is the number of the line nextLine last returned.
func (r *sgmlReader) lineNo(carried bool) int {
	if carried {
		return r.carryLine
	}
	return r.lr.line
}

func indexDocOpen(lower []byte) int {
	for off := 0; ; {
		i := bytes.Index(lower[off:], docOpen)
		if i < 0 {
			return -1
		}
		i += off
		if j := i + len(docOpen); j < len(lower) && (lower[j] == '>' || lower[j] == ' ') {
			return i
		}
		off = i + 1
	}
}

func (r *sgmlReader) where(line int) string { return r.origin + ":" + strconv.Itoa(line) }

func (r *sgmlReader) recordErr(line int, err error) *RecordError {
	return &RecordError{Origin: r.where(line), Err: err}
}

func (r *sgmlReader) Close() error { return nil }
