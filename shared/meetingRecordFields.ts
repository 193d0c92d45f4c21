/**
 * The checks of single fields that every parser of the session record's entries shares
 * (shared/meetingRecordParse.ts): each refuses naming the field at fault as a dotted path
 * ("speakers.1.delegationId"), so that a form can show the refusal beside the field, and gives
 * the value in its one stored form (texts trimmed, missing lists empty).
 */
import { isCalendarDate } from './dates';
import { LANGUAGES, type LocalizedText } from './languages';
import { type EntryBase, RECORD_LIMITS, type RecordRefusal } from './meetingRecord';
import { fail, ok, type Result } from './result';
import { checkVisibleText } from './visibleText';

/** An entry, or a part of one, as it arrives in JSON. */
export type Json = Record<string, unknown>;
/** Refuse naming the field at fault. */
export const refuse = (field: string, message: string) => fail<RecordRefusal>({ field, message });
/** Whether a value is a JSON object (not null, not a list). */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value as a refusal quotes it. */
export const show = (v: unknown) => (v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v)));

/** Refuse the first field not `allowed`, named under `where`. */
export function strays(json: Json, allowed: readonly string[], where: string): Result<true, RecordRefusal> {
  const stray = Object.keys(json).find((k) => !allowed.includes(k));
  return stray === undefined ? ok(true) : refuse(where ? `${where}.${stray}` : stray, `unknown field "${stray}"`);
}

/** One of `values`, else refused listing them. */
export function oneOf<T extends string>(values: readonly T[], v: unknown, field: string): Result<T, RecordRefusal> {
  return (values as readonly unknown[]).includes(v) ? ok(v as T) : refuse(field, `must be one of ${values.map((x) => `"${x}"`).join(', ')}, not ${show(v)}`);
}

/**
 * A text in some of the six languages (`{ "en": …, "fr": … }`), at least one given, each trimmed,
 * visible and within the limit. Entries recorded before the six languages hold `{ en, zh }` and
 * still read.
 */
export function text(v: unknown, field: string): Result<LocalizedText, RecordRefusal> {
  const keys = LANGUAGES.join(', ');
  if (!isObject(v)) return refuse(field, `must be a text in one or more of ${keys}: { "en": …, "fr": … }`);
  const stray = strays(v, LANGUAGES, field);
  if (!stray.ok) return stray;
  const out: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const s = v[lang];
    if (s === undefined) continue;
    if (typeof s !== 'string') return refuse(`${field}.${lang}`, 'must be a text');
    const trimmed = s.trim();
    if (trimmed.length > RECORD_LIMITS.text) return refuse(`${field}.${lang}`, `must be at most ${RECORD_LIMITS.text} characters`);
    const visible = checkVisibleText(trimmed);
    if (!visible.ok) return refuse(`${field}.${lang}`, visible.error);
    out[lang] = trimmed;
  }
  if (Object.keys(out).length === 0) return refuse(field, `must be given in at least one of ${keys}`);
  return ok(out);
}

/** A text, or null when missing. */
export const textOrNull = (v: unknown, field: string): Result<LocalizedText | null, RecordRefusal> => (v === undefined || v === null ? ok(null) : text(v, field));

/** A whole number from 1 to `max`. */
export function positive(v: unknown, field: string, max = 100_000): Result<number, RecordRefusal> {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= max ? ok(v) : refuse(field, `must be a whole number from 1 to ${max}, not ${show(v)}`);
}

/** A list of rule numbers, each cited once; missing is none. */
export function rules(v: unknown, field: string): Result<number[], RecordRefusal> {
  if (v === undefined || v === null) return ok([]);
  if (!Array.isArray(v)) return refuse(field, 'must be a list of rule numbers');
  if (v.length > RECORD_LIMITS.rules) return refuse(field, `may cite at most ${RECORD_LIMITS.rules} rules`);
  const out: number[] = [];
  for (const [i, n] of v.entries()) {
    const rule = positive(n, `${field}.${i}`, 1000);
    if (!rule.ok) return rule;
    if (out.includes(rule.value)) return refuse(`${field}.${i}`, `rule ${rule.value} is cited twice`);
    out.push(rule.value);
  }
  return ok(out);
}

/** An id of a draft or a delegation. */
export function id(v: unknown, field: string): Result<string, RecordRefusal> {
  return typeof v === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(v) ? ok(v) : refuse(field, `must be an id, not ${show(v)}`);
}

/** Where and when an entry happened: its meeting, date and maybe draft. */
export function base(json: Json): Result<EntryBase, RecordRefusal> {
  const meeting = positive(json.meeting, 'meeting', 10_000);
  if (!meeting.ok) return meeting;
  if (typeof json.date !== 'string' || !isCalendarDate(json.date)) return refuse('date', `must be a date written YYYY-MM-DD, not ${show(json.date)}`);
  if (json.draftId === undefined || json.draftId === null) return ok({ meeting: meeting.value, date: json.date, draftId: null });
  const draftId = id(json.draftId, 'draftId');
  return draftId.ok ? ok({ meeting: meeting.value, date: json.date, draftId: draftId.value }) : draftId;
}
