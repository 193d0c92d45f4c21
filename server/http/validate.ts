/**
 * Validation at the edge: every route parses its params, query and body with a zod schema
 * before anything else, and a failure is a 400 `validation_failed` that lists each problem.
 */
import { z } from 'zod';
import { isCalendarDate } from '../../shared/dates';
import { LANGUAGES, type LocalizedText } from '../../shared/languages';
import { checkVisibleText } from '../../shared/visibleText';
import { DomainErrors } from '../errors';

/** Parse `input` with `schema`, or throw a 400 naming every field that is wrong. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params' = 'body'): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw DomainErrors.validation(`invalid ${where}: ${summary}`, { issues });
}

/** An id in a path or body: short, printable, no slashes (ids are UUIDs or stable codes). */
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'not an id');

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const calendarDate = z.string().refine(isCalendarDate, 'not a date (YYYY-MM-DD)');

/**
 * A name or a title people must tell apart (a user's, a delegation's, a session's, a draft's): at
 * most `max` characters once trimmed, with something visible in it and no control or reordering
 * character (shared/visibleText.ts says which).
 */
export const visibleName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      const checked = checkVisibleText(text);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error });
    });

/** One of the six languages (shared/languages.ts). */
export const lang = z.enum(LANGUAGES);

/**
 * A text in some of the six languages (a title, a delegation's name, a note): an object with any
 * of the six keys and no other, each a visible name (see visibleName), at least one given.
 * Rows stored before the six languages hold `{ en, zh }` and still read as one.
 */
export const localizedText = z
  .strictObject({
    ar: visibleName(2000).optional(),
    zh: visibleName(2000).optional(),
    en: visibleName(2000).optional(),
    fr: visibleName(2000).optional(),
    ru: visibleName(2000).optional(),
    es: visibleName(2000).optional(),
  })
  .refine((text) => LANGUAGES.some((l) => text[l] !== undefined), 'give the text in at least one of ar, zh, en, fr, ru, es') satisfies z.ZodType<LocalizedText>;

/** The `:id` path parameter every resource route has. */
export const idParams = z.object({ id });
