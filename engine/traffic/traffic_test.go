package traffic

import (
	"sync"
	"testing"
)

func TestJournalRecordsAndRings(t *testing.T) {
	var mu sync.Mutex
	var kinds []string
	j := NewJournal(Options{Capacity: 3, Publish: func(e Event) {
		mu.Lock()
		kinds = append(kinds, e.Kind)
		mu.Unlock()
	}})
	for i := 0; i < 5; i++ {
		r := j.Begin("127.0.0.1:1", "GET", "http://localhost/api/x", "/api/x", nil)
		r.Head(200, []Header{{"content-type", "text/plain"}}, i == 4)
		if i == 4 {
			r.Chunk([]byte("ab"))
			r.Chunk(make([]byte, ChunkPreview+10))
			r.Log("log", "hi")
		} else {
			r.Body([]byte("hello"))
		}
		r.End()
		r.End() // idempotent
	}
	xs := j.Exchanges()
	if len(xs) != 3 || xs[0].Seq != 3 || xs[2].Seq != 5 {
		t.Fatalf("ring kept %d, first %d", len(xs), xs[0].Seq)
	}
	last := xs[2]
	if !last.Stream || last.ChunkCount != 2 || last.RespSize != int64(2+ChunkPreview+10) || len(last.Chunks[1].Data) != ChunkPreview {
		t.Fatalf("stream record wrong: %+v", last.Chunks)
	}
	if len(last.Logs) != 1 || last.Logs[0].Seq != 5 || !last.Done {
		t.Fatalf("logs %+v", last.Logs)
	}
	if x, ok := j.Get(4); !ok || string(x.RespBody) != "hello" {
		t.Fatalf("get 4: %v %q", ok, x.RespBody)
	}
	if _, ok := j.Get(1); ok {
		t.Fatal("seq 1 should have been dropped")
	}
	want := 5*3 + 2 + 1 // start, head, end each; 2 chunks; 1 log
	if len(kinds) != want {
		t.Fatalf("%d events, want %d", len(kinds), want)
	}
	j.Clear()
	if len(j.Exchanges()) != 0 {
		t.Fatal("clear")
	}
}

// The journal's body previews stay within its budget: the oldest exchanges
// lose their bodies first and keep everything else.
func TestBodyBudget(t *testing.T) {
	j := NewJournal(Options{Capacity: 1000, BodyBudget: 1 << 20})
	body := make([]byte, 64<<10)
	for i := 0; i < 200; i++ {
		r := j.Begin("127.0.0.1:1", "POST", "http://localhost/api/x", "/api/x", nil)
		r.RequestBody(body)
		r.Body(body[:1000])
		r.End()
	}
	if got := j.bodyBytes.Load(); got > 1<<20 {
		t.Fatalf("journal holds %d body bytes, budget %d", got, 1<<20)
	}
	xs := j.Exchanges()
	if len(xs) != 200 {
		t.Fatalf("exchanges: %d", len(xs))
	}
	if !xs[0].BodiesDropped || xs[0].ReqBody != nil || xs[0].ReqBodySize != 64<<10 {
		t.Errorf("oldest: dropped=%v body=%d size=%d", xs[0].BodiesDropped, len(xs[0].ReqBody), xs[0].ReqBodySize)
	}
	last := xs[len(xs)-1]
	if last.BodiesDropped || len(last.ReqBody) != 64<<10 {
		t.Errorf("newest lost its body: %v %d", last.BodiesDropped, len(last.ReqBody))
	}
	j.Clear()
	if got := j.bodyBytes.Load(); got != 0 {
		t.Errorf("after Clear: %d body bytes", got)
	}
}
