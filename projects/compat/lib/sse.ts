// The server-sent-event text both SSE routes send, cut into chunks at
// awkward places: inside a field name, between \r and \n, and inside
// multi-byte UTF-8 sequences, so the decoder and the parser must carry state
// across chunks.
export const sseText =
  ': a comment the parser reports\n' +
  'retry: 2500\n\n' +
  'event: greeting\nid: 1\ndata: héllo\n\n' +
  'data: line one\ndata: line two\n\n' +
  'id: 3\ndata: {"delta":"wörld 🌍"}\n\n' +
  'event: done\r\ndata: [DONE]\r\n\r\n'

export function sseChunks(): Uint8Array[] {
  const bytes = new TextEncoder().encode(sseText)
  const cuts = [3, 40, 55, 67, 68, 90, bytes.indexOf(0x9f) + 1, bytes.length - 12, bytes.length - 11]
  const out: Uint8Array[] = []
  let at = 0
  for (let i = 0; i < cuts.length; i++) {
    out.push(bytes.slice(at, cuts[i]))
    at = cuts[i]
  }
  out.push(bytes.slice(at))
  return out
}

// The chunks as a byte stream, one every `delay` ms, with a long pause
// before the last one so a client can see the first events arrive early.
export function sseStream(delay: number, lastPause: number): ReadableStream<Uint8Array> {
  const chunks = sseChunks()
  let i = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const tick = () => {
        controller.enqueue(chunks[i++])
        if (i === chunks.length) controller.close()
        else timer = setTimeout(tick, i === chunks.length - 1 ? lastPause : delay)
      }
      tick()
    },
    cancel() {
      clearTimeout(timer)
    },
  })
}
