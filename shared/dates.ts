/**
 * Calendar dates, as the record keeps them: `YYYY-MM-DD`, no time, no zone. A meeting, a
 * sponsor's change, a corrigendum are dated by the day, and the day is UTC's on every machine,
 * so that the server, the console and the record agree on what "today" is.
 */
import type { Lang } from './languages';

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

/** The languages dates are written in: the six (shared/languages.ts). */
export type DateLanguage = Lang;

/**
 * The months as each language's UN documents print them in a date: English and French and
 * Spanish in lower case where the language writes them so, Russian in the genitive ("21 октября"),
 * Arabic with both the Syriac and the Western name, "تشرين الأول/أكتوبر", as the Arabic
 * documents of the United Nations do. Chinese writes the number ("10月").
 */
const MONTHS: Record<Exclude<Lang, 'zh'>, readonly string[]> = {
  en: 'January February March April May June July August September October November December'.split(' '),
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' '),
  ru: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' '),
  ar: [
    'كانون الثاني/يناير',
    'شباط/فبراير',
    'آذار/مارس',
    'نيسان/أبريل',
    'أيار/مايو',
    'حزيران/يونيه',
    'تموز/يوليه',
    'آب/أغسطس',
    'أيلول/سبتمبر',
    'تشرين الأول/أكتوبر',
    'تشرين الثاني/نوفمبر',
    'كانون الأول/ديسمبر',
  ],
};

/**
 * A calendar date (`YYYY-MM-DD`) as people read it, the one way Penholder shows dates, in each
 * language's UN house style: "21 October 2022", "2022年10月21日", "21 octobre 2022" (the first of
 * the month "1er octobre 2022"), "21 de octubre de 2022", "21 октября 2022 года",
 * "21 تشرين الأول/أكتوبر 2022". Anything else comes back unchanged.
 */
export function formatCalendarDate(date: string, lang: DateLanguage = 'en'): string {
  if (!isCalendarDate(date)) return date;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  switch (lang) {
    case 'zh':
      return `${year}年${month}月${day}日`;
    case 'fr':
      return `${day === 1 ? '1er' : day} ${MONTHS.fr[month - 1]} ${year}`;
    case 'es':
      return `${day} de ${MONTHS.es[month - 1]} de ${year}`;
    case 'ru':
      return `${day} ${MONTHS.ru[month - 1]} ${year} года`;
    default:
      return `${day} ${MONTHS[lang][month - 1]} ${year}`;
  }
}

/** A time of day after a date, as each language writes it: "21 October 2022, 14:05", "2022年10月21日 14:05", "21 octobre 2022 à 14 h 05". */
function withTime(day: string, hour: string, minute: string, lang: DateLanguage): string {
  switch (lang) {
    case 'zh':
      return `${day} ${hour}:${minute}`;
    case 'fr':
      // French typography: "14 h 05", the spaces unbreakable.
      return `${day} à ${hour}\u00a0h\u00a0${minute}`;
    case 'ar':
      return `${day}، ${hour}:${minute}`;
    default:
      return `${day}, ${hour}:${minute}`;
  }
}

/**
 * A moment (an ISO time) as people read it, in `timeZone` (the reader's own by default):
 * "21 October 2022, 14:05" / "2022年10月21日 14:05" / "21 octobre 2022 à 14 h 05" /
 * "21 de octubre de 2022, 14:05" / "21 октября 2022 года, 14:05" / "21 تشرين الأول/أكتوبر 2022، 14:05".
 * A bare calendar date is shown as a date; anything that is not a time comes back unchanged.
 */
export function formatMoment(value: string, lang: DateLanguage = 'en', timeZone?: string): string {
  if (isCalendarDate(value)) return formatCalendarDate(value, lang);
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
  const day = formatCalendarDate(`${parts.year}-${parts.month}-${parts.day}`, lang);
  return withTime(day, parts.hour, parts.minute, lang);
}
