package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// bodyPhraseQuery finds a phrase of exact terms in the body, scored as
// bleve's phrase query scores it, but checked more cheaply. bleve's phrase
// searcher has every term searcher gather its locations into the match,
// merges them into maps and walks paths through them; for two words that
// are each in most documents ("is families") that bookkeeping, not reading
// the positions, was most of the search. Here the terms' searchers only
// find and score the documents holding them all, and the positions are read
// beside them, into reused buffers, and matched as sorted keys.
//
// Searches that want locations (a page's highlights) or explanations get
// bleve's own phrase searcher, so that those stay exactly bleve's.
type bodyPhraseQuery struct {
	terms []string // by position from the first; "" leaves one free
	field string
	exact query.Query // bleve's phrase query for the same terms
}

func NewBodyPhrase(terms []string, field string) query.Query {
	exact := GuardRepeats(bleve.NewPhraseQuery(terms, field), terms)
	return bodyPhraseQuery{terms: terms, field: field, exact: exact}
}

// MarshalJSON writes the query as bleve's phrase query.
func (q bodyPhraseQuery) MarshalJSON() ([]byte, error) {
	return json.Marshal(q.exact)
}

func (q bodyPhraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if o.IncludeTermVectors || o.Explain {
		return q.exact.Searcher(ctx, r, m, o)
	}
	s := &bodyPhraseSearcher{}
	var subs []bsearch.Searcher
	first := slices.IndexFunc(q.terms, func(t string) bool { return t != "" })
	if first < 0 {
		// Only free places: bleve's phrase searcher finds nothing.
		return searcher.NewMatchNoneSearcher(r)
	}
	fail := func(err error) (bsearch.Searcher, error) {
		for _, sub := range subs {
			_ = sub.Close()
		}
		for _, a := range s.at {
			_ = a.tfr.Close()
		}
		return nil, fmt.Errorf("phrase %q: %w", q.terms, err)
	}
	// Free places before the first term constrain nothing, as in bleve:
	// places count from the first term.
	for off, t := range q.terms[first:] {
		if t == "" {
			continue
		}
		// One searcher per position, a repeated term included, and boost
		// 1: the phrase searcher's own terms, so the same scores. (The
		// phrases given here have no boost and no fuzziness.)
		ts, err := searcher.NewTermSearcher(ctx, r, t, q.field, 1.0, o)
		if err != nil {
			return fail(err)
		}
		subs = append(subs, ts)
		tfr, err := r.TermFieldReader(ctx, []byte(t), q.field, false, false, true)
		if err != nil {
			return fail(err)
		}
		s.at = append(s.at, termAt{off: uint64(off), tfr: tfr, buf: &index.TermFieldDoc{}})
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, subs, o)
	if err != nil {
		return fail(err)
	}
	s.conj = conj
	// The phrase searcher's query norm, set on its conjunction the same way.
	conj.SetQueryNorm(1.0 / math.Sqrt(conj.Weight()))
	return s, nil
}

// Validate refuses a phrase with no terms, as bleve's does.
func (q bodyPhraseQuery) Validate() error {
	if v, ok := q.exact.(query.ValidatableQuery); ok {
		return v.Validate()
	}
	return nil
}

// termAt is one term of a phrase: where in the phrase it stands, and a
// reader of its positions.
type termAt struct {
	off uint64
	tfr index.TermFieldReader
	buf *index.TermFieldDoc
	cur *index.TermFieldDoc // the document tfr is on, nil before the first
}

type bodyPhraseSearcher struct {
	conj       bsearch.Searcher
	at         []termAt
	keys, next []uint64
	// done is set once the terms have no more documents: asked again, the
	// conjunction would move its readers back to the start, where bleve's
	// phrase searcher stays at the end.
	done bool
}

func (s *bodyPhraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	dm, err := s.conj.Next(ctx)
	return s.firstPhrase(ctx, dm, err)
}

func (s *bodyPhraseSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	dm, err := s.conj.Advance(ctx, id)
	return s.firstPhrase(ctx, dm, err)
}

// firstPhrase returns dm if it holds the phrase, otherwise the next
// document holding all the terms that does.
func (s *bodyPhraseSearcher) firstPhrase(ctx *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for err == nil && dm != nil {
		var ok bool
		if ok, err = s.holds(dm.IndexInternalID); err != nil || ok {
			break
		}
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.conj.Next(ctx)
	}
	if err != nil {
		return nil, err
	}
	s.done = dm == nil
	return dm, nil
}

// holds reports whether document id, which holds every term, holds them
// in sequence within one paragraph. Each term's positions become keys of
// the phrase's start (paragraph, position less the term's place in the
// phrase), and the phrase is there when every term shares a key.
func (s *bodyPhraseSearcher) holds(id index.IndexInternalID) (bool, error) {
	for i := range s.at {
		a := &s.at[i]
		// A reader moved back starts again from the beginning: move only
		// forward, as the conjunction does.
		if a.cur == nil || a.cur.ID.Compare(id) < 0 {
			tfd, err := a.tfr.Advance(id, a.buf)
			if err != nil {
				return false, err
			}
			a.cur = tfd
		}
		if a.cur == nil || !a.cur.ID.Equals(id) {
			return false, nil
		}
		keys, err := phraseKeys(s.next[:0], a)
		if err != nil {
			return false, err
		}
		s.next = keys
		if i == 0 {
			s.keys, s.next = s.next, s.keys
		} else {
			s.keys = intersectSorted(s.keys, s.next)
		}
		if len(s.keys) == 0 {
			return false, nil
		}
	}
	return true, nil
}

// phraseKeys appends to dst, sorted, the phrase starts a's positions in
// the current document allow.
func phraseKeys(dst []uint64, a *termAt) ([]uint64, error) {
	for _, v := range a.cur.Vectors {
		var para uint64
		switch len(v.ArrayPositions) {
		case 0:
		case 1:
			para = v.ArrayPositions[0]
		default:
			return nil, fmt.Errorf("phrase: a field nested %d arrays deep", len(v.ArrayPositions))
		}
		if v.Pos < a.off || para > math.MaxUint32 || v.Pos-a.off > math.MaxUint32 {
			continue
		}
		dst = append(dst, para<<32|(v.Pos-a.off))
	}
	slices.Sort(dst)
	return dst, nil
}

// intersectSorted keeps in a, in place, the keys also in b.
func intersectSorted(a, b []uint64) []uint64 {
	out := a[:0]
	j := 0
	for _, k := range a {
		for j < len(b) && b[j] < k {
			j++
		}
		if j < len(b) && b[j] == k {
			out = append(out, k)
		}
	}
	return out
}

func (s *bodyPhraseSearcher) Weight() float64            { return s.conj.Weight() }
func (s *bodyPhraseSearcher) SetQueryNorm(qnorm float64) { s.conj.SetQueryNorm(qnorm) }
func (s *bodyPhraseSearcher) Count() uint64              { return s.conj.Count() }
func (s *bodyPhraseSearcher) Min() int                   { return 0 }
func (s *bodyPhraseSearcher) Size() int                  { return s.conj.Size() }
func (s *bodyPhraseSearcher) DocumentMatchPoolSize() int {
	return s.conj.DocumentMatchPoolSize()
}

func (s *bodyPhraseSearcher) Close() error {
	err := s.conj.Close()
	for _, a := range s.at {
		if cerr := a.tfr.Close(); err == nil {
			err = cerr
		}
	}
	return err
}
