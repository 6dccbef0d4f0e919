package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// tuneGC paces the garbage collector by the live heap.
//
// A dev server's live heap is small (tens of MB) and its garbage rate
// under a load test high: the default GOGC=100 lets RSS grow to twice the
// live heap, and 50 keeps it near the live set for a few per cent of
// throughput. A project of a hundred routes that load zod holds 100 MB and
// more live while its routes set up their isolates, and there GOGC=50
// doubles the collector's work (120 routes answered once: 4.1 s instead of
// 2.9 s). So GOGC is 50 while the live heap is under 48 MB and 100 above
// it (back to 50 under 32 MB), and a soft memory limit of 192 MiB makes the
// collector work harder before RSS passes it; the limit follows the live
// heap up (twice it), so that a project that needs more never makes the
// collector run without pause. GOGC and GOMEMLIMIT in the environment
// still win.
func tuneGC() {
	const low, high = 50, 100
	const up, down = 48 << 20, 32 << 20
	const floor = 192 << 20
	setGC := os.Getenv("GOGC") == ""
	setLimit := os.Getenv("GOMEMLIMIT") == ""
	if !setGC && !setLimit {
		return
	}
	if setGC {
		debug.SetGCPercent(low)
	}
	limit := int64(floor)
	if setLimit {
		debug.SetMemoryLimit(limit)
	}
	go func() {
		cur := low
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for range time.Tick(100 * time.Millisecond) {
			metrics.Read(s)
			if s[0].Value.Kind() != metrics.KindUint64 {
				return
			}
			live := s[0].Value.Uint64()
			want := cur
			switch {
			case cur == low && live > up:
				want = high
			case cur == high && live < down:
				want = low
			}
			if setGC && want != cur {
				debug.SetGCPercent(want)
				cur = want
			}
			if l := max(int64(floor), int64(live)*2); setLimit && (l > limit+limit/10 || l < limit-limit/10) {
				debug.SetMemoryLimit(l)
				limit = l
			}
		}
	}()
}
