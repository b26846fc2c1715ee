// podpath's simulated wall clock. The engine never reads the real time: every date it prints
// (an HTTP Date header, dig's WHEN line, a DNS zone's serial) is this fixed moment plus the
// simulated milliseconds a conversation has taken, so the same input prints the same text.

/** Tue, 01 Dec 2026 00:00:00 UTC, in seconds since the epoch. */
export const SIM_EPOCH_SECONDS = 1796083200;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface CivilTime {
  readonly year: number; readonly month: number; readonly day: number; readonly weekday: number;
  readonly hour: number; readonly minute: number; readonly second: number;
}

/** Calendar fields of a UTC time in seconds (Howard Hinnant's days-from-civil, inverted). */
export function civil(seconds: number): CivilTime {
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86400);
  const rem = s - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day, weekday: (((days % 7) + 11) % 7), hour: Math.floor(rem / 3600), minute: Math.floor((rem % 3600) / 60), second: rem % 60 };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The simulated time `ms` into a conversation, as seconds since the epoch. */
export const simSeconds = (ms: number) => SIM_EPOCH_SECONDS + ms / 1000;

/** RFC 9110's IMF-fixdate, as an HTTP Date header: "Tue, 01 Dec 2026 00:00:00 GMT". */
export function httpDate(seconds: number): string {
  const t = civil(seconds);
  return `${DAYS[t.weekday]}, ${two(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${two(t.hour)}:${two(t.minute)}:${two(t.second)} GMT`;
}

/** C's asctime-like form with a zone, as date(1) and dig print it: "Tue Dec 01 00:00:00 UTC 2026". */
export function ctimeUtc(seconds: number): string {
  const t = civil(seconds);
  return `${DAYS[t.weekday]} ${MONTHS[t.month - 1]} ${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)} UTC ${t.year}`;
}

export const weekdayName = (seconds: number) => DAYS[civil(seconds).weekday]!;
export const monthName = (seconds: number) => MONTHS[civil(seconds).month - 1]!;
