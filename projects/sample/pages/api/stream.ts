// A streamed response: each chunk is flushed to the client the moment it is
// enqueued. `curl -N localhost:3000/api/stream?n=5` shows them arrive.
export const runtime = 'edge'

export default function handler(req: Request) {
  const n = Math.min(Number(new URL(req.url).searchParams.get('n') ?? 5), 100)
  const delay = Number(new URL(req.url).searchParams.get('delay') ?? 200)
  const encoder = new TextEncoder()
  let i = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const stream = new ReadableStream({
    start(controller) {
      const tick = () => {
        i++
        controller.enqueue(encoder.encode(`data: chunk ${i} of ${n}\n\n`))
        if (i >= n) controller.close()
        else timer = setTimeout(tick, delay)
      }
      tick()
    },
    cancel() {
      clearTimeout(timer)
      console.log(`stream cancelled after ${i} chunks`)
    },
  })
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  })
}
