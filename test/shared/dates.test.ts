import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatMoment, isCalendarDate, todayUTC } from '../../shared/dates';
import { LANGUAGES } from '../../shared/languages';
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

describe('dates in the six languages, as UN documents write them', () => {
  it('writes a calendar date in each language', () => {
    const date = '2022-10-21';
    expect(formatCalendarDate(date, 'en')).toBe('21 October 2022');
    expect(formatCalendarDate(date, 'zh')).toBe('2022年10月21日');
    expect(formatCalendarDate(date, 'fr')).toBe('21 octobre 2022');
    expect(formatCalendarDate(date, 'es')).toBe('21 de octubre de 2022');
    expect(formatCalendarDate(date, 'ru')).toBe('21 октября 2022 года');
    expect(formatCalendarDate(date, 'ar')).toBe('21 تشرين الأول/أكتوبر 2022');
  });

  it('names every month: Russian in the genitive, Arabic with both its names, French "1er"', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}-01`);
    expect(months.map((d) => formatCalendarDate(d, 'ar'))).toEqual([
      '1 كانون الثاني/يناير 2023',
      '1 شباط/فبراير 2023',
      '1 آذار/مارس 2023',
      '1 نيسان/أبريل 2023',
      '1 أيار/مايو 2023',
      '1 حزيران/يونيه 2023',
      '1 تموز/يوليه 2023',
      '1 آب/أغسطس 2023',
      '1 أيلول/سبتمبر 2023',
      '1 تشرين الأول/أكتوبر 2023',
      '1 تشرين الثاني/نوفمبر 2023',
      '1 كانون الأول/ديسمبر 2023',
    ]);
    expect(formatCalendarDate('2023-03-01', 'ru')).toBe('1 марта 2023 года');
    expect(formatCalendarDate('2023-08-15', 'ru')).toBe('15 августа 2023 года');
    expect(formatCalendarDate('2023-01-01', 'fr')).toBe('1er janvier 2023');
    expect(formatCalendarDate('2023-02-02', 'fr')).toBe('2 février 2023');
    expect(formatCalendarDate('2023-01-01', 'es')).toBe('1 de enero de 2023');
    expect(formatCalendarDate('2023-09-30', 'es')).toBe('30 de septiembre de 2023');
    // Not a date: unchanged in every language.
    for (const lang of LANGUAGES) expect(formatCalendarDate('2023-02-29', lang)).toBe('2023-02-29');
  });

  it('writes a moment in each language, with the time as the language writes it', () => {
    const at = '2022-10-21T14:05:00Z';
    expect(formatMoment(at, 'en', 'UTC')).toBe('21 October 2022, 14:05');
    expect(formatMoment(at, 'zh', 'UTC')).toBe('2022年10月21日 14:05');
    expect(formatMoment(at, 'fr', 'UTC')).toBe('21 octobre 2022 à 14\u00a0h\u00a005');
    expect(formatMoment(at, 'es', 'UTC')).toBe('21 de octubre de 2022, 14:05');
    expect(formatMoment(at, 'ru', 'UTC')).toBe('21 октября 2022 года, 14:05');
    expect(formatMoment(at, 'ar', 'UTC')).toBe('21 تشرين الأول/أكتوبر 2022، 14:05');
    // The day follows the zone: 23:30 in New York is the next day in Vienna.
    expect(formatMoment('2022-10-21T23:30:00-04:00', 'ar', 'Europe/Vienna')).toBe('22 تشرين الأول/أكتوبر 2022، 05:30');
  });
});
