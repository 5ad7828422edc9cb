package extract

import "regexp"

// archiveChrome matches the navigation the web archive wraps around an
// archived page, between the comment markers it writes around its own
// banner. Dropping it keeps the archive's words out of the document.
var archiveChrome = regexp.MustCompile(`(?s)<!-- (?:BEGIN|START) (?:WAYBACK|UKGWA|WEBARCHIVE) (?:TOOLBAR|BANNER) INSERT -->.*?<!-- END (?:WAYBACK|UKGWA|WEBARCHIVE) (?:TOOLBAR|BANNER) INSERT -->`)

// StripArchiveChrome removes the web archive's inserted banner and
// toolbar from an archived page; other pages pass unchanged.
func StripArchiveChrome(body []byte) []byte {
	return archiveChrome.ReplaceAll(body, nil)
}
