package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
)

// jsonString accepts a JSON string, number or null.
type jsonString string

func (s *jsonString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*s = ""
	case b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = jsonString(v)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*s = jsonString(b)
	default:
		return fmt.Errorf("want a string, got %.20s", b)
	}
	return nil
}

// jsonArticle is the JSON article schema. "body" and "content" are
// accepted for "text", "date" for "published", "link" for "url".
type jsonArticle struct {
	ID        jsonString `json:"id"`
	Title     string     `json:"title"`
	Text      string     `json:"text"`
	Body      string     `json:"body"`
	Content   string     `json:"content"`
	Published jsonString `json:"published"`
	Date      jsonString `json:"date"`
	URL       string     `json:"url"`
	Link      string     `json:"link"`
	Source    string     `json:"source"`
	Author    string     `json:"author"`
}

// ParseJSONArticle parses one JSON article object. origin is stored in
// the article. A publication time that cannot be parsed is an error.
func ParseJSONArticle(data []byte, origin string) (marsad.Article, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return marsad.Article{}, errors.New("not a JSON object")
	}
	var j jsonArticle
	if err := json.Unmarshal(data, &j); err != nil {
		return marsad.Article{}, fmt.Errorf("json: %w", err)
	}
	return j.article(origin)
}

func (j *jsonArticle) article(origin string) (marsad.Article, error) {
	body := firstNonEmpty(j.Text, j.Body, j.Content)
	pub, err := parseJSONTime(firstNonEmpty(string(j.Published), string(j.Date)))
	var warnings []string
	if err != nil {
		// Keep the article: its text matters more than a broken date.
		warnings = append(warnings, fmt.Sprintf("published ignored: %v", err))
	}
	title := cleanTitle(j.Title)
	a := marsad.Article{
		ID:        strings.TrimSpace(string(j.ID)),
		Title:     title,
		Body:      CleanBody(title, body),
		Published: pub,
		URL:       strings.TrimSpace(firstNonEmpty(j.URL, j.Link)),
		Source:    strings.TrimSpace(j.Source),
		Author:    strings.TrimSpace(j.Author),
		Warnings:  warnings,
	}
	if a.Title == "" && a.Body == "" {
		return marsad.Article{}, errors.New("article has neither title nor text")
	}
	finish(&a, origin)
	return a, nil
}

// parseJSONTime is ParseTime, plus Unix time as a JSON number: seconds,
// or milliseconds when it has more than 11 digits.
func parseJSONTime(s string) (time.Time, error) {
	if s != "" && strings.Trim(s, "0123456789") == "" && len(s) <= 16 {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, err
		}
		if len(s) > 11 {
			return time.UnixMilli(n).UTC(), nil
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return ParseTime(s)
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// parseJSONFile reads a JSON document: one article object, an array of
// them, or a stream of objects. A syntax error ends the input; an element
// with the wrong shape is a RecordError naming its index.
func parseJSONFile(text, origin string) ([]result, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	var out []result
	one := func(raw json.RawMessage, where string) {
		a, err := ParseJSONArticle(raw, where)
		if err != nil {
			out = append(out, result{err: &RecordError{Origin: where, Err: err}})
			return
		}
		out = append(out, result{a: a})
	}
	for n := 0; ; n++ {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return out, fmt.Errorf("json: %w", err)
		}
		switch tok {
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return out, fmt.Errorf("json [%d]: %w", i, err)
				}
				one(raw, origin+"["+strconv.Itoa(i)+"]")
			}
			if _, err := dec.Token(); err != nil {
				return out, fmt.Errorf("json: %w", err)
			}
		case json.Delim('{'):
			// Token consumed the brace: decode the rest as the object.
			raw, err := restOfObject(dec)
			if err != nil {
				return out, fmt.Errorf("json: %w", err)
			}
			where := origin
			if n > 0 {
				where = origin + "#" + strconv.Itoa(n+1)
			}
			one(raw, where)
		default:
			return out, fmt.Errorf("json: want an object or an array, got %v", tok)
		}
	}
	if len(out) == 0 {
		out = append(out, result{err: &RecordError{Origin: origin, Err: errors.New("empty JSON input")}})
	}
	return out, nil
}

// restOfObject rebuilds an object whose opening brace dec has consumed.
func restOfObject(dec *json.Decoder) (json.RawMessage, error) {
	buf := []byte{'{'}
	first := true
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, ok := key.(string)
		if !ok {
			return nil, fmt.Errorf("object key %v is not a string", key)
		}
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return nil, err
		}
		if !first {
			buf = append(buf, ',')
		}
		first = false
		kb, _ := json.Marshal(k)
		buf = append(buf, kb...)
		buf = append(buf, ':')
		buf = append(buf, val...)
	}
	if _, err := dec.Token(); err != nil { // closing brace
		return nil, err
	}
	return append(buf, '}'), nil
}

// lineReader reads lines of at most max bytes from a bufio.Reader, in
// constant memory apart from the line itself.
type lineReader struct {
	br   *bufio.Reader
	max  int
	line int // number of the last line returned, from 1
	buf  []byte
}

// errLineTooLong is returned (inside a RecordError) for an over-long line.
var errLineTooLong = errors.New("line too long")

// next returns the next line without its terminator. An over-long line is
// consumed and reported with errLineTooLong. At end of input it returns
// io.EOF; other errors are read errors.
func (l *lineReader) next() ([]byte, error) {
	if cap(l.buf) > 1<<20 {
		l.buf = nil // do not keep a huge buffer after a huge line
	}
	l.buf = l.buf[:0]
	tooLong, any := false, false
	for {
		frag, err := l.br.ReadSlice('\n')
		if len(frag) > 0 {
			any = true
		}
		if !tooLong {
			if len(l.buf)+len(frag) > l.max+1 { // +1: the newline
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, frag...)
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if !any {
				return nil, io.EOF
			}
		default:
			return nil, err
		}
		l.line++
		if tooLong {
			return nil, fmt.Errorf("%w (more than %d bytes)", errLineTooLong, l.max)
		}
		b := bytes.TrimSuffix(l.buf, []byte("\n"))
		return bytes.TrimSuffix(b, []byte("\r")), nil
	}
}

// jsonlReader reads one JSON article per line. Blank lines are skipped.
type jsonlReader struct {
	lr     lineReader
	origin string
	err    error
}

func newJSONLReader(br *bufio.Reader, origin string, opts Options) *jsonlReader {
	return &jsonlReader{lr: lineReader{br: br, max: opts.maxRecord()}, origin: origin}
}

func (r *jsonlReader) Next(ctx context.Context) (marsad.Article, error) {
	for {
		if err := ctx.Err(); err != nil {
			return marsad.Article{}, err
		}
		if r.err != nil {
			return marsad.Article{}, r.err
		}
		line, err := r.lr.next()
		where := r.origin + ":" + strconv.Itoa(r.lr.line)
		switch {
		case errors.Is(err, io.EOF):
			r.err = io.EOF
			continue
		case errors.Is(err, errLineTooLong):
			return marsad.Article{}, &RecordError{Origin: where, Err: err}
		case err != nil:
			r.err = &InputError{Origin: r.origin + ":" + strconv.Itoa(r.lr.line+1), Err: fmt.Errorf("read: %w", err)}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			text, _, err := Decode(line)
			if err != nil {
				return marsad.Article{}, &RecordError{Origin: where, Err: err}
			}
			line = []byte(text)
		}
		a, err := ParseJSONArticle(line, where)
		if err != nil {
			return marsad.Article{}, &RecordError{Origin: where, Err: err}
		}
		return a, nil
	}
}

func (r *jsonlReader) Close() error { return nil }
