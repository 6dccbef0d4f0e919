// Node.js APIs do not exist on the edge. Importing `fs` builds (with a
// warning, as in next dev) and fails only when used; `edgeplay check` fails.
import { readFileSync } from 'fs'

export const config = { runtime: 'edge' }

export default function handler() {
  const text = readFileSync('/etc/hostname', 'utf8')
  return new Response(text)
}
