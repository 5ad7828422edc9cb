package crawl

import (
	"fmt"
	"mime"
	"net/http"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/extract"
)

// extractResponse turns a fetched or archived body into a document by its
// content type, and names the format its raw bytes are kept in. Types it
// cannot read fail with ErrContentType (class content_type).
func extractResponse(gaz *corpus.Gazetteer, pageURL string, header http.Header, body []byte) (*corpus.Document, string, error) {
	mt, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	switch mt {
	case "text/html", "application/xhtml+xml":
		doc, err := extract.Extract(extract.StripArchiveChrome(body), pageURL, gaz)
		if err != nil {
			return nil, "", fetchErr("extract", 0, err)
		}
		return doc, "html", nil
	case "application/pdf":
		doc, err := extract.ExtractPDF(body, pageURL, gaz)
		if err != nil {
			return nil, "", fetchErr("extract", 0, err)
		}
		return doc, "pdf", nil
	case "text/plain":
		doc, err := extract.ExtractText(body, pageURL, gaz)
		if err != nil {
			return nil, "", fetchErr("extract", 0, err)
		}
		return doc, "txt", nil
	}
	return nil, "", fetchErr("content_type", 0, fmt.Errorf("%w: %q", ErrContentType, mt))
}
