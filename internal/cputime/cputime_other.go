//go:build !unix

package cputime

import "time"

// Process is not measured on this platform: it returns 0, and benchmarks
// then report wall-clock throughput only.
func Process() time.Duration { return 0 }
