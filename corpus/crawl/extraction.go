package crawl

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// ExtractionFile is the name, in the corpus directory, of the summary of
// how the corpus's pages were read.
const ExtractionFile = "extraction.json"

// SummariseExtraction sums the extraction records of every stored
// document and keeps the summary as extraction.json.
func (s *Store) SummariseExtraction() (*corpus.ExtractionSummary, error) {
	docs, err := s.Documents()
	if err != nil {
		return nil, err
	}
	sum := corpus.SummariseExtraction(docs)
	if err := s.PutExtraction(sum); err != nil {
		return nil, err
	}
	return sum, nil
}

// PutExtraction keeps an extraction summary as extraction.json.
func (s *Store) PutExtraction(sum *corpus.ExtractionSummary) error {
	b, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return fmt.Errorf("put extraction summary: %w", err)
	}
	return writeFileAtomic(filepath.Join(s.dir, ExtractionFile), b)
}

// Extraction returns the last extraction summary, or ErrNotFound.
func (s *Store) Extraction() (*corpus.ExtractionSummary, error) {
	b, err := os.ReadFile(filepath.Join(s.dir, ExtractionFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("extraction summary: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("extraction summary: %w", err)
	}
	var sum corpus.ExtractionSummary
	if err := json.Unmarshal(b, &sum); err != nil {
		return nil, fmt.Errorf("extraction summary: %w", err)
	}
	return &sum, nil
}
