export const config = { runtime: 'edge' }
// CompressionStream / DecompressionStream round trips.
export default async function handler() {
  const out: Record<string, unknown> = {}
  for (const f of ['gzip', 'deflate', 'deflate-raw'] as const) {
    const packed = new Response(new Blob(['hello hello hello hello']).stream().pipeThrough(new CompressionStream(f)))
    const bytes = new Uint8Array(await packed.arrayBuffer())
    const unpacked = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream(f))).text()
    out[f] = { roundTrip: unpacked, magic: f === 'gzip' ? [bytes[0], bytes[1]] : null }
  }
  return Response.json(out)
}
