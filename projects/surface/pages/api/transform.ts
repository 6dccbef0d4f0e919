export const config = { runtime: 'edge' }
// TransformStream and pipeThrough, read back in the route.
export default async function handler() {
  const upper = new TransformStream<string, string>({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()) } })
  const src = new ReadableStream<string>({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close() } })
  const reader = src.pipeThrough(upper).getReader()
  const parts: string[] = []
  for (;;) { const { done, value } = await reader.read(); if (done) break; parts.push(value) }
  const [t1, t2] = new Response('tee me').body!.tee()
  return Response.json({ parts, tee: [await new Response(t1).text(), await new Response(t2).text()] })
}
