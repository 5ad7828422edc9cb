package searchapi

// DidYouMeanBelow is the number of results under which a search looks for
// a corrected query.
const DidYouMeanBelow = 3
