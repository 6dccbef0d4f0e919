export const config = { runtime: 'edge' }
// Blob, File and FormData.
export default async function handler() {
  const b = new Blob(['héllo', new Uint8Array([33])], { type: 'Text/Plain' })
  const f = new File(['x'], 'a.txt', { type: 'text/plain', lastModified: 1000 })
  const fd = new FormData()
  fd.append('name', 'value')
  fd.append('file', f)
  fd.append('blob', new Blob(['y']))
  const req = new Request('http://x/', { method: 'POST', body: fd })
  const back = await req.formData()
  const file = back.get('file') as File
  const url = new URLSearchParams({ a: '1', b: 'two words' })
  const fromUrl = await new Response(url).formData()
  return Response.json({
    size: b.size, type: b.type, text: await b.text(), slice: await b.slice(1, -1).text(),
    file: [f.name, f.size, f.lastModified, f instanceof Blob],
    contentType: req.headers.get('content-type')?.split(';')[0],
    back: [back.get('name'), file.name, await file.text(), (back.get('blob') as File).name],
    fromUrl: [...fromUrl.entries()],
  })
}
