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
// Snippets and paragraph citations are cut from the stored source using the
// byte offsets and array positions of term locations, so no text is stored
// twice. The index keeps a Meta (corpus digest, build time, counts) under an
// internal key.
//
// Build writes into "<dir>.building" and renames it to dir (moving the old
// index to "<dir>.old" meanwhile); Open restores "<dir>.old" if a crash
// left no index at dir. An index is safe for concurrent searches.
package indexer
