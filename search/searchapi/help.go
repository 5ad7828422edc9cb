package searchapi

import (
	"fmt"
	"strings"
)

// HelpEntry is one line of the query syntax help: what to type, what it
// finds, and an example.
type HelpEntry struct {
	Syntax  string
	Meaning string
	Example string
	// From names the Examples field whose value, in the index being
	// searched, replaces the fixed example (see WithExamples).
	From string
}

// WithExamples returns the help entries with their examples taken from
// ex, where it has one of the entry's kind; the fixed examples are for
// where there is no index (the command line's help).
func WithExamples(entries []HelpEntry, ex *Examples) []HelpEntry {
	out := append([]HelpEntry(nil), entries...)
	if ex == nil {
		return out
	}
	for i, e := range out {
		switch {
		case e.From == "phrase" && ex.Phrase != "":
			out[i].Example = `"` + ex.Phrase + `"`
		case e.From == "reference" && ex.Reference != "":
			out[i].Example = ex.Reference
		case e.From == "document" && ex.Document != "":
			out[i].Example = "urn:" + ex.Document
		case e.From == "cipher" && ex.Cipher != "":
			out[i].Example = "cipher:" + ex.Cipher
		case e.From == "place" && ex.Place != "":
			out[i].Example = "place:" + quoteValue(ex.Place)
		case e.From == "witness" && ex.Witness != "":
			out[i].Example = "speaker:" + quoteValue(ex.Witness)
		}
	}
	return out
}

// quoteValue quotes a filter value that holds a space.
func quoteValue(v string) string {
	if strings.ContainsAny(v, " \t") {
		return `"` + v + `"`
	}
	return v
}

// Help is the query syntax, as the /help page and `inquirysearch search
// --help` show it. It is kept in one place so the two never disagree.
var Help = []HelpEntry{
	{"words", `every word must appear, stemmed ("records" also finds "recorded"); titles and headings count for more`, "council records", ""},
	{`"a phrase"`, "the exact words in this order, within one paragraph", `"record keeping"`, "phrase"},
	{`"a b"~N`, "the words within N positions of each other, in any order, within one paragraph: with two words, at most N-1 words between them; with more, at most N-1 other words among them", `"referral police"~5`, ""},
	{"para:(a b)", "every word, phrase or reference in the parentheses within one paragraph (never words that are only in different paragraphs of a page); results count the paragraphs that match, and the page and API also take scope=paragraph for the whole search. Words outside the parentheses may be anywhere in the page; -word and OR across the parentheses are refused", `para:(police council)`, ""},
	{"a OR b", "either term", "Wrenfield OR Larkspur", ""},
	{"-word", `leave out documents with the word (or -"a phrase")`, "records -police", ""},
	{"ACRONYM", "an acronym from the glossary also finds what it stands for, as a phrase, and a spelled-out phrase also finds its acronym; the results say what was added", "CSE", ""},
	{"=word", "exactly this word as typed, unstemmed and without glossary expansion (or =\"a phrase\"; the page and API also take expand=false to turn expansion off)", "=CSE", ""},
	{"HOM003339_078", "an evidence reference finds the paragraphs that cite it, in a footnote or in their text; the six-digit part alone (HOM003339) finds every page of it, and a page finds citations of page ranges that hold it", "urn:HOM003339", "document"},
	{"AB-A12", "an anonymised cipher code finds the paragraphs that name it (ciphers are never evidence references)", "cipher:FO-A3", "cipher"},
	{"published:DATES", "published in a year, month or day (2020; 2020-06, March 2020 or 03/2020; 2020-06-01, 1 June 2020 or 01/06/2020, read day first; quote dates with spaces, as in published:\"March 2020\"), a range with both ends included (2019..2021, 2019.., ..2021) or a comparison (>2020-06-01, >=2020, <2021, <=2021-03); the page and API also take from= and to=", "published:2019..2021", ""},
	{"field:value", `filter by investigation, type, place, year or institution, in any case, or by report (its name exactly as the report's landing page prints it); quote values with spaces`, `place:Ashcombe type:recommendations investigation:"Organised networks"`, "place"},
	{"speaker:NAME", "only what one person said at the hearings: their full name, their name without a title, or their surname; results are that person's turns, one result per day they spoke, each answer with the question it answers", `speaker:"Anna Rowe" missing`, "witness"},
	{"hearing:DAY", "only what was said at one sitting: its day (\"Day 2\" is day 2 of every investigation), its date (2020-09-21 or \"21 September 2020\") or both", `hearing:2020-09-21`, ""},
	{"role:ROLE", "only what was said in one role at the hearings: witness, counsel, chair, panel or other", "role:witness records", ""},
}

// HelpNotes are the remarks that follow the syntax table.
var HelpNotes = []string{
	"Typing is read leniently: an unclosed quote runs to the end, stray punctuation and parentheses are ignored, and an empty search browses everything.",
	fmt.Sprintf("When a search finds fewer than %d documents, a corrected spelling is offered if one finds more.", DidYouMeanBelow),
	"Results are ordered by relevance, with executive summaries and recommendations lifted a little; equal scores keep one stable order. Sort by newest or oldest instead if you prefer.",
}

// HelpText returns the syntax help as plain text for a terminal.
func HelpText() string {
	var b strings.Builder
	b.WriteString("Query syntax:\n")
	for _, e := range Help {
		fmt.Fprintf(&b, "  %-16s %s\n  %-16s e.g. %s\n", e.Syntax, wrap(e.Meaning, 60, strings.Repeat(" ", 19)), "", e.Example)
	}
	b.WriteString("\n")
	for _, n := range HelpNotes {
		b.WriteString(wrap(n, 78, "") + "\n")
	}
	return b.String()
}

// wrap breaks text into lines of at most width bytes, indenting every line
// after the first.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(text) {
		if i > 0 && line+1+len(w) > width {
			b.WriteString("\n" + indent)
			line = 0
		} else if i > 0 {
			b.WriteString(" ")
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}
