package engine

import (
	"context"
	"fmt"
)

// MostFrequent returns the term of field that keep accepts and that the
// most documents hold (the first in term order of equals), reading the
// field's dictionary once: its entries' counts are documents, as the
// postings count them. It returns "" when no term is accepted.
func (s *Snapshot) MostFrequent(ctx context.Context, field string, keep func(term string) bool) (string, uint64, error) {
	dict, err := s.r.FieldDict(field)
	if err != nil {
		return "", 0, fmt.Errorf("terms of %s: %w", field, err)
	}
	defer dict.Close()
	best, most := "", uint64(0)
	for n := 0; ; n++ {
		e, err := dict.Next()
		if err != nil {
			return "", 0, fmt.Errorf("terms of %s: %w", field, err)
		}
		if e == nil {
			return best, most, nil
		}
		if n%256 == 0 && ctx.Err() != nil {
			return "", 0, ctx.Err()
		}
		if e.Count > most && keep(e.Term) {
			best, most = e.Term, e.Count
		}
	}
}
