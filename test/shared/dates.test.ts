import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatMoment, isCalendarDate, todayUTC } from '../../shared/dates';
import { validateEvent } from '../../shared/lifecycle';
import { sponsorsAsOf } from '../../shared/sponsorship';

describe('calendar dates', () => {
  it('knows a calendar date', () => {
    expect(['2024-02-29', '2022-10-21', '2000-02-29', '2022-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2022-1-21', '2022-10-21T00:00', '2022-13-01', '2022-00-10', '2022-04-31', '2022-10-00', ' 2022-10-21', ''].some(isCalendarDate)).toBe(
      false,
    );
  });

  it('reads the years 0–99 as themselves, not as 1900–1999', () => {
    // 0004 is a leap year, 1904 too; 0100 is not, and neither is 1900 — but 0096-02-29 is, read right.
    expect(isCalendarDate('0096-02-29')).toBe(true);
    expect(isCalendarDate('0100-02-29')).toBe(false);
  });

  it('is the one check the record and the sponsor list use', () => {
    // The lifecycle's meeting dates and the sponsor list's dates answer alike.
    for (const date of ['2024-02-29', '2023-02-29', '2022-04-31', '2022-10-21']) {
      const event = validateEvent({ type: 'withdrawn', date });
      expect(event.ok, date).toBe(isCalendarDate(date));
      expect(() => sponsorsAsOf([], date)).toSatisfy((f: () => unknown) => {
        try {
          f();
          return isCalendarDate(date);
        } catch {
          return !isCalendarDate(date);
        }
      });
    }
  });

  it('takes today in UTC, whatever the local zone', () => {
    expect(todayUTC(new Date('2022-10-21T23:30:00-05:00'))).toBe('2022-10-22');
    expect(todayUTC(new Date('2022-10-21T00:30:00+02:00'))).toBe('2022-10-20');
    expect(isCalendarDate(todayUTC())).toBe(true);
  });
});

describe('dates as people read them', () => {
  it('writes a calendar date one way per language', () => {
    expect(formatCalendarDate('2022-10-21')).toBe('21 October 2022');
    expect(formatCalendarDate('2022-10-21', 'zh')).toBe('2022年10月21日');
    expect(formatCalendarDate('2024-02-29')).toBe('29 February 2024');
    // Not a date: unchanged, never a made-up one.
    expect(formatCalendarDate('2023-02-29')).toBe('2023-02-29');
  });

  it('writes a moment in the given time zone, never as a raw ISO string', () => {
    expect(formatMoment('2022-10-21T13:05:00.000Z', 'en', 'UTC')).toBe('21 October 2022, 13:05');
    expect(formatMoment('2022-10-21T13:05:00.000Z', 'en', 'Europe/Vienna')).toBe('21 October 2022, 15:05');
    expect(formatMoment('2022-10-21T23:30:00Z', 'zh', 'Asia/Shanghai')).toBe('2022年10月22日 07:30');
    expect(formatMoment('2022-10-21', 'en')).toBe('21 October 2022');
    expect(formatMoment('yesterday')).toBe('yesterday');
  });
});
