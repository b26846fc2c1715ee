import { describe, expect, it } from 'vitest';
import { civil, ctimeUtc, httpDate, SIM_EPOCH_SECONDS } from './clock';

describe('the simulated clock', () => {
  it('starts on Tuesday 1 December 2026 at midnight UTC', () => {
    expect(httpDate(SIM_EPOCH_SECONDS)).toBe('Tue, 01 Dec 2026 00:00:00 GMT');
    expect(ctimeUtc(SIM_EPOCH_SECONDS + 3723)).toBe('Tue Dec 01 01:02:03 UTC 2026');
  });

  it('agrees with the calendar across months, leap days and years', () => {
    expect(civil(0)).toMatchObject({ year: 1970, month: 1, day: 1, weekday: 4 });
    expect(civil(951782400)).toMatchObject({ year: 2000, month: 2, day: 29, weekday: 2 });
    expect(httpDate(1700000000)).toBe('Tue, 14 Nov 2023 22:13:20 GMT');
    expect(httpDate(4102444799)).toBe('Thu, 31 Dec 2099 23:59:59 GMT');
  });
});
