export const config = { runtime: 'edge' }
// TextEncoderStream / TextDecoderStream across chunk boundaries.
export default async function handler() {
  const bytes = new TextEncoder().encode('a€b😀c')
  const chunks = Array.from(bytes, (b) => new Uint8Array([b]))
  const src = new ReadableStream({ start(c) { chunks.forEach((x) => c.enqueue(x)); c.close() } })
  const parts: string[] = []
  const r = src.pipeThrough(new TextDecoderStream()).getReader()
  for (;;) { const { done, value } = await r.read(); if (done) break; parts.push(value) }
  const enc = new ReadableStream({ start(c) { c.enqueue('x€'); c.close() } }).pipeThrough(new TextEncoderStream())
  return Response.json({ text: parts.join(''), encoded: Array.from(new Uint8Array(await new Response(enc).arrayBuffer())) })
}
