export const config = { runtime: 'edge' }
// TextEncoder/TextDecoder and base64.
export default function handler(req: Request) {
  const bytes = new TextEncoder().encode('héllo €𝄞')
  const dec = new TextDecoder()
  const latin = new TextDecoder('latin1').decode(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))
  const legacy = new URL(req.url).searchParams.get('legacy') // bytes 0x80–0x9F: see requests.json
  if (legacy) return Response.json({ decoded: new TextDecoder(legacy).decode(new Uint8Array([0x80, 0x9f])) })
  let fatal = ''
  try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])) } catch (e: any) { fatal = e.name }
  return Response.json({
    bytes: Array.from(bytes),
    text: dec.decode(bytes),
    streamed: dec.decode(bytes.slice(0, 3), { stream: true }) + dec.decode(bytes.slice(3)),
    latin,
    fatal,
    btoa: btoa('hello\u00ff'),
    atob: atob('aGVsbG8='),
    encoding: dec.encoding,
  })
}
