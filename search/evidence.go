package search

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// MaxEvidenceDocuments bounds the pages one evidence lookup reads.
const MaxEvidenceDocuments = 2000

// urnPrefix is a reference cut short: three letters and at least three
// digits ("HOM003" finds every reference of HOM003000 to HOM003999).
var urnPrefix = regexp.MustCompile(`^[a-z]{3}\d{3,6}(_\d{1,3})?$`)

// Evidence returns the paragraphs that cite urn: a whole reference finds
// its own citations, the pages of its document (HOM003339 finds
// HOM003339_078) and ranges that hold it; a shorter one finds every
// reference it begins. Recommendation documents, which repeat report
// paragraphs, are left out. Errors wrap ErrInvalidQuery or ErrUnavailable.
func (s *Searcher) Evidence(ctx context.Context, urn string) (*Evidence, error) {
	term := strings.ToLower(strings.TrimSpace(urn))
	out := &Evidence{URN: strings.ToUpper(term), Paragraphs: []EvidenceParagraph{}, IndexVersion: s.meta.Version}
	var q query.Query
	switch {
	case corpus.URNTerms(term) != nil:
		tq := bleve.NewTermQuery(term)
		tq.SetField(indexer.FieldRefs)
		q = tq
	case urnPrefix.MatchString(term):
		if err := s.checkPrefix(ctx, term); err != nil {
			return nil, err
		}
		pq := bleve.NewPrefixQuery(term)
		pq.SetField(indexer.FieldRefs)
		q, out.Prefix = pq, true
	default:
		return nil, invalidf(fmt.Sprintf("%q is not an evidence reference: want three letters and six digits, with optional page parts (HOM003339_078), or its first three letters and three or more digits", urn))
	}
	req := bleve.NewSearchRequestOptions(restrict(q, nil, false, false), MaxEvidenceDocuments, 0, false)
	req.Fields = []string{indexer.FieldSource}
	req.IncludeLocations = true
	req.SortByCustom(sortOrder(SortOldest))
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	for _, h := range res.Hits {
		doc, err := sourceOf(h)
		if err != nil {
			return nil, err
		}
		paras := map[int]bool{}
		for _, locs := range h.Locations[indexer.FieldRefs] {
			for _, l := range locs {
				if len(l.ArrayPositions) > 0 && int(l.ArrayPositions[0]) < len(doc.Paragraphs) {
					paras[int(l.ArrayPositions[0])] = true
				}
			}
		}
		urns := corpus.ParagraphURNs(doc)
		indices := make([]int, 0, len(paras))
		for i := range paras {
			indices = append(indices, i)
		}
		sort.Ints(indices)
		for _, i := range indices {
			out.Paragraphs = append(out.Paragraphs, evidenceParagraph(doc, i, urns[i]))
		}
		if len(indices) > 0 {
			out.Documents++
		}
	}
	out.Total = len(out.Paragraphs)
	return out, nil
}

// checkPrefix refuses a reference prefix that stands for more references
// than one search may expand to.
func (s *Searcher) checkPrefix(ctx context.Context, prefix string) error {
	r, err := engine.Open(s.idx)
	if err != nil {
		return unavailable(ctx, err)
	}
	defer r.Close()
	n, err := r.PrefixTerms(indexer.FieldRefs, prefix, s.tune.MaxPrefixTerms)
	if err != nil {
		return unavailable(ctx, err)
	}
	if n > s.tune.MaxPrefixTerms {
		return invalidf(fmt.Sprintf("%q begins more than %d references: type more of it", strings.ToUpper(prefix), s.tune.MaxPrefixTerms))
	}
	return nil
}

func evidenceParagraph(d *corpus.Document, i int, urns []string) EvidenceParagraph {
	p := d.Paragraphs[i]
	if urns == nil {
		urns = []string{}
	}
	return EvidenceParagraph{
		DocumentID: d.ID, Title: d.Title, Report: d.Report, Investigation: d.Investigation,
		Type: string(d.Type), Published: d.Published, Paragraph: p.Number, Text: p.Text,
		References: urns, Citation: searchapi.Cite(d, p.Number),
	}
}
