package search

import (
	"context"
	"runtime"
	"slices"
	"testing"
)

func exportIDs(t *testing.T, r Request, limit int) ([]string, *ExportSummary) {
	t.Helper()
	var ids []string
	sum, err := testSearcher.Export(context.Background(), r, limit, nil, func(h Hit) error {
		ids = append(ids, h.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Export(%+v): %v", r, err)
	}
	return ids, sum
}

// pagedIDs reads every page of a search, as a person paging would.
func pagedIDs(t *testing.T, r Request) []string {
	t.Helper()
	var ids []string
	for page := 1; ; page++ {
		r.Page, r.Size = page, 7 // pages that do not line up with export batches
		res := mustSearch(t, r)
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < r.Size {
			return ids
		}
	}
}

func TestExportEqualsAllPages(t *testing.T) {
	t.Parallel()
	// The sample index is smaller than a batch; small batches make the
	// export continue after a hit of every kind: scored, dated, undated.
	defer func(b int) { exportBatch = b }(exportBatch)
	for _, exportBatch = range []int{exportBatch, 6} {
		for _, r := range []Request{
			{},
			{Query: "council"},
			{Query: "council", Sort: SortNewest},
			{Query: "council", Sort: SortOldest},
			{Query: "records OR police", Filters: Filters{FacetType: {"section"}}},
			{Query: "\"referral police\"~5"},
		} {
			got, sum := exportIDs(t, r, 0)
			want := pagedIDs(t, r)
			if !slices.Equal(got, want) || sum.Rows != len(want) || sum.Total != uint64(len(want)) || sum.Truncated {
				t.Errorf("batch %d, %+v: export %d ids %v, pages %d ids %v (summary %+v)", exportBatch, r, len(got), got, len(want), want, sum)
			}
		}
	}
	// The whole corpus, once each.
	got, _ := exportIDs(t, Request{}, 0)
	seen := map[string]bool{}
	for _, id := range got {
		if seen[id] {
			t.Errorf("%s exported twice", id)
		}
		seen[id] = true
	}
	if len(got) != len(testDocs) {
		t.Errorf("export of everything: %d rows, corpus has %d documents", len(got), len(testDocs))
	}
}

func TestExportCap(t *testing.T) {
	t.Parallel()
	got, sum := exportIDs(t, Request{}, 5)
	want := pagedIDs(t, Request{})[:5]
	if !slices.Equal(got, want) || !sum.Truncated || sum.Rows != 5 || sum.Total != uint64(len(testDocs)) {
		t.Errorf("capped export: %v (summary %+v), want %v", got, sum, want)
	}
}

// TestExportMemoryStaysFlat exports the whole corpus and checks that the
// live heap does not grow by more than a generous bound meanwhile: hits
// are read a batch at a time and emitted, not collected.
func TestExportMemoryStaysFlat(t *testing.T) {
	t.Parallel()
	var before, peak runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rows := 0
	_, err := testSearcher.Export(context.Background(), Request{}, 0, nil, func(h Hit) error {
		rows++
		if rows%25 == 0 {
			var m runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.HeapAlloc {
				peak = m
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	const bound = 64 << 20
	if peak.HeapAlloc > before.HeapAlloc+bound {
		t.Errorf("heap grew from %d to %d bytes during the export of %d rows", before.HeapAlloc, peak.HeapAlloc, rows)
	}
	t.Logf("%d rows; heap %d -> peak %d bytes", rows, before.HeapAlloc, peak.HeapAlloc)
}
