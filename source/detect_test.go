package source_test

import (
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/sharedtest"
	"github.com/marsad-project/marsad/source"
	"golang.org/x/text/encoding/charmap"
)

// TestDetectLegacyOnCorpus encodes real articles (the SGML samples) into
// windows-1256 and ISO-8859-6 and checks that Decode names the right
// encoding and gives back the text.
func TestDetectLegacyOnCorpus(t *testing.T) {
	var texts, titles []string
	for _, dir := range []string{"corpora/ant-jawharafm", "corpora/ant-multisource"} {
		arts, _ := readAll(t, sharedtest.Path(t, dir+"/sgml-sample.tar.gz"))
		for _, a := range arts {
			if a.Body != "" {
				texts = append(texts, a.Title+"\n\n"+a.Body)
			}
			titles = append(titles, a.Title)
		}
	}
	for _, c := range []struct {
		cs    source.Charset
		cm    *charmap.Charmap
		texts []string
		min   int // per cent detected
	}{
		{source.Windows1256, charmap.Windows1256, texts, 99},
		{source.ISO88596, charmap.ISO8859_6, texts, 99},
		{source.Windows1256, charmap.Windows1256, titles, 95},
		{source.ISO88596, charmap.ISO8859_6, titles, 95},
	} {
		texts := c.texts
		right, exact := 0, 0
		for _, s := range texts {
			// Characters the code page lacks become '?', as a legacy
			// system would store them.
			want := strings.Map(func(r rune) rune {
				if _, ok := c.cm.EncodeRune(r); !ok {
					return '?'
				}
				return r
			}, s)
			b, err := c.cm.NewEncoder().Bytes([]byte(want))
			if err != nil {
				t.Fatal(err)
			}
			got, cs, err := source.Decode(b)
			if err != nil {
				t.Errorf("%s: %v", c.cs, err)
				continue
			}
			if cs == c.cs {
				right++
			}
			if got == want {
				exact++
			}
		}
		t.Logf("%s: %d/%d detected, %d/%d decoded exactly", c.cs, right, len(texts), exact, len(texts))
		if right*100 < len(texts)*c.min {
			t.Errorf("%s: only %d of %d detected", c.cs, right, len(texts))
		}
	}
}
