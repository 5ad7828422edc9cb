package searchapi

// MaxExportRows is the most results one export returns. A larger result
// is cut there, and the export says so.
const MaxExportRows = 100000

// ExportSummary says how an export went.
type ExportSummary struct {
	Total     uint64 // results of the query
	Rows      int    // results written
	Truncated bool   // Rows stopped at the cap before Total
}
