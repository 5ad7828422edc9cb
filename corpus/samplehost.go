package corpus

import "strings"

// SampleHost is the host name the sample site is crawled under, so that its
// documents keep the same URLs and ids whatever port it is served on. The
// .test domain is reserved: the name can never reach a real site.
const SampleHost = "sample-inquiry.test"

// IsSample reports whether a document's URL is a page of the embedded
// sample site.
func IsSample(url string) bool { return strings.HasPrefix(url, "https://"+SampleHost+"/") }
