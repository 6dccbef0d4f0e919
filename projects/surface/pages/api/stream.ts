export const config = { runtime: 'edge' }
// A streamed body: chunks enqueued over time.
export default function handler() {
  const enc = new TextEncoder()
  let i = 0
  const body = new ReadableStream({
    async pull(c) {
      if (i === 3) return c.close()
      await new Promise((r) => setTimeout(r, 20))
      c.enqueue(enc.encode('part ' + i++ + '\n'))
    },
  })
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
