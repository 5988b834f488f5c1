//go:build !unix

package quote

import "time"

// cpuTime is not measured on this platform; the benchmark then reports
// wall-clock throughput only.
func cpuTime() time.Duration { return 0 }
