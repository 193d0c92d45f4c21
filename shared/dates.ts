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
