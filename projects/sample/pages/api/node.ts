// A Node.js API route (no edge runtime config): edgeplay lists it and
// answers 501; next dev runs it on Node.js.
import type { NextApiRequest, NextApiResponse } from 'next'

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ runtime: 'nodejs' })
}
