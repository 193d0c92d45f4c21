/**
 * What counts as a name or a title a reader can see. A delegation called U+200B, a draft titled
 * with a NUL, a session named by three spaces: each is stored, listed and printed as nothing, and
 * the people who must tell drafts and delegations apart cannot. The rule lives here, once, for
 * every route that takes a name or a title (server/http/validate.ts) and for any client that
 * wants to say so before sending.
 */
import { fail, ok, type Result } from './result';

// Controls (C0, DEL, C1) and lone surrogates are refused anywhere in a name: a NUL or an escape
// is no part of a name, and a lone surrogate is not text at all (PostgreSQL refuses it in JSON).
const REFUSED_ANYWHERE = /[\p{Cc}\p{Cs}]/u;

// Explicit embeddings, overrides and isolates reorder the text displayed after them (a name
// that turns the rest of a list line backwards, "Trojan Source" in a title). The UI sets the
// direction of what it shows; the marks LRM, RLM and ALM, which reorder nothing, stay allowed.
const REORDERING = /[\u202A-\u202E\u2066-\u2069]/u;

// What shows nothing: whitespace, format characters (zero-width space and joiners, word joiner,
// BOM, soft hyphen, bidi marks), default-ignorable code points (variation selectors, Hangul
// fillers), and the blank Braille pattern that renders as a space in every font.
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Whether `text` has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** The name of the first character that may not appear in a name or title (`U+0000`), or null. */
export function forbiddenCharacter(text: string): string | null {
  const m = REFUSED_ANYWHERE.exec(text) ?? REORDERING.exec(text);
  return m ? codePointName(m[0]) : null;
}

/**
 * Check a name or a title: `text` itself when a reader can see it and it carries no control or
 * reordering character, else the reason to show the person who typed it.
 */
export function checkVisibleText(text: string): Result<string> {
  const bad = forbiddenCharacter(text);
  if (bad !== null) return fail(`must not contain ${bad} (control and text-reordering characters are no part of a name)`);
  if (!hasVisibleText(text)) return fail('must contain visible characters (not only spaces or invisible characters)');
  return ok(text);
}

function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
