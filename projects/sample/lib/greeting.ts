// A helper outside pages/: saving it rebuilds every route that imports it.
export function greet(name: string): string {
  return `Hello, ${name}!`
}
