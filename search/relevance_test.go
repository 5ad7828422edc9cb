package search

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// The relevance set (testdata/relevance.json) holds judged queries over
// the sample corpus, in the data-driven style of bleve's own tests: each
// names the documents, and within them the paragraphs, that must be found
// in the first ten results, and the document that should rank first. A
// query reported as wrong becomes an entry here first, then gets fixed.

// Thresholds the relevance set must meet.
const (
	minRecallAt10 = 0.95
	minMRR        = 0.85
)

type judgement struct {
	Name    string  `json:"name"`
	Query   string  `json:"query"`
	Filters Filters `json:"filters,omitempty"`
	From    string  `json:"from,omitempty"`
	To      string  `json:"to,omitempty"`
	// FollowDidYouMean judges the corrected query the search offers, as a
	// person clicking "did you mean" would see it (or the query itself, if
	// stemming already finds what the misspelling meant).
	FollowDidYouMean bool `json:"follow_did_you_mean,omitempty"`
	Want             []struct {
		Doc        string   `json:"doc"` // the end of the document's canonical URL
		Paragraphs []string `json:"paragraphs,omitempty"`
	} `json:"want"`
	First string `json:"first,omitempty"`
}

func loadJudgements(t *testing.T) []judgement {
	t.Helper()
	b, err := os.ReadFile("testdata/relevance.json")
	if err != nil {
		t.Fatal(err)
	}
	var js []judgement
	if err := json.Unmarshal(b, &js); err != nil {
		t.Fatal(err)
	}
	return js
}

// citedAmong reports whether a hit whose URL ends with doc cites
// paragraph p. Several hits share one URL where a transcript is found as
// the testimony of each of its speakers.
func citedAmong(hits []Hit, doc, p string) bool {
	for _, h := range hits {
		if strings.HasSuffix(h.URL, "/"+doc) && citesLabel(h.Paragraphs, p) {
			return true
		}
	}
	return false
}

// rankOf returns the 1-based rank of the hit whose URL ends with doc, or 0.
func rankOf(hits []Hit, doc string) int {
	for i, h := range hits {
		if strings.HasSuffix(h.URL, "/"+doc) {
			return i + 1
		}
	}
	return 0
}

// TestRelevance computes recall@10 (of the judged documents and
// paragraphs, the share found in the first ten results) and MRR (the mean
// reciprocal rank of the document that should come first) and fails below
// the thresholds. Run with -v to see the figures.
func TestRelevance(t *testing.T) {
	t.Parallel()
	recall, mrr := relevanceOf(t, testSearcher)
	if recall < minRecallAt10 {
		t.Errorf("recall@10 %.3f is below %.2f", recall, minRecallAt10)
	}
	if mrr < minMRR {
		t.Errorf("MRR %.3f is below %.2f", mrr, minMRR)
	}
}

// relevanceOf runs the relevance set against s and returns recall@10 and
// MRR, logging each miss.
func relevanceOf(t *testing.T, s *Searcher) (recall, mrr float64) {
	t.Helper()
	js := loadJudgements(t)
	if len(js) < 40 {
		t.Errorf("the relevance set has %d queries; it needs at least 40", len(js))
	}
	search := func(r Request) *Result {
		res, err := s.Search(context.Background(), r)
		if err != nil {
			t.Fatalf("Search(%+v): %v", r, err)
		}
		return res
	}
	var items, found, firsts int
	var rr float64
	for _, j := range js {
		req := Request{Query: j.Query, Filters: j.Filters, From: j.From, To: j.To, Size: 10}
		res := search(req)
		if j.FollowDidYouMean {
			switch {
			case res.DidYouMean != "":
				req.Query = res.DidYouMean
				res = search(req)
			case res.Total == 0:
				t.Errorf("%s: %q finds nothing and offers no correction", j.Name, j.Query)
			}
		}
		for _, w := range j.Want {
			if docByURL(w.Doc) == nil {
				t.Fatalf("%s: no document at %s", j.Name, w.Doc)
			}
			r := rankOf(res.Hits, w.Doc)
			need := max(len(w.Paragraphs), 1)
			items += need
			if r == 0 {
				t.Logf("MISS %s: %q did not find %s in its first ten", j.Name, req.Query, w.Doc)
				continue
			}
			if len(w.Paragraphs) == 0 {
				found++
			}
			for _, p := range w.Paragraphs {
				if citedAmong(res.Hits, w.Doc, p) {
					found++
				} else {
					t.Logf("MISS %s: %q found %s without ¶%s (cited %v)", j.Name, req.Query, w.Doc, p, res.Hits[r-1].Paragraphs)
				}
			}
		}
		if j.First != "" {
			firsts++
			if r := rankOf(res.Hits, j.First); r > 0 {
				rr += 1 / float64(r)
				if r > 1 {
					t.Logf("RANK %s: %q ranks %s at %d", j.Name, req.Query, j.First, r)
				}
			} else {
				t.Logf("RANK %s: %q does not rank %s in its first ten", j.Name, req.Query, j.First)
			}
		}
	}
	recall = float64(found) / float64(items)
	mrr = rr / float64(firsts)
	t.Logf("relevance: %d queries, recall@10 %.3f (%d of %d judged documents and paragraphs), MRR %.3f (over %d queries with a first)",
		len(js), recall, found, items, mrr, firsts)
	return recall, mrr
}

func docByURL(suffix string) *corpus.Document {
	for _, d := range testDocs {
		if strings.HasSuffix(d.URL, "/"+suffix) {
			return d
		}
	}
	return nil
}
