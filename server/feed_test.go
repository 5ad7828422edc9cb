package server

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// TestAtomFeed parses the feed with an XML parser and checks what RFC 4287
// requires of a feed and its entries, and that entries come newest first.
func TestAtomFeed(t *testing.T) {
	resp, body := get(t, "/feed.atom?q=council&type=section")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var f struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Author  []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Links []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Links   []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("the feed is not Atom XML: %v", err)
	}
	if f.ID == "" || f.Title == "" || len(f.Author) == 0 || f.Author[0].Name == "" {
		t.Errorf("feed lacks id, title or author: %+v", f)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("feed updated %q: %v", f.Updated, err)
	}
	self := false
	for _, l := range f.Links {
		self = self || (l.Rel == "self" && strings.HasPrefix(l.Href, "http://"))
	}
	if !self {
		t.Error("no absolute self link")
	}
	if len(f.Entries) == 0 {
		t.Fatal("no entries")
	}
	last := "9999"
	ids := map[string]bool{}
	for _, e := range f.Entries {
		if e.ID == "" || ids[e.ID] || e.Title == "" || len(e.Links) == 0 || !strings.Contains(e.Links[0].Href, "/documents/") {
			t.Errorf("entry %+v", e)
		}
		ids[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry updated %q", e.Updated)
		}
		if e.Updated > last {
			t.Errorf("entries not newest first: %s after %s", e.Updated, last)
		}
		last = e.Updated
		if strings.Contains(e.Summary, "<mark>") {
			t.Errorf("summary carries markup: %q", e.Summary)
		}
	}
	if r, _ := get(t, "/feed.atom?sort=x&page=zero"); r.StatusCode != 400 {
		t.Errorf("bad parameters: %d", r.StatusCode)
	}
	// A feed is always the newest page, whatever cursor the URL carries.
	if r, _ := get(t, "/feed.atom?q=records&after=nonsense"); r.StatusCode != 200 {
		t.Errorf("a feed URL with a cursor: %d", r.StatusCode)
	}
}
