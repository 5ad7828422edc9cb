package server

import (
	"crypto/sha256"
	"encoding/hex"
)

// Notice is the content notice shown at the top of every page until a
// reader dismisses it. The reports describe the abuse of children in
// detail; a reader arriving from a search engine deserves a word of
// warning and a way to find support before the first result.
type Notice struct {
	Text         string // one or two calm sentences
	SupportURL   string // where to find support services
	SupportLabel string // the link's text
}

// DefaultNotice is the notice used when Options.Notice is empty.
var DefaultNotice = Notice{
	Text:         "These reports describe the sexual abuse of children, sometimes in detail. Take your time, and stop whenever you need to.",
	SupportURL:   "https://napac.org.uk/",
	SupportLabel: "Support for anyone affected by abuse",
}

// noticeView is what the layout renders. Version changes with the
// notice's wording, so a reader who dismissed one notice sees a new one.
type noticeView struct {
	Notice
	Version string
}

// noticeFor fills an empty notice with the default; a notice whose Text is
// "-" is switched off.
func noticeFor(n Notice) *noticeView {
	if n.Text == "-" {
		return nil
	}
	if n.Text == "" {
		n.Text = DefaultNotice.Text
	}
	if n.SupportURL == "" {
		n.SupportURL, n.SupportLabel = DefaultNotice.SupportURL, DefaultNotice.SupportLabel
	}
	if n.SupportLabel == "" {
		n.SupportLabel = "Support services"
	}
	sum := sha256.Sum256([]byte(n.Text + "\x00" + n.SupportURL + "\x00" + n.SupportLabel))
	return &noticeView{Notice: n, Version: hex.EncodeToString(sum[:6])}
}
