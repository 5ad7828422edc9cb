package extract

import (
	"regexp"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// titles are the forms of address a transcript prints before a name, in
// capitals; a speaker "MS SMITH" is a title and a surname.
var titles = []string{
	"THE RT HON", "THE REVEREND", "THE RIGHT REVEREND", "DETECTIVE CHIEF SUPERINTENDENT", "DETECTIVE SUPERINTENDENT",
	"DETECTIVE CHIEF INSPECTOR", "DETECTIVE INSPECTOR", "CHIEF CONSTABLE", "ASSISTANT CHIEF CONSTABLE",
	"PROFESSOR", "REVEREND", "SIR", "DAME", "LORD", "LADY", "BARONESS", "BISHOP", "FATHER", "SISTER",
	"MR", "MRS", "MS", "MISS", "DR", "MX", "DCI", "DCS", "DI", "DS",
}

// participant is one person a transcript names: the full name as it is
// shown ("Ms Jane Elmwood") and the role they have at the hearing.
type participant struct {
	name    string
	role    string
	title   string // upper case, "" if none
	surname string // upper case
}

// cast is the people of one transcript, so a short form ("MS ELMWOOD",
// "THE CHAIR") resolves to the full name given once ("MS JANE ELMWOOD
// (sworn)", "Chair: Professor Marian Hale").
type cast struct {
	people []*participant
}

var (
	// "Chair: Professor Marian Hale", "Panel: Mr David Orme, Ms Ruth
	// Calder", "Counsel to the Inquiry: Ms Helen Ashdown and Mr Tom Peel".
	castLine  = regexp.MustCompile(`^(Chair|The Chair|Panel(?: members?)?|(?:Lead )?[Cc]ounsel to the Inquiry)\s*:\s*(.+)$`)
	nameSplit = regexp.MustCompile(`\s*(?:,|;|\band\b)\s*`)
	postNoms  = regexp.MustCompile(`\s+(?:OBE|CBE|MBE|KC|QC|DBE|KBE)\b\.?`)
)

// splitTitle separates a name in any case into its title and the rest.
func splitTitle(name string) (title, rest string) {
	up := strings.ToUpper(strings.Join(strings.Fields(name), " "))
	for _, t := range titles {
		if up == t {
			return t, ""
		}
		if strings.HasPrefix(up, t+" ") {
			return t, strings.TrimSpace(up[len(t):])
		}
	}
	return "", up
}

// displayName writes an upper-case name the way a page shows it: "MS JANE
// O'NEILL-WARD" is "Ms Jane O'Neill-Ward".
func displayName(name string) string {
	name = postNoms.ReplaceAllString(strings.ToUpper(name), "")
	words := strings.Fields(name)
	for i, w := range words {
		if strings.ContainsAny(w, "0123456789") {
			continue // a cipher ("RC-A12") stays as written
		}
		words[i] = capitalise(strings.ToLower(w))
	}
	return strings.Join(words, " ")
}

func capitalise(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteString(strings.ToUpper(string(r)))
		} else {
			b.WriteRune(r)
		}
		up = r == '-' || r == '\'' || r == '’'
	}
	return b.String()
}

// add records a person named in full, or returns the one already known by
// that name. A role already given is kept unless it was only "other".
func (c *cast) add(name, role string) *participant {
	name = postNoms.ReplaceAllString(strings.ToUpper(strings.Join(strings.Fields(name), " ")), "")
	title, rest := splitTitle(name)
	fields := strings.Fields(rest)
	surname := ""
	if len(fields) > 0 {
		surname = fields[len(fields)-1]
	}
	for _, p := range c.people {
		if p.surname == surname && surname != "" && (p.title == title || title == "" || p.title == "") {
			if len(p.name) < len(displayName(name)) {
				p.name = displayName(name)
			}
			if p.role == corpus.RoleOther {
				p.role = role
			}
			return p
		}
	}
	p := &participant{name: displayName(name), role: role, title: title, surname: surname}
	c.people = append(c.people, p)
	return p
}

// resolve finds who a speaker label means: "THE CHAIR" the chair, "MS
// ELMWOOD" the person of that title and surname. A label naming nobody
// known is added with the role fallback.
func (c *cast) resolve(label, fallback string) *participant {
	up := strings.ToUpper(strings.Join(strings.Fields(label), " "))
	if up == "THE CHAIR" || up == "CHAIR" || up == "THE CHAIRMAN" || up == "THE CHAIRWOMAN" {
		for _, p := range c.people {
			if p.role == corpus.RoleChair {
				return p
			}
		}
		p := &participant{name: "The Chair", role: corpus.RoleChair}
		c.people = append(c.people, p)
		return p
	}
	if up == "THE WITNESS" {
		return nil
	}
	return c.add(up, fallback)
}

// castFrom reads the people a cast line names.
func (c *cast) castFrom(text string) bool {
	m := castLine.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	role := corpus.RoleCounsel
	switch kind := strings.ToLower(m[1]); {
	case strings.Contains(kind, "chair"):
		role = corpus.RoleChair
	case strings.HasPrefix(kind, "panel"):
		role = corpus.RolePanel
	}
	for _, name := range nameSplit.Split(m[2], -1) {
		name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), "(Chair)"))
		if name != "" {
			c.add(name, role)
		}
	}
	return true
}
