// Package cputime reads the CPU time this process has used, so that
// benchmarks can report throughput per CPU second: a figure that stays
// meaningful when other jobs share the machine.
package cputime
