// This route's bundle is over the 1 MB edge size limit: edgeplay serves it
// and flags it; `edgeplay check` fails on it, as a deploy would.
import { table } from '../../lib/big-data'

export const config = { runtime: 'edge' }

export default function handler() {
  return Response.json({ bytes: table.length, first: table.slice(0, 16) })
}
