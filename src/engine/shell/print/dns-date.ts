// The date dig prints on its WHEN line: strftime("%a %b %d %H:%M:%S %Z %Y") of the local time
// (bin/dig/dig.c received). podpath's clocks are UTC, so an ISO 8601 UTC time prints with "UTC";
// any other text is taken as already formatted (a capture's own date, in tests).

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function digDate(when: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(when);
  if (!m) return when;
  const [, y, mo, d, hh, mm, ss] = m.map(Number) as [number, number, number, number, number, number, number];
  const weekday = DAYS[(((daysFromCivil(y, mo, d) + 4) % 7) + 7) % 7]!;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${weekday} ${MONTHS[mo - 1]!} ${two(d)} ${two(hh)}:${two(mm)}:${two(ss)} UTC ${y}`;
}
