export const config = { runtime: 'edge' }
// Intl formatting with fixed inputs.
export default function handler() {
  const d = new Date(Date.UTC(2024, 0, 15, 13, 5, 9))
  return Response.json({
    dateUS: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }).format(d),
    dateDE: new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d),
    iso: d.toISOString(),
    number: new Intl.NumberFormat('en-US').format(1234567.891),
    currency: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(12.5),
    percent: new Intl.NumberFormat('en-US', { style: 'percent' }).format(0.256),
    compact: new Intl.NumberFormat('en', { notation: 'compact' }).format(12345),
    plural: new Intl.PluralRules('en-US').select(1) + '/' + new Intl.PluralRules('en-US').select(2),
    collate: ['b', 'a', 'C'].sort(new Intl.Collator('en').compare),
    relative: new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-1, 'day'),
    list: new Intl.ListFormat('en', { type: 'conjunction' }).format(['a', 'b', 'c']),
    localeString: (1234.5).toLocaleString('en-US'),
  })
}
