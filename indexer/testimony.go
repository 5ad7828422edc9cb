package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Testimony is what a testimony document holds beyond an ordinary
// document: whose words they are, at which sitting, the transcript they
// come from, and for each answer the question it answers.
type Testimony struct {
	Speaker      string                      `json:"speaker"`
	Role         string                      `json:"role"`
	Hearing      corpus.Hearing              `json:"hearing"`
	TranscriptID string                      `json:"transcript_id"`
	Questions    map[string]corpus.Paragraph `json:"questions,omitempty"` // by the number of the answer
}

// TestimonyDocument is one speaker's turns at one sitting as the index
// stores it: a document of type testimony with its Testimony beside it.
type TestimonyDocument struct {
	corpus.Document
	Testimony Testimony `json:"testimony"`
}

// Testimonies derives a testimony document for each speaker of each
// transcript, holding that speaker's turns in order, so that a search
// filtered to a speaker, role or hearing matches only what was said by
// them (and one hit stands for one person's evidence on one day).
func Testimonies(docs []*corpus.Document) []*TestimonyDocument {
	var out []*TestimonyDocument
	for _, d := range docs {
		if d.Type == corpus.TypeTranscript && d.Hearing != nil {
			out = append(out, testimoniesOf(d)...)
		}
	}
	return out
}

func testimoniesOf(d *corpus.Document) []*TestimonyDocument {
	byNumber := map[string]corpus.Paragraph{}
	for _, p := range d.Paragraphs {
		byNumber[p.Number] = p
	}
	bySpeaker := map[string]*TestimonyDocument{}
	var out []*TestimonyDocument
	for _, p := range d.Paragraphs {
		if p.Speaker == "" {
			continue
		}
		t := bySpeaker[p.Speaker]
		if t == nil {
			key := d.URL + "#speaker-" + p.Speaker
			t = &TestimonyDocument{
				Document: corpus.Document{
					ID: corpus.IDFor(key), URL: d.URL, Title: p.Speaker + ", " + d.Hearing.Label(),
					Report: d.Report, Investigation: d.Investigation, Type: corpus.TypeTestimony,
					Section: d.Section, Heading: d.Heading, Published: d.Published, Pages: d.Pages,
					Speakers: []string{p.Speaker}, Hearing: d.Hearing,
				},
				Testimony: Testimony{Speaker: p.Speaker, Role: p.Role, Hearing: *d.Hearing, TranscriptID: d.ID},
			}
			bySpeaker[p.Speaker] = t
			out = append(out, t)
		}
		t.Paragraphs = append(t.Paragraphs, p)
		if q, ok := byNumber[p.Answers]; ok && p.Answers != "" {
			if t.Testimony.Questions == nil {
				t.Testimony.Questions = map[string]corpus.Paragraph{}
			}
			t.Testimony.Questions[p.Number] = q
		}
	}
	for _, t := range out {
		texts := make([]string, len(t.Paragraphs))
		for i, p := range t.Paragraphs {
			texts[i] = p.Text
		}
		all := strings.Join(texts, "\n")
		for _, v := range d.Places {
			if strings.Contains(all, v) {
				t.Places = append(t.Places, v)
			}
		}
		for _, v := range d.Institutions {
			if strings.Contains(all, v) {
				t.Institutions = append(t.Institutions, v)
			}
		}
		sum := sha256.Sum256([]byte(t.ID + "\n" + all))
		t.ContentHash = hex.EncodeToString(sum[:8])
	}
	return out
}

// HearingKeys are the forms a hearing filter may take for one sitting, all
// lower case: its label ("day 2, 4 february 2019"), its day ("day 2"), its
// date as written ("4 february 2019") and as ISO ("2019-02-04").
func HearingKeys(h corpus.Hearing) []string {
	keys := []string{strings.ToLower(h.Label())}
	if h.Day > 0 {
		keys = append(keys, strings.ToLower(corpus.Hearing{Day: h.Day}.Label()))
	}
	if h.Date != "" {
		keys = append(keys, strings.ToLower(corpus.Hearing{Date: h.Date}.Label()), h.Date)
	}
	return keys
}

// SpeakerKeys are the forms a speaker filter may take for one name, all
// lower case: the name in full ("ms jane elmwood"), without its title
// ("jane elmwood"), and the surname ("elmwood").
func SpeakerKeys(name string) []string {
	full := strings.ToLower(strings.Join(strings.Fields(name), " "))
	keys := []string{full}
	words := strings.Fields(full)
	for i := range words {
		if i > 0 && !titleWord[words[i-1]] {
			break
		}
		if rest := strings.Join(words[i:], " "); i > 0 && rest != "" {
			keys = append(keys, rest)
		}
	}
	if len(words) > 1 {
		keys = append(keys, words[len(words)-1])
	}
	return dedupe(keys)
}

var titleWord = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "professor": true, "sir": true,
	"dame": true, "lord": true, "lady": true, "reverend": true, "the": true, "detective": true, "chief": true,
	"superintendent": true, "inspector": true, "constable": true, "assistant": true, "baroness": true,
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// testimonyRecord maps a testimony document onto the index: a document's
// fields, its Testimony kept in the stored source, and the hearing facets.
func testimonyRecord(t *TestimonyDocument) (map[string]any, error) {
	rec, err := recordWithSource(&t.Document, t)
	if err != nil {
		return nil, err
	}
	rec[FieldSpeaker] = t.Testimony.Speaker
	rec[FieldSpeakerKey] = SpeakerKeys(t.Testimony.Speaker)
	if t.Testimony.Role != "" {
		rec[FieldRole] = t.Testimony.Role
	}
	rec[FieldHearing] = t.Testimony.Hearing.Label()
	rec[FieldHearingKey] = HearingKeys(t.Testimony.Hearing)
	return rec, nil
}

// HearingLabelKeys are HearingKeys of a sitting given by its label ("Day
// 2, 4 February 2019"), as the hearing facet holds it.
func HearingLabelKeys(label string) []string {
	var h corpus.Hearing
	rest := label
	if d, r, ok := strings.Cut(label, ", "); ok && strings.HasPrefix(d, "Day ") {
		h.Day, _ = strconv.Atoi(strings.TrimPrefix(d, "Day "))
		rest = r
	}
	if t, err := time.Parse("2 January 2006", rest); err == nil {
		h.Date = t.Format("2006-01-02")
	}
	if h.Day == 0 && h.Date == "" {
		return []string{FoldKey(label)}
	}
	return HearingKeys(h)
}
