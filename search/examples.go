package search

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// lazyExamples holds a Searcher's examples, read on first use: a served
// index never changes.
type lazyExamples struct {
	mu sync.Mutex
	ex *searchapi.Examples
}

// Examples returns searches taken from the index that find something in
// it: its most cited evidence reference, its commonest cipher, phrase,
// witness and place. They are read once, from the identifier fields'
// dictionaries, the suggestion lexicon and the empty search's facets.
// Errors wrap ErrUnavailable; a failed read is tried again next time.
func (s *Searcher) Examples(ctx context.Context) (*searchapi.Examples, error) {
	s.examples.mu.Lock()
	defer s.examples.mu.Unlock()
	if s.examples.ex != nil {
		return s.examples.ex, nil
	}
	ex, err := s.readExamples(ctx)
	if err != nil {
		return nil, err
	}
	s.examples.ex = ex
	return ex, nil
}

func (s *Searcher) readExamples(ctx context.Context) (*searchapi.Examples, error) {
	ex := &searchapi.Examples{}
	r, err := engine.Open(s.idx)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	defer r.Close()
	// A page reference ("hom003339_078") is one term among its document's
	// and range's; the page term is the one a reader would copy.
	ref, _, err := r.MostFrequent(ctx, indexer.FieldRefs, func(t string) bool {
		return strings.Count(t, "_") == 1 && len(corpus.URNTerms(t)) == 2
	})
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	if ref != "" {
		ex.Reference = strings.ToUpper(ref)
		ex.Document, _, _ = strings.Cut(ex.Reference, "_")
	}
	cipher, _, err := r.MostFrequent(ctx, indexer.FieldCiphers, func(string) bool { return true })
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	ex.Cipher = strings.ToUpper(cipher)
	if sg, err := s.suggester.get(ctx); err == nil && sg.err == nil {
		best := -1
		for _, e := range sg.entries {
			if e.Kind == indexer.KindPhrase && e.Weight > best {
				ex.Phrase, best = e.Text, e.Weight
			}
		}
	}
	empty, err := s.empty.get(ctx, s, Request{}, time.Now())
	if err != nil {
		return nil, err
	}
	if places := empty.Facets["place"]; len(places) > 0 {
		ex.Place = places[0].Value
	}
	witnesses, err := s.Search(ctx, Request{Query: "role:witness", Size: 1})
	if err != nil {
		return nil, err
	}
	if sp := witnesses.Facets["speaker"]; len(sp) > 0 {
		ex.Witness = sp[0].Value
	}
	return ex, nil
}
