package corpus

// SampleHost is the host name the sample site is crawled under, so that its
// documents keep the same URLs and ids whatever port it is served on. The
// .test domain is reserved: the name can never reach a real site.
const SampleHost = "sample-inquiry.test"
