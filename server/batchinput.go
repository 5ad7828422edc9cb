package server

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// readBatchTerms reads the terms of a batch search: one a line, or with
// asCSV the first cell of each CSV row (other columns, a spreadsheet's
// notes, are ignored), a first row headed "term" or "name" left out.
// Surrounding space, blank lines and repeated terms are left out, and a
// byte-order mark is allowed. Errors say what is wrong with the input:
// not UTF-8 text, malformed CSV, or more than searchapi.MaxBatchTerms
// terms.
func readBatchTerms(r io.Reader, asCSV bool) ([]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, errors.New("the list is not UTF-8 text: save it as UTF-8 (or CSV UTF-8) and try again")
	}
	var cells []string
	if asCSV {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		for row := 1; ; row++ {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("the CSV could not be read: %v", err)
			}
			if row == 1 && isHeader(rec[0]) {
				continue
			}
			cells = append(cells, rec[0])
		}
	} else {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 4096), len(data)+1)
		for sc.Scan() {
			cells = append(cells, sc.Text())
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("the list could not be read: %v", err)
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range cells {
		t := strings.TrimSpace(c)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		if len(out) == searchapi.MaxBatchTerms {
			return nil, fmt.Errorf("the list has more than %d terms: split it into batches of at most %d", searchapi.MaxBatchTerms, searchapi.MaxBatchTerms)
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, errors.New("the list has no terms: give one term or name a line")
	}
	return out, nil
}

func isHeader(cell string) bool {
	switch strings.ToLower(strings.TrimSpace(strings.TrimPrefix(cell, "\ufeff"))) {
	case "term", "terms", "name", "names":
		return true
	}
	return false
}
