// nanoid 5: secure ids from crypto.getRandomValues, custom alphabets and
// sizes, and the non-secure variant (Math.random).
import { nanoid, customAlphabet, customRandom, urlAlphabet, random } from 'nanoid'
import { nanoid as insecure } from 'nanoid/non-secure'
import { run } from '../../lib/checks'

export const config = { runtime: 'edge' }

const many = (f: () => string, n: number) => {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(f())
  return out
}

export default () =>
  run({
    default: () => many(() => nanoid(), 50),
    sized: () => many(() => nanoid(10), 20),
    customAlphabet: () => many(customAlphabet('abc123', 8), 50),
    customAlphabetSize: () => customAlphabet('0123456789', 12)(5),
    // A fixed "random" source makes customRandom deterministic: every byte 1
    // picks alphabet[1].
    customRandom: () => customRandom('xyz', 6, (size) => new Uint8Array(size).fill(1))(),
    urlAlphabet: () => urlAlphabet,
    random: () => {
      const r = random(16)
      return { isUint8Array: r instanceof Uint8Array, length: r.length }
    },
    nonSecure: () => many(() => insecure(), 20),
  })
