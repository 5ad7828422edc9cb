package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Recommendation is what a recommendation document holds beyond an
// ordinary document: its number and title as the report prints them, the
// institutions it is addressed to, and where it sits in its page.
type Recommendation struct {
	Number     int      `json:"number"`
	Title      string   `json:"title"`
	Recipients []string `json:"recipients"`
	DocumentID string   `json:"document_id"` // the report page it is taken from
	PageTitle  string   `json:"page_title"`  // that page's title
	Paragraph  string   `json:"paragraph"`   // the number of its heading paragraph there
}

// RecommendationDocument is a recommendation as the index stores it: a
// document of type recommendation, with its Recommendation beside it.
type RecommendationDocument struct {
	corpus.Document
	Recommendation Recommendation `json:"recommendation"`
}

// recommendationHeading matches the heading that opens a recommendation
// block: "Recommendation 4: Title" (some reports use a full stop or a dash).
var recommendationHeading = regexp.MustCompile(`^Recommendation\s+(\d{1,3})\s*[:.\x{2013}\x{2014}-]\s*(.+)$`)

// Recommendations derives one document of type recommendation from every
// "Recommendation N: Title" block of docs: the heading and the paragraphs
// under it, up to the next heading. Recommendation documents themselves are
// skipped, so deriving twice adds nothing.
func Recommendations(docs []*corpus.Document) ([]*RecommendationDocument, error) {
	rs, err := loadRecipients()
	if err != nil {
		return nil, err
	}
	var out []*RecommendationDocument
	for _, d := range docs {
		if d.Type == corpus.TypeRecommendation {
			continue
		}
		out = append(out, recommendationsOf(d, rs)...)
	}
	return out, nil
}

func recommendationsOf(d *corpus.Document, rs *recipients) []*RecommendationDocument {
	var out []*RecommendationDocument
	for i := 0; i < len(d.Paragraphs); i++ {
		h := d.Paragraphs[i]
		m := recommendationHeading.FindStringSubmatch(strings.TrimSpace(h.Text))
		if !h.Heading || m == nil {
			continue
		}
		end := i + 1
		for end < len(d.Paragraphs) && !d.Paragraphs[end].Heading {
			end++
		}
		n, _ := strconv.Atoi(m[1])
		block := append([]corpus.Paragraph(nil), d.Paragraphs[i:end]...)
		out = append(out, newRecommendation(d, n, strings.TrimSpace(m[2]), h.Number, block, rs))
		i = end - 1
	}
	return out
}

func newRecommendation(d *corpus.Document, n int, title, anchor string, block []corpus.Paragraph, rs *recipients) *RecommendationDocument {
	key := d.URL + "#recommendation-" + strconv.Itoa(n)
	r := &RecommendationDocument{
		Document: corpus.Document{
			ID: corpus.IDFor(key), URL: d.URL, Title: "Recommendation " + strconv.Itoa(n) + ": " + title,
			Report: d.Report, Subtitle: d.Subtitle, Investigation: d.Investigation, Type: corpus.TypeRecommendation,
			Section: d.Section, Heading: d.Heading, Published: d.Published, Paragraphs: block,
		},
		Recommendation: Recommendation{Number: n, Title: title, DocumentID: d.ID, PageTitle: d.Title, Paragraph: anchor},
	}
	cited := map[int]bool{}
	var texts []string
	for _, p := range block {
		for _, f := range p.Footnotes {
			cited[f] = true
		}
		texts = append(texts, p.Text)
	}
	for _, f := range d.Footnotes {
		if cited[f.Number] {
			r.Footnotes = append(r.Footnotes, f)
		}
	}
	all := strings.Join(texts, "\n")
	for _, p := range d.Places {
		if strings.Contains(all, p) {
			r.Places = append(r.Places, p)
		}
	}
	r.Recommendation.Recipients = addressees(block, rs)
	r.Institutions = r.Recommendation.Recipients
	sum := sha256.Sum256([]byte(key + "\n" + all))
	r.ContentHash = hex.EncodeToString(sum[:8])
	return r
}
