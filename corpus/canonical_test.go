package corpus

import "testing"

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.iicsa.org.uk/reports-recommendations/publications/investigation/westminster.html", "https://iicsa.org.uk/reports-recommendations/publications/investigation/westminster"},
		{"http://WWW.IICSA.org.uk/publications/investigation/westminster/part-introduction/a2-scope-investigation", "https://iicsa.org.uk/reports-recommendations/publications/investigation/westminster/part-introduction/a2-scope-investigation"},
		{"https://iicsa.org.uk/news/some-article.html#top", "https://iicsa.org.uk/news/some-article"},
		{"https://iicsa.org.uk/news?page=1", "https://iicsa.org.uk/news"},
		{"https://iicsa.org.uk/news?utm_source=x&page=3", "https://iicsa.org.uk/news?page=3"},
		{"https://iicsa.org.uk/investigations-research/investigations/x?tab=hearing&page=2", "https://iicsa.org.uk/investigations-research/investigations/x?page=2&tab=hearing"},
		{"https://iicsa.org.uk/investigations-research/investigations/nottingham-councils6cec.html?tab=scope", "https://iicsa.org.uk/investigations-research/investigations/nottingham-councils?tab=scope"},
		{"https://iicsa.org.uk/reports-recommendations/", "https://iicsa.org.uk/reports-recommendations"},
		{"https://webarchive.nationalarchives.gov.uk/ukgwa/20230101000000/https://www.iicsa.org.uk/news/x.html", "https://iicsa.org.uk/news/x"},
		{"https://webarchive.nationalarchives.gov.uk/20190101000000/http:/www.iicsa.org.uk/publications/investigation/westminster/", "https://iicsa.org.uk/reports-recommendations/publications/investigation/westminster"},
		{"http://127.0.0.1:8080/news.html", "http://127.0.0.1:8080/news"},
		{"https://iicsa.org.uk", "https://iicsa.org.uk/"},
		{"https://iicsa.org.uk/a/../b/./c", "https://iicsa.org.uk/b/c"},
	}
	for _, tt := range tests {
		got, err := Canonical(tt.in)
		if err != nil {
			t.Errorf("Canonical(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCanonicalRejects(t *testing.T) {
	for _, in := range []string{"mailto:someone@example.org", "javascript:alert(1)", "/relative/path", "ftp://example.org/x", "http://%zz",
		// Archive wrappers around originals that cannot be read.
		"https://a/20200101000000/http://x:8.html", "https://a/20200101000000/http://x/p%23f?z=%zz"} {
		if got, err := Canonical(in); err == nil {
			t.Errorf("Canonical(%q) = %q, want an error", in, got)
		}
	}
}

func TestIDsAreStableAndValid(t *testing.T) {
	a, b := IDFor("https://iicsa.org.uk/news/x"), IDFor("https://iicsa.org.uk/news/x")
	if a != b || !ValidID(a) {
		t.Fatalf("IDFor gave %q and %q", a, b)
	}
	if IDFor("https://iicsa.org.uk/news/y") == a {
		t.Fatal("two URLs share an id")
	}
	for _, bad := range []string{"", "../etc/passwd", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0"} {
		if ValidID(bad) {
			t.Errorf("ValidID(%q) = true", bad)
		}
	}
}
