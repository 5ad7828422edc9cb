package engine

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Snapshot reads one snapshot of an index: what the searcher's own passes
// need of bleve below its search API. It is for one goroutine at a time
// (each pass opens its own); Close releases it.
type Snapshot struct {
	r index.IndexReader
	m mapping.IndexMapping
}

// Open returns a reader of the index's current snapshot. A closed index
// gives bleve.ErrorIndexClosed: scorch hands back a nil snapshot rather
// than an error.
func Open(idx bleve.Index) (*Snapshot, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	if snap, ok := r.(*scorch.IndexSnapshot); r == nil || (ok && snap == nil) {
		return nil, bleve.ErrorIndexClosed
	}
	return &Snapshot{r: r, m: idx.Mapping()}, nil
}

// Close releases the snapshot.
func (s *Snapshot) Close() error { return s.r.Close() }

// DocCount returns how many documents the snapshot holds.
func (s *Snapshot) DocCount() (uint64, error) { return s.r.DocCount() }

// EachMatch walks the matches of q whose document numbers lie in [from,
// to), in order: see eachMatch.
func (s *Snapshot) EachMatch(ctx context.Context, q query.Query, scored bool, from, to uint64, visit func(num uint64, score float64) error) error {
	return eachMatch(ctx, s.r, s.m, q, scored, from, to, visit)
}

// ExternalID returns the id of document number num.
func (s *Snapshot) ExternalID(num uint64) (string, error) {
	return s.r.ExternalID(InternalID(num))
}

// Number returns the number of the live document whose id is id, and
// false when the snapshot holds none.
func (s *Snapshot) Number(id string) (uint64, bool, error) {
	iid, err := s.r.InternalID(id)
	if err != nil {
		return 0, false, fmt.Errorf("number of document %s: %w", id, err)
	}
	if len(iid) == 0 {
		return 0, false, nil
	}
	num, err := DocNumber(iid)
	if err != nil {
		return 0, false, fmt.Errorf("number of document %s: %w", id, err)
	}
	return num, true, nil
}

// EachDocument calls doc with the number and id of every live document,
// in number order, and then value with each of its values of the doc
// value fields named.
func (s *Snapshot) EachDocument(fields []string, doc func(num uint64, id string), value func(field string, term []byte)) error {
	dv, err := s.r.DocValueReader(fields)
	if err != nil {
		return err
	}
	all, err := s.r.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer all.Close()
	for {
		id, err := all.Next()
		if err != nil {
			return err
		}
		if id == nil {
			return nil
		}
		num, err := DocNumber(id)
		if err != nil {
			return err
		}
		ext, err := s.r.ExternalID(id)
		if err != nil {
			return err
		}
		doc(num, ext)
		if err := dv.VisitDocValues(id, value); err != nil {
			return err
		}
	}
}

// DocFreq returns how many documents hold term in field.
func (s *Snapshot) DocFreq(ctx context.Context, field, term string) (uint64, error) {
	tfr, err := s.r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// Neighbour is a term of the index near a word typed.
type Neighbour struct {
	Term  string
	Edits int    // edits from the word, as the fuzzy dictionary counts them
	Docs  uint64 // documents holding the term
}

// Neighbours returns the terms of field that begin with prefix ("" for
// any) and lie within fuzziness edits of word that keep accepts, with the
// edit distance bleve's Levenshtein automaton found and the number of
// documents holding each. The fuzzy dictionary of
// bleve v2.6.3 leaves its entries' counts at 0, so each is counted from
// the term's postings.
func (s *Snapshot) Neighbours(ctx context.Context, field, word, prefix string, fuzziness int, keep func(term string) bool) ([]Neighbour, error) {
	fr, ok := s.r.(index.IndexReaderFuzzy)
	if !ok {
		return nil, fmt.Errorf("neighbours of %q: the index has no fuzzy dictionary", word)
	}
	dict, err := fr.FieldDictFuzzy(field, word, fuzziness, prefix)
	if err != nil {
		return nil, fmt.Errorf("neighbours of %q: %w", word, err)
	}
	defer dict.Close()
	var out []Neighbour
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("neighbours of %q: %w", word, err)
		}
		if e == nil {
			return out, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !keep(e.Term) {
			continue
		}
		docs, err := s.DocFreq(ctx, field, e.Term)
		if err != nil {
			return nil, fmt.Errorf("neighbours of %q: %w", word, err)
		}
		out = append(out, Neighbour{Term: e.Term, Edits: int(e.EditDistance), Docs: docs})
	}
}

// PrefixTerms returns how many terms of field begin with prefix, counting
// no further than limit+1: enough to tell a prefix too wide to search.
// bleve's own cap on the terms a query expands to
// (searcher.DisjunctionMaxClauseCount) is a package global, so it is not
// set; a prefix is counted before it is searched instead.
func (s *Snapshot) PrefixTerms(field, prefix string, limit int) (int, error) {
	dict, err := s.r.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return 0, fmt.Errorf("terms beginning %q: %w", prefix, err)
	}
	defer dict.Close()
	n := 0
	for n <= limit {
		e, err := dict.Next()
		if err != nil {
			return 0, fmt.Errorf("terms beginning %q: %w", prefix, err)
		}
		if e == nil {
			break
		}
		n++
	}
	return n, nil
}
