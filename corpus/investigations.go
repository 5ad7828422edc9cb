package corpus

import "strings"

// investigation maps reports to the investigation that produced them. The
// real inquiry published several reports for some investigations, and its
// pages never name the investigation, so the link is kept here: report-title
// and URL-slug fragments, lower-cased, any one of which identifies it.
type investigation struct {
	Name    string
	Matches []string
}

// investigations covers the real inquiry's fifteen investigations and the
// sample site's fictional ones. Titles are matched before slugs.
var investigations = []investigation{
	// The embedded sample site (fictional).
	{"Organised networks", []string{"exploitation by organised networks", "exploitation of children by organised networks", "/organised-networks", "organised-networks-in-six-areas"}},
	{"Larkspur County Council", []string{"larkspur county council", "/larkspur-council", "/reports/larkspur", "larkspur-county-council"}},
	{"Faith organisations", []string{"child protection in faith organisations", "/faith-organisations"}},
	{"Specialist schools", []string{"specialist music and sports schools", "/specialist-schools"}},
	{"Overseas placements", []string{"overseas placement programmes", "/overseas-placements"}},

	// The Independent Inquiry into Child Sexual Abuse.
	{"Protection of children outside the UK", []string{"child migration", "children outside the united kingdom", "/child-migration", "/protection-children-outside-united-kingdom"}},
	{"Cambridge House, Knowl View and Rochdale", []string{"cambridge house", "knowl view", "/rochdale"}},
	{"Roman Catholic Church", []string{"ampleforth", "downside", "archdiocese of birmingham", "ealing abbey", "roman catholic church", "english benedictine congregation", "/birmingham-archdiocese", "/ampleforth-downside", "/roman-catholic-church"}},
	{"Custodial institutions", []string{"custodial institutions", "/custodial", "/reports/cici"}},
	{"Anglican Church", []string{"anglican church", "peter ball", "chichester", "/anglican-"}},
	{"Nottinghamshire Councils", []string{"nottinghamshire councils", "/nottinghamshire-councils"}},
	{"Accountability and reparations", []string{"accountability and reparations", "/accountability-reparations"}},
	{"Westminster", []string{"linked to westminster", "/westminster"}},
	{"The internet", []string{"the internet", "/internet"}},
	{"Lambeth Council", []string{"lambeth council", "/lambeth-council"}},
	{"Child protection in religious organisations and settings", []string{"religious organisations and settings", "/cp-religious-organisations-settings", "/child-protection-religious-organisations-and-settings"}},
	{"Lord Janner", []string{"janner", "/lord-janner"}},
	{"Child sexual exploitation by organised networks", []string{"child sexual exploitation by organised networks", "/cs-organised-networks", "child-sexual-exploitation-by-groups-and-gangs"}},
	{"Residential schools", []string{"residential schools", "/residential-schools"}},
	{"Effective leadership of child protection", []string{"effective leadership"}},
}

// InvestigationFor names the investigation of a page from its report title
// and URL, or returns "" for pages that belong to none (news, the final
// report, site pages).
func InvestigationFor(reportTitle, pageURL string) string {
	t := strings.ToLower(reportTitle)
	if t != "" {
		for _, inv := range investigations {
			for _, m := range inv.Matches {
				if !strings.HasPrefix(m, "/") && strings.Contains(t, m) {
					return inv.Name
				}
			}
		}
	}
	u := strings.ToLower(pageURL)
	if !strings.Contains(u, "/investigation/") && !strings.Contains(u, "/investigations") && !strings.Contains(u, "/reports/") {
		return ""
	}
	for _, inv := range investigations {
		for _, m := range inv.Matches {
			// Slash-led fragments and hyphenated slugs are URL patterns.
			if (strings.HasPrefix(m, "/") || strings.Contains(m, "-")) && strings.Contains(u, m) {
				return inv.Name
			}
		}
	}
	return ""
}
