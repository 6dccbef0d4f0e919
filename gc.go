package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// tuneGC paces the garbage collector by the live heap. A dev server's live
// heap is small (tens of MB) and its garbage rate under a load test high:
// the default GOGC=100 lets RSS grow to twice the live heap, and 50 keeps
// it near the live set for a few per cent of throughput. A project of a
// hundred routes that load zod holds 100–150 MB live while its routes set
// up their isolates, and there GOGC=50 doubles the collector's work (120
// routes answered once: 3.7 s instead of 2.4 s) for memory the isolate
// budget bounds anyway. So: 50 while the live heap is under 32 MB, 100
// above it, back to 50 under 20 MB. GOGC in the environment still wins.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	const low, high = 50, 100
	const up, down = 32 << 20, 20 << 20
	debug.SetGCPercent(low)
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
			if want != cur {
				debug.SetGCPercent(want)
				cur = want
			}
		}
	}()
}
