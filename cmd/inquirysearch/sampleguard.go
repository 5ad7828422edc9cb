package main

import (
	"fmt"
	"io"

	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// clearSample keeps the embedded sample's fictional pages out of real
// data. When the store holds any, it refuses what (a crawl of real seeds,
// an import of real pages) with crawl.ErrHoldsSample, or with replace
// removes them first. It returns how many pages it removed.
func clearSample(store *crawl.Store, root, what string, replace bool, stdout io.Writer) (int, error) {
	ids, err := store.SampleIDs()
	if err != nil {
		return 0, err
	}
	if len(ids) > 0 && !replace {
		return 0, fmt.Errorf("%w: %s holds %d fictional pages of the embedded sample site, and %s would mix them with real ones; "+
			"use another --data directory, or --replace-sample to remove the sample's pages first", crawl.ErrHoldsSample, root, len(ids), what)
	}
	for _, id := range ids {
		if err := store.Remove(id); err != nil {
			return 0, err
		}
	}
	if len(ids) > 0 {
		fmt.Fprintf(stdout, "Removed %d pages of the embedded sample site from %s.\n", len(ids), root)
	}
	return len(ids), nil
}
