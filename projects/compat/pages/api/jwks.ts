// A JSON Web Key Set, as an identity provider publishes one: /api/jose
// fetches it with jose's createRemoteJWKSet (the test fetches it too).
import { publicJWKs } from '../../lib/keys'

export const config = { runtime: 'edge' }

export default () => Response.json({ keys: publicJWKs }, { headers: { 'cache-control': 'public, max-age=60' } })
