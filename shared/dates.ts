/**
 * Calendar dates, as the record keeps them: `YYYY-MM-DD`, no time, no zone. A meeting, a
 * sponsor's change, a corrigendum are dated by the day, and the day is UTC's on every machine,
 * so that the server, the console and the record agree on what "today" is.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (2024-02-29 is; 2023-02-29 is not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Counted by hand: Date.UTC reads the years 0–99 as 1900–1999.
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** Today's calendar date in UTC, `YYYY-MM-DD` (the date sponsor changes and forms default to). */
export function todayUTC(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** The languages dates are written in here. */
export type DateLanguage = 'en' | 'zh';

/**
 * A calendar date (`YYYY-MM-DD`) as people read it, the one way Penholder shows dates:
 * "21 October 2022" in English, "2022年10月21日" in Chinese. Anything else comes back unchanged.
 */
export function formatCalendarDate(date: string, lang: DateLanguage = 'en'): string {
  if (!isCalendarDate(date)) return date;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${year}年${month}月${day}日` : `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A moment (an ISO time) as people read it, in `timeZone` (the reader's own by default):
 * "21 October 2022, 14:05" / "2022年10月21日 14:05". A bare calendar date is shown as a date;
 * anything that is not a time comes back unchanged.
 */
export function formatMoment(value: string, lang: DateLanguage = 'en', timeZone?: string): string {
  if (isCalendarDate(value)) return formatCalendarDate(value, lang);
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const day = formatCalendarDate(`${parts.year}-${parts.month}-${parts.day}`, lang);
  return `${day}${lang === 'zh' ? ' ' : ', '}${parts.hour}:${parts.minute}`;
}
