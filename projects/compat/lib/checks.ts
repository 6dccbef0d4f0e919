// Each route runs a table of named checks and answers one JSON object:
// { name: result } for a check that returned, { name: { threw: "Name: message" } }
// for one that threw. A runtime bug then shows as one failing check in the
// Go test (engine/compat_test.go) instead of a bare 500 for the whole route.
export type Checks = Record<string, () => unknown>

export function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`
  return `non-Error thrown: ${String(e)}`
}

export async function run(checks: Checks): Promise<Response> {
  const out: Record<string, unknown> = {}
  const names = Object.keys(checks)
  for (let i = 0; i < names.length; i++) {
    try {
      out[names[i]] = await checks[names[i]]()
    } catch (e) {
      out[names[i]] = { threw: describe(e) }
    }
  }
  return Response.json(out)
}
