package server

import (
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// textPart is a run of a footnote's text; Ref is set when the run is an
// evidence reference, which the page links to the paragraphs citing it.
type textPart struct {
	Text, Ref string
}

type footnoteView struct {
	Number int
	Parts  []textPart
	// Unplaced lists references the extractor found but the text does not
	// spell the same way; they are linked after the text.
	Unplaced []string
}

// footnoteViews splits each footnote's text around its evidence
// references, so that each reference becomes a link where it stands.
func footnoteViews(fns []corpus.Footnote) []footnoteView {
	out := make([]footnoteView, 0, len(fns))
	for _, f := range fns {
		out = append(out, splitRefs(f))
	}
	return out
}

func splitRefs(f corpus.Footnote) footnoteView {
	v := footnoteView{Number: f.Number}
	placed := map[string]bool{}
	rest := f.Text
	for rest != "" {
		at, ref := -1, ""
		for _, r := range f.References {
			if i := strings.Index(rest, r); r != "" && i >= 0 && (at < 0 || i < at || (i == at && len(r) > len(ref))) {
				at, ref = i, r
			}
		}
		if at < 0 {
			v.Parts = append(v.Parts, textPart{Text: rest})
			break
		}
		if at > 0 {
			v.Parts = append(v.Parts, textPart{Text: rest[:at]})
		}
		v.Parts = append(v.Parts, textPart{Text: ref, Ref: ref})
		placed[ref] = true
		rest = rest[at+len(ref):]
	}
	for _, r := range f.References {
		if !placed[r] {
			v.Unplaced = append(v.Unplaced, r)
		}
	}
	return v
}
