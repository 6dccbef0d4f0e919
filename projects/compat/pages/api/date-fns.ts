// date-fns 4 with fixed inputs (never "now"): format, parseISO, addDays,
// differenceInCalendarDays, formatDistance, locales. The edge runtime runs
// in UTC, so local-time results are UTC results. Time zones and Intl are in
// date-fns-tz.ts.
import {
  format,
  parseISO,
  addDays,
  addMonths,
  subHours,
  differenceInCalendarDays,
  differenceInBusinessDays,
  formatDistance,
  formatDistanceStrict,
  formatISO,
  formatRelative,
  intervalToDuration,
  formatDuration,
  isValid,
  parse,
  startOfWeek,
  endOfMonth,
  eachDayOfInterval,
  isWeekend,
  getISOWeek,
} from 'date-fns'
import { de, fr, ja } from 'date-fns/locale'
import { run } from '../../lib/checks'

export const config = { runtime: 'edge' }

const d = parseISO('2024-02-28T13:45:07.123')
const iso = (x: Date) => x.toISOString()

export default () =>
  run({
    timezone: () => ({ offset: new Date(2024, 6, 1).getTimezoneOffset(), local: new Date(2024, 6, 1, 12).toISOString() }),
    parseISO: () => [iso(d), iso(parseISO('2024-02-28T13:45:07Z')), iso(parseISO('2024-02-28T13:45:07+05:30')), iso(parseISO('2024-W09-3')), isValid(parseISO('2024-13-45'))],
    format: () => [
      format(d, "yyyy-MM-dd'T'HH:mm:ss.SSS"),
      format(d, 'EEEE, MMMM do yyyy, h:mm:ss a'),
      format(d, 'EEE d MMM yy, HH:mm, QQQ, wo, RRRR-II-i'),
      format(d, 'PPPPpppp'),
      format(d, 'Pp'),
    ],
    formatLocale: () => [format(d, 'PPPP', { locale: de }), format(d, 'EEEE d MMMM', { locale: fr }), format(d, 'PPP', { locale: ja })],
    addDays: () => [iso(addDays(d, 1)), iso(addDays(d, 2)), iso(addMonths(parseISO('2024-01-31'), 1)), iso(subHours(d, 14))],
    differenceInCalendarDays: () => [
      differenceInCalendarDays(parseISO('2024-03-10'), parseISO('2024-01-01')),
      differenceInCalendarDays(parseISO('2025-01-01T00:00:00'), parseISO('2024-12-31T23:59:59')),
      differenceInBusinessDays(parseISO('2024-03-29'), parseISO('2024-03-01')),
    ],
    formatDistance: () => [
      formatDistance(parseISO('2024-01-01'), parseISO('2024-03-10'), { addSuffix: true }),
      formatDistance(parseISO('2024-03-10T10:00:00'), parseISO('2024-03-10T10:00:40'), { includeSeconds: true }),
      formatDistance(parseISO('2021-01-01'), parseISO('2024-07-01')),
      formatDistanceStrict(parseISO('2024-01-01'), parseISO('2024-03-10'), { unit: 'day' }),
      formatDistance(parseISO('2024-01-01'), parseISO('2024-03-10'), { locale: de, addSuffix: true }),
      formatRelative(parseISO('2024-02-26T09:00:00'), d),
    ],
    duration: () => {
      const dur = intervalToDuration({ start: parseISO('2024-01-01T00:00:00'), end: parseISO('2025-03-04T05:06:07') })
      return { dur, text: formatDuration(dur), de: formatDuration(dur, { locale: de }) }
    },
    formatISO: () => [formatISO(d), formatISO(d, { representation: 'date' })],
    parse: () => [iso(parse('28/02/2024 13:45', 'dd/MM/yyyy HH:mm', new Date(0))), isValid(parse('31/02/2024', 'dd/MM/yyyy', new Date(0)))],
    calendar: () => ({
      weekStart: iso(startOfWeek(d, { weekStartsOn: 1 })),
      monthEnd: iso(endOfMonth(d)),
      weekends: eachDayOfInterval({ start: parseISO('2024-02-01'), end: parseISO('2024-02-29') }).filter(isWeekend).length,
      isoWeek: getISOWeek(d),
    }),
  })
