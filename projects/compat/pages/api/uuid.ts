// uuid 14: v4 (crypto.randomUUID / getRandomValues), v1/v3/v5/v6/v7 with
// fixed inputs, validate, version, parse/stringify.
import { v1, v3, v4, v5, v6, v7, validate, version, parse, stringify, NIL, MAX, v1ToV6, v6ToV1 } from 'uuid'
import { run } from '../../lib/checks'

export const config = { runtime: 'edge' }

const bytes = (n: number, start: number) => {
  const b = new Uint8Array(n)
  for (let i = 0; i < n; i++) b[i] = (start + i) & 0xff
  return b
}

export default (req: Request) => {
  const name = new URL(req.url).searchParams.get('name') ?? 'hello.example.com'
  return run({
    v4: () => {
      const out: string[] = []
      for (let i = 0; i < 20; i++) out.push(v4())
      return out
    },
    v4Random: () => v4({ random: bytes(16, 0x10) }),
    v4Buffer: () => Array.from(v4({ random: bytes(16, 0) }, new Uint8Array(16))),
    v5: () => ({ dns: v5(name, v5.DNS), url: v5('https://www.w3.org/', v5.URL), bytes: v5(new Uint8Array([1, 2, 3]), v5.URL) }),
    v3: () => ({ dns: v3(name, v3.DNS), url: v3('https://www.w3.org/', v3.URL) }),
    v1: () => v1({ msecs: 1321651533573, nsecs: 5432, clockseq: 0x385c, node: Uint8Array.of(0x61, 0xcd, 0x3c, 0xbb, 0x32, 0x10) }),
    v6: () => v6({ msecs: 1321651533573, nsecs: 5432, clockseq: 0x385c, node: Uint8Array.of(0x61, 0xcd, 0x3c, 0xbb, 0x32, 0x10) }),
    v1ToV6: () => v1ToV6('f1207660-21d2-11ef-8c4f-419efbd44d48'),
    v6ToV1: () => v6ToV1('1ef21d2f-1207-6660-8c4f-419efbd44d48'),
    v7: () => v7({ msecs: 1645557742000, seq: 0x1234, random: bytes(16, 0x20) }),
    v7Now: () => {
      const out: string[] = []
      for (let i = 0; i < 10; i++) out.push(v7())
      return out
    },
    validate: () => [
      validate('6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      validate(NIL),
      validate(MAX),
      validate('6ba7b810-9dad-11d1-80b4-00c04fd430c'),
      validate('not a uuid'),
      validate('6ba7b810-9dad-11d1-80b4-00c04fd430cg'),
    ],
    version: () => [version('6ba7b810-9dad-11d1-80b4-00c04fd430c8'), version(v4()), version(v7())],
    parse: () => Array.from(parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8')),
    stringify: () => stringify(Uint8Array.of(0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8)),
    stringifyInvalid: () => {
      try {
        return stringify(bytes(16, 0xf0))
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`
      }
    },
    invalid: () => {
      try {
        parse('nope')
        return 'no throw'
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`
      }
    },
  })
}
