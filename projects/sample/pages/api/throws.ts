// An uncaught error: the answer is a 500 and the log shows this file and line.
export const config = { runtime: 'edge' }

function loadUser(id: string | null): { name: string } {
  if (!id) throw new Error('no user id given (try ?id=1)')
  return { name: `user ${id}` }
}

export default function handler(req: Request) {
  const user = loadUser(new URL(req.url).searchParams.get('id'))
  return new Response(`Hello ${user.name}`)
}
