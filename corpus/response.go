package corpus

// TypeResponse is the type of a page on which an institution answers one
// of a report's recommendations.
const TypeResponse Type = "response"

func init() { Types = append(Types, TypeResponse) }

// The statuses of a recommendation or of one response to it, as facet and
// filter values. StatusUnclear is a response whose words state no
// position: it is shown as such, never guessed.
const (
	StatusImplemented    = "implemented"
	StatusAccepted       = "accepted"
	StatusAcceptedInPart = "accepted in part"
	StatusNotAccepted    = "not accepted"
	StatusUnclear        = "unclear"
	StatusNoResponse     = "no response yet"
)

// Statuses lists the statuses from the furthest along to the least, the
// order in which a recommendation's status is settled (see
// CombineStatuses).
var Statuses = []string{
	StatusImplemented, StatusAccepted, StatusAcceptedInPart, StatusUnclear, StatusNotAccepted, StatusNoResponse,
}

// Response is what a response page says: who answered which
// recommendation, when, and the position it takes, with the sentence the
// position was read from.
type Response struct {
	Report         string `json:"report"`         // the report holding the recommendation
	Recommendation int    `json:"recommendation"` // its number
	Recipient      string `json:"recipient"`
	Date           string `json:"date,omitempty"` // YYYY-MM-DD
	Status         string `json:"status"`
	Source         string `json:"source,omitempty"` // the sentence Status was read from
	Summary        string `json:"summary,omitempty"`
}

// CombineStatuses settles a recommendation's status from the statuses of
// its recipients (each the status of its latest response, or
// StatusNoResponse): all alike, that status; otherwise the one least far
// along, so a recommendation is "implemented" only when every recipient
// has implemented it.
func CombineStatuses(statuses []string) string {
	if len(statuses) == 0 {
		return StatusNoResponse
	}
	rank := map[string]int{}
	for i, s := range Statuses {
		rank[s] = i
	}
	worst := statuses[0]
	for _, s := range statuses[1:] {
		if rank[s] > rank[worst] {
			worst = s
		}
	}
	return worst
}
