// date-fns-tz 3 and the Intl it is built on: Intl.DateTimeFormat with IANA
// time zones, locale-aware toLocaleString and Intl.NumberFormat (the
// platform has full ICU). date-fns-tz reads Intl when its module loads.
import { formatInTimeZone, toZonedTime, fromZonedTime, getTimezoneOffset } from 'date-fns-tz'
import { run } from '../../lib/checks'

export const config = { runtime: 'edge' }

const iso = (x: Date) => x.toISOString()

export default () =>
  run({
    intlDateTimeFormat: () =>
      new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', dateStyle: 'full', timeStyle: 'long' }).format(
        new Date('2024-02-28T13:45:07Z'),
      ),
    intlLocales: () => [
      new Date('2024-02-28T13:45:07Z').toLocaleDateString('de-DE', { timeZone: 'UTC' }),
      new Date('2024-02-28T13:45:07Z').toLocaleString('en-GB', { timeZone: 'Asia/Tokyo' }),
      new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234.5),
    ],
    formatInTimeZone: () => [
      formatInTimeZone(new Date('2024-02-28T13:45:07Z'), 'America/New_York', 'yyyy-MM-dd HH:mm:ss zzz XXX'),
      formatInTimeZone(new Date('2024-07-01T00:00:00Z'), 'Europe/Berlin', 'yyyy-MM-dd HH:mm zzzz'),
      formatInTimeZone(new Date('2024-07-01T00:00:00Z'), 'Asia/Kolkata', 'PPpp xxx'),
    ],
    zonedTime: () => ({
      toZoned: iso(toZonedTime(new Date('2024-02-28T13:45:07Z'), 'Asia/Tokyo')),
      fromZoned: iso(fromZonedTime('2024-03-10 02:30:00', 'America/New_York')),
      offsetMs: getTimezoneOffset('Europe/Berlin', new Date('2024-07-01T00:00:00Z')),
    }),
  })
