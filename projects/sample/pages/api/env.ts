// process.env as next dev gives it: the shell environment plus the env files.
export const config = { runtime: 'edge' }

export default function handler() {
  return Response.json({
    greeting: process.env.GREETING,
    apiVersion: process.env.API_VERSION,
    runtime: process.env.NEXT_RUNTIME,
  })
}
