// zod 4: objects, arrays, unions, refinements, transforms; error messages
// and paths exactly as zod reports them.
import { z } from 'zod'
import { run } from '../../lib/checks'

export const config = { runtime: 'edge' }

const Signup = z
  .object({
    name: z.string().min(2),
    email: z.email(),
    age: z.number().int().positive().optional(),
    tags: z.array(z.string().max(5)).max(3),
    contact: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('phone'), number: z.string().regex(/^\+?[0-9 ]+$/) }),
      z.object({ kind: z.literal('post'), city: z.string() }),
    ]),
    id: z.union([z.number(), z.string().uuid()]),
    password: z.string(),
    confirm: z.string(),
    joined: z.string().transform((s) => new Date(s).getUTCFullYear()),
  })
  .refine((v) => v.password === v.confirm, { message: 'passwords differ', path: ['confirm'] })

const good = {
  name: 'Ada',
  email: 'ada@example.com',
  age: 36,
  tags: ['math', 'code'],
  contact: { kind: 'post', city: 'London' },
  id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  password: 'x',
  confirm: 'x',
  joined: '1843-07-01T00:00:00Z',
}

const bad = {
  name: 'A',
  email: 'not-an-email',
  age: 1.5,
  tags: ['ok', 'toolong', 'a', 'b'],
  contact: { kind: 'phone', number: 'abc' },
  id: true,
  password: 'x',
  confirm: 'x',
  joined: '2020-01-01',
}

const issues = (e: z.ZodError) => e.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }))

export default () =>
  run({
    parse: () => Signup.parse(good),
    safeParseBad: () => {
      const r = Signup.safeParse(bad)
      return r.success ? 'unexpected success' : issues(r.error)
    },
    refine: () => {
      const r = Signup.safeParse({ ...good, confirm: 'y' })
      return r.success ? 'unexpected success' : issues(r.error)
    },
    parseThrows: () => {
      try {
        z.object({ n: z.number() }).parse({ n: 'x' })
        return 'no throw'
      } catch (e) {
        return { isZodError: e instanceof z.ZodError, name: (e as Error).name, issues: issues(e as z.ZodError) }
      }
    },
    prettify: () => {
      const r = z.object({ a: z.string(), b: z.array(z.number()) }).safeParse({ a: 1, b: [1, 'x'] })
      return r.success ? 'unexpected success' : z.prettifyError(r.error)
    },
    flatten: () => {
      const r = z.object({ a: z.string(), b: z.object({ c: z.boolean() }) }).safeParse({ a: 1, b: { c: 'no' } })
      return r.success ? 'unexpected success' : z.treeifyError(r.error)
    },
    coerceAndDefault: () =>
      z.object({ n: z.coerce.number(), d: z.string().default('dflt'), b: z.stringbool() }).parse({ n: '42', b: 'yes' }),
    pipe: () => z.string().transform((s) => s.split(',')).pipe(z.array(z.string().trim().toUpperCase())).parse(' a, b ,c'),
    enumAndRecord: () => ({
      e: z.enum(['red', 'green']).safeParse('blue').error?.issues[0].message,
      r: z.record(z.string(), z.number()).parse({ x: 1, y: 2 }),
    }),
    jsonSchema: () => z.toJSONSchema(z.object({ a: z.string(), b: z.number().optional() })),
    // zod builds this one with new RegExp('[\\p{Extended_Pictographic}…]', 'u') at run time.
    emoji: () => ['😀', '👍🏽', '🇩🇪', 'abc', 'p{Extended_Pictographic}', 'é', '😀a'].map((s) => z.emoji().safeParse(s).success),
    unicodeRegex: () => ['Élan', 'Ωmega', 'élan', 'Plain', 'P1ain'].map((s) => z.string().regex(/^\p{Lu}\p{Ll}+$/u).safeParse(s).success),
    // A pattern assembled at run time, as zod assembles its own.
    dynamicUnicodeRegex: () => {
      const letter = '\\p{L}'
      const word = new RegExp(`^[${letter}\\d_]+$`, 'u')
      return ['héllo_1', 'Ωmega', 'a-b', 'p{L}'].map((s) => z.string().regex(word).safeParse(s).success)
    },
    asyncRefine: async () => {
      const s = z.string().refine(async (v) => v === 'ok', 'not ok')
      return [(await s.safeParseAsync('ok')).success, (await s.safeParseAsync('no')).error?.issues[0].message]
    },
  })
