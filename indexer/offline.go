package indexer

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// builderBatch is the most documents that go into one segment before it
// is written, and segmentParagraphs about how many paragraphs a segment
// should hold: a segment is built in memory, so documents of many
// paragraphs make fewer documents a segment (the generated corpus's
// reports of eleven paragraphs each, cut every 1,000 documents, peaked at
// 4.3 GB at 100,000 paragraphs where one-paragraph documents peaked at
// 1.3 GB). mergeFanIn is how many segments are merged at a time once
// every document is in: all of them, so that each document is merged
// once (bleve's default, 10 at a time, merged the 100 segments of a
// 100,000-document build twice over).
const (
	builderBatch      = 1000
	minBuilderBatch   = 50
	segmentParagraphs = 2000
	mergeFanIn        = 1 << 20
)

// segmentDocs is how many of docs go into one segment: builderBatch, or
// fewer when documents hold several paragraphs on average.
func segmentDocs(docs []*corpus.Document) int {
	paragraphs := 0
	for _, d := range docs {
		paragraphs += len(d.Paragraphs)
	}
	if len(docs) == 0 || paragraphs <= len(docs) {
		return builderBatch
	}
	perDoc := (paragraphs + len(docs) - 1) / len(docs)
	return max(minBuilderBatch, min(builderBatch, segmentParagraphs/perDoc))
}

// write builds a fresh index of docs at path with bleve's offline
// builder: it writes one segment per batch and merges them once at the
// end, where the online index persists and merges segments over and over
// as batches arrive. A build that fails leaves path for the caller to
// remove.
func write(ctx context.Context, path string, m *mapping.IndexMappingImpl, docs []*corpus.Document, log *slog.Logger) (*Meta, error) {
	batch := segmentDocs(docs)
	b, err := engine.NewBuilder(path, m, batch, mergeFanIn)
	if err != nil {
		return nil, err
	}
	meta, err := fill(ctx, b, batch, docs, log)
	if err == nil {
		meta.Recommendations, err = indexRecommendations(b, docs)
	}
	if err == nil {
		meta.Testimonies, err = indexTestimonies(b, docs)
	}
	if err != nil {
		return nil, err
	}
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("write the index: %w", err)
	}
	return meta, nil
}

// setInternals opens the finished index and keeps meta and the lexicon in
// it: the offline builder has no way to set internal values itself. A
// write the persister fails (a full disk) ends the wait with its error.
func setInternals(ctx context.Context, path string, meta *Meta, lex []Entry) error {
	forgetAsyncError(path)
	defer forgetAsyncError(path)
	idx, err := bleve.OpenUsing(path, map[string]any{"unsafe_batch": true, "asyncErrorCallbackName": asyncErrorCallback})
	if err != nil {
		return fmt.Errorf("open the new index: %w", err)
	}
	// One batch: each write of internal values persists a snapshot
	// holding all of them, the lexicon included.
	batch := idx.NewBatch()
	batch.SetInternal(lexiconKey, mustJSON(lex))
	batch.SetInternal(metaKey, mustJSON(meta))
	err = idx.Batch(batch)
	if err == nil {
		err = waitSteady(ctx, idx, path)
	}
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close the new index: %w", cerr)
	}
	return err
}

// fill maps and analyses docs from one goroutine per core and hands them
// to the builder from one more, which builds the segments meanwhile; at
// most a segment's batch of analysed documents wait for it.
func fill(ctx context.Context, b *engine.Builder, batch int, docs []*corpus.Document, log *slog.Logger) (*Meta, error) {
	meta := newMeta(docs)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	analysed := make(chan engine.Analysed, batch)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(docs) || ctx.Err() != nil {
					return
				}
				r, err := toRecord(docs[i])
				var a engine.Analysed
				if err == nil {
					a, err = b.Analyse(docs[i].ID, r)
				}
				if err != nil {
					cancel(fmt.Errorf("index %s: %w", docs[i].ID, err))
					return
				}
				select {
				case analysed <- a:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(analysed) }()
	added := 0
	for a := range analysed {
		if ctx.Err() != nil {
			continue // let the analysers see the end and close the channel
		}
		if err := b.Add(a); err != nil {
			cancel(err)
			continue
		}
		if added++; added%10000 == 0 {
			log.Debug("indexing", "documents", added)
		}
	}
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return meta, nil
}
