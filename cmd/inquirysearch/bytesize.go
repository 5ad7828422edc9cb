package main

import (
	"fmt"
	"strconv"
	"strings"
)

// byteUnits are the suffixes parseBytes reads, longest first so that
// "MiB" is not read as "B".
var byteUnits = []struct {
	suffix string
	scale  int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1},
}

// parseBytes reads a size such as "1300MiB", "2GiB" or "500000000".
func parseBytes(s string) (int64, error) {
	in := s
	s = strings.TrimSpace(s)
	scale := int64(1)
	for _, u := range byteUnits {
		if strings.HasSuffix(s, u.suffix) {
			s, scale = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.scale
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 || n*float64(scale) > 1<<62 {
		return 0, fmt.Errorf("%q is not a size such as 1300MiB or 2GiB", in)
	}
	return int64(n * float64(scale)), nil
}
