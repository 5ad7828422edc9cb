package search

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/numeric"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// Facet counts are not asked of bleve. bleve counts a facet by decoding
// each match's doc values, field by field: for a common word that was half
// of a search's time. A served index never changes, so every document's
// facet values are read once into a table by bleve's internal document
// number, and counting is an array walk in the ranking pass (rank.go), for
// searches and the recommendations list alike.

// facetTable holds every document's values of the facet fields.
type facetTable struct {
	fields map[string]int // field name -> column
	cols   []facetColumn
	// Every document's external id, in order, and each document number's
	// place in that order (noID for a deleted number). Equal scores are
	// ordered by id, and where every score ties (no words, only filters)
	// reading ids from the index was most of a search's time.
	ids    []string
	idRank []uint32
	// Every document's publication date in Unix nanoseconds, by number
	// (noDate for none), for the searches sorted by date.
	dates []int64
}

const noID = math.MaxUint32

// noDate is the date of a document without one; no real date is as early.
const noDate = math.MinInt64

// facetColumn is one field's values: document n holds the values numbered
// ords[starts[n]:starts[n+1]], named by values.
type facetColumn struct {
	values []string
	starts []uint32
	ords   []uint32
}

// tableFields are the fields the table holds: every facet a search or the
// recommendations list counts, and the split marker.
func tableFields() []string {
	var out []string
	for _, f := range Facets {
		out = append(out, searchFacets[f].field)
	}
	for _, f := range RecommendationFacets {
		if !slices.Contains(out, recFacets[f].field) {
			out = append(out, recFacets[f].field)
		}
	}
	// Whether any transcript is split into testimony: a search leaves
	// split transcripts out only when some are.
	return append(out, indexer.FieldSplit)
}

// holds reports whether some document has the value in the field; a
// field the table lacks holds anything, as far as the caller can tell.
func (t *facetTable) holds(field, value string) bool {
	col, ok := t.fields[field]
	return !ok || slices.Contains(t.cols[col].values, value)
}

// readFacetTable reads the facet fields' doc values of every document.
func readFacetTable(r *engine.Snapshot, fields []string) (*facetTable, error) {
	t := &facetTable{fields: map[string]int{}, cols: make([]facetColumn, len(fields))}
	ordOf := make([]map[string]uint32, len(fields))
	for i, f := range fields {
		t.fields[f] = i
		ordOf[i] = map[string]uint32{}
	}
	t.dates = []int64{}
	next := uint64(0) // the next document number without a row
	var cur uint64
	var byNum []string // external ids by document number
	doc := func(num uint64, id string) {
		cur = num
		// Numbers left out (deleted documents) get empty rows.
		for ; next <= cur; next++ {
			for i := range t.cols {
				t.cols[i].starts = append(t.cols[i].starts, uint32(len(t.cols[i].ords)))
			}
		}
		for uint64(len(byNum)) < cur {
			byNum = append(byNum, "")
		}
		byNum = append(byNum, id)
		for uint64(len(t.dates)) <= cur {
			t.dates = append(t.dates, noDate)
		}
	}
	visit := func(field string, term []byte) {
		if field == indexer.FieldPublished {
			// A date is indexed at several precisions; the full one
			// (shift 0) is the date, as bleve's date sort reads it.
			if ok, shift := numeric.ValidPrefixCodedTermBytes(term); ok && shift == 0 && t.dates[cur] == noDate {
				t.dates[cur], _ = numeric.PrefixCoded(term).Int64()
			}
			return
		}
		i, ok := t.fields[field]
		if !ok {
			return
		}
		c := &t.cols[i]
		o, ok := ordOf[i][string(term)]
		if !ok {
			o = uint32(len(c.values))
			ordOf[i][string(term)] = o
			c.values = append(c.values, string(term))
		}
		// A document's values of a field come together; skip repeats.
		if !slices.Contains(c.ords[c.starts[cur]:], o) {
			c.ords = append(c.ords, o)
		}
	}
	if err := r.EachDocument(append(slices.Clip(fields), indexer.FieldPublished), doc, visit); err != nil {
		return nil, fmt.Errorf("facet table: %w", err)
	}
	for i := range t.cols {
		t.cols[i].starts = append(t.cols[i].starts, uint32(len(t.cols[i].ords)))
	}
	t.orderIDs(byNum)
	return t, nil
}

// orderIDs sets ids and idRank from the external ids by document number
// ("" for a deleted one).
func (t *facetTable) orderIDs(byNum []string) {
	nums := make([]uint32, 0, len(byNum))
	for n, id := range byNum {
		if id != "" {
			nums = append(nums, uint32(n))
		}
	}
	slices.SortFunc(nums, func(a, b uint32) int { return strings.Compare(byNum[a], byNum[b]) })
	t.ids = make([]string, len(nums))
	t.idRank = make([]uint32, len(byNum))
	for i := range t.idRank {
		t.idRank[i] = noID
	}
	for i, n := range nums {
		t.ids[i] = byNum[n]
		t.idRank[n] = uint32(i)
	}
}

// date returns document number num's publication date, or noDate.
func (t *facetTable) date(num uint64) int64 {
	if num >= uint64(len(t.dates)) {
		return noDate
	}
	return t.dates[num]
}

// rankOf returns document number num's place in id order.
func (t *facetTable) rankOf(num uint64) (uint32, bool) {
	if num >= uint64(len(t.idRank)) || t.idRank[num] == noID {
		return 0, false
	}
	return t.idRank[num], true
}

// tableAndReader returns the facet table and a reader of the snapshot it
// describes, for a pass that walks matches and looks them up in the table.
// The caller closes the reader.
func (s *Searcher) tableAndReader() (*facetTable, *engine.Snapshot, error) {
	t, err := s.table()
	if err != nil {
		return nil, nil, err
	}
	r, err := engine.Open(s.idx)
	if err != nil {
		return nil, nil, err
	}
	return t, r, nil
}

// table returns the index's facet table, reading it on first use.
func (s *Searcher) table() (*facetTable, error) {
	s.facets.once.Do(func() {
		r, err := engine.Open(s.idx)
		if err != nil {
			s.facets.err = fmt.Errorf("facet table: %w", err)
			return
		}
		defer r.Close()
		s.facets.t, s.facets.err = readFacetTable(r, tableFields())
	})
	return s.facets.t, s.facets.err
}

// lazyTable is a Searcher's facet table, read once.
type lazyTable struct {
	once sync.Once
	t    *facetTable
	err  error
}

// docs is how many document numbers the table has rows for.
func (t *facetTable) docs() int {
	if len(t.cols) == 0 {
		return 0
	}
	return len(t.cols[0].starts) - 1
}

// facetCounter counts some facets' values over the documents it is given.
type facetCounter struct {
	facets []facetSpec
	cols   []*facetColumn
	counts [][]int
	err    error // a facet whose field the table lacks
}

func (t *facetTable) counter(facets []facetSpec) *facetCounter {
	c := &facetCounter{facets: facets, cols: make([]*facetColumn, len(facets)), counts: make([][]int, len(facets))}
	for i, f := range facets {
		col, ok := t.fields[f.field]
		if !ok {
			c.err = fmt.Errorf("facet %s: field %s is not in the facet table", f.name, f.field)
			return c
		}
		c.cols[i] = &t.cols[col]
		c.counts[i] = make([]int, len(c.cols[i].values))
	}
	return c
}

// addDoc counts the values of document number num.
func (c *facetCounter) addDoc(num uint64, n int) {
	for i, col := range c.cols {
		if num+1 < uint64(len(col.starts)) {
			for _, o := range col.ords[col.starts[num]:col.starts[num+1]] {
				c.counts[i][o] += n
			}
		}
	}
}

// add adds another counter's counts of the same facets.
func (c *facetCounter) add(o *facetCounter) {
	for i := range c.counts {
		for j, n := range o.counts[i] {
			c.counts[i][j] += n
		}
	}
}

// values returns each facet's top values in display order.
func (c *facetCounter) values() map[string][]FacetValue {
	out := make(map[string][]FacetValue, len(c.facets))
	for i, f := range c.facets {
		out[f.name] = topValues(f.name, c.cols[i].values, c.counts[i], f.size)
	}
	return out
}

// topValues returns the size values counted most (ties alphabetically, as
// bleve's facets break them), in the facet's display order.
func topValues(facet string, values []string, counts []int, size int) []FacetValue {
	out := []FacetValue{}
	for o, c := range counts {
		if c > 0 {
			out = append(out, FacetValue{Value: values[o], Count: c})
		}
	}
	slices.SortFunc(out, func(a, b FacetValue) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Value, b.Value))
	})
	return displayOrder(facet, out[:min(len(out), size)])
}
