package server

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// quoteOp renders one step of a quotation's comparison. Each difference
// is marked by an element (ins, del) and by words a screen reader reads,
// not by colour alone; the text is escaped here, the one place a quote
// op becomes HTML.
func quoteOp(op searchapi.QuoteOp) template.HTML {
	e := template.HTMLEscapeString
	switch op.Op {
	case searchapi.OpSame:
		return template.HTML(e(op.Quote))
	case searchapi.OpAdded:
		return template.HTML(`<ins class="q-added"><span class="visually-hidden">[added: </span>` + e(op.Quote) + `<span class="visually-hidden">]</span></ins>`)
	case searchapi.OpDropped:
		return template.HTML(`<del class="q-dropped"><span class="visually-hidden">[left out: </span>` + e(op.Source) + `<span class="visually-hidden">]</span></del>`)
	case searchapi.OpChanged:
		return template.HTML(`<del class="q-dropped"><span class="visually-hidden">[the paragraph has: </span>` + e(op.Source) +
			`<span class="visually-hidden">]</span></del> <ins class="q-added"><span class="visually-hidden">[the quotation has: </span>` + e(op.Quote) + `<span class="visually-hidden">]</span></ins>`)
	case searchapi.OpElided:
		n := len(strings.Fields(op.Source))
		if n == 0 {
			return template.HTML(`<span class="q-elided">[…]</span>`)
		}
		return template.HTML(fmt.Sprintf(`<span class="q-elided" title="%s">[… %d word%s<span class="visually-hidden"> left out at the ellipsis: %s</span>]</span>`,
			e(op.Source), n, plural(n), e(op.Source)))
	case searchapi.OpBracketed:
		if op.Source == "" {
			return template.HTML(`<span class="q-bracketed">` + e(op.Quote) + `<span class="visually-hidden"> (the quotation's insertion)</span></span>`)
		}
		return template.HTML(`<span class="q-bracketed" title="in place of: ` + e(op.Source) + `">` + e(op.Quote) +
			`<span class="visually-hidden"> (in place of the paragraph's words: ` + e(op.Source) + `)</span></span>`)
	}
	return template.HTML(e(op.Quote))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// percent writes a score between 0 and 1 as a whole percentage.
func percent(f float64) string {
	return strconv.Itoa(int(f*100+0.5)) + "%"
}
