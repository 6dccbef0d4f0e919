export const config = { runtime: 'edge' }
// process.env as next dev gives it to edge code.
export default function handler() {
  return Response.json({ runtime: process.env.NEXT_RUNTIME, nodeEnv: process.env.NODE_ENV, fromFile: process.env.SURFACE_VALUE ?? null, edge: typeof EdgeRuntime })
}
