// Package indexer owns the bleve index: its mapping, the conversion of
// corpus documents into index records, and the build that writes a new
// index beside the live one and renames it into place.
//
// One index document per corpus document (one published page). Its
// paragraphs are an array, so a match's array position names the paragraph
// it matched, and phrases never run across two paragraphs.
//
// Field schema (static mapping; no dynamic fields, no _all):
//
//	field              source                       analyzer        stored  positions  docvalues
//	text               paragraph texts (array)      inquiry_text    no      yes        no
//	text_exact         paragraph texts (array)      inquiry_exact   no      yes        no
//	title              heading, report, subtitle    inquiry_text    no      yes        no
//	title_exact        heading, report, subtitle    inquiry_exact   no      yes        no
//	headings           sub-heading paragraphs       inquiry_text    no      yes        no
//	refs               per paragraph: URN terms     identifier      no      yes        no
//	ciphers            per paragraph: cipher codes  identifier      no      yes        no
//	published          publication date             datetime        no      -          yes
//	investigation      investigation name           keyword         no      no         yes
//	type               document type                keyword         no      no         yes
//	year               publication year             keyword         no      no         yes
//	place              places named (array)         keyword         no      no         yes
//	institution        institutions named (array)   keyword         no      no         yes
//	investigation_key  lower-cased investigation    keyword_lower   no      no         no
//	place_key          lower-cased places           keyword_lower   no      no         no
//	institution_key    lower-cased institutions     keyword_lower   no      no         no
//	source             the whole document as JSON   (not indexed)   yes     -          -
//
// inquiry_text folds curly apostrophes, strips possessives, lower-cases,
// drops English stop words and applies the Porter stemmer: it serves recall.
// inquiry_exact folds apostrophes and lower-cases only, keeping every word
// unstemmed: quoted phrases match it exactly. Facets read the keyword
// fields; filters typed by people use the lower-cased *_key copies.
//
// refs and ciphers are arrays aligned with text, so that their array
// positions also name paragraphs. Element i of refs holds the evidence
// references paragraph i cites (through its footnotes, or in its own
// text), each under its own lower-cased term, its document's (hom003339
// for HOM003339_078) and every page of a page range (HOM003339_078_093
// also gives hom003339_078 ... hom003339_093). Element i of ciphers holds
// the cipher codes paragraph i names ("fo-a3"). The identifier analyzer
// splits on spaces only, so each identifier stays one whole term; the
// unicode tokenizer of the text fields would split "FO-A3" in two.
//
// The index also keeps, under internal keys, its Meta (corpus digest,
// build time, counts, SchemaVersion) and a lexicon of completions for the
// search box: titles, places, institutions, frequent phrases and words,
// each with the number of documents holding it. An index of an older
// schema opens as ErrNoIndex, so that it is rebuilt.
//
// Snippets and paragraph citations are cut from the stored source using the
// byte offsets and array positions of term locations, so no text is stored
// twice.
//
// Build writes into "<dir>.building" with bleve's offline builder (every
// core maps and analyses documents, one goroutine builds a segment of each
// 1,000, and the segments are merged once, into one) and renames it to
// dir (moving the old index to "<dir>.old" meanwhile); Open restores
// "<dir>.old" if a crash left no index at dir. An index is safe for
// concurrent searches.
package indexer
