// Package corpus owns the domain of Inquiry Search: the Document,
// Paragraph and Footnote types, canonical URLs and the ids made from them,
// evidence references, the gazetteer of places and institutions, and the
// investigations a page can belong to.
//
// Reading pages is corpus/extract's job; fetching and keeping them is
// corpus/crawl's; the embedded sample site is corpus/samplesite. Canonical
// gives every page one URL however the site or its web archive served it.
//
// The package imports no other package of this module.
package corpus
