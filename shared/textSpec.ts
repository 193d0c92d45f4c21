/**
 * How both ends name one text of a draft in a URL (`?left=…&right=…`): an issued revision by its
 * symbol (full, or the part after the session's prefix: `L.9/Rev.1`), `working` (the working text
 * now), `seq:<n>` or `at:<ISO time>` (the working text at a past point of its log),
 * `amended:<symbol>` (an issued revision as orally amended), `final` (after final action,
 * the text the body acted on: the issued text as orally amended when accepted amendments exist,
 * else that issued text), and `proposals` (the working text now with every pending proposal
 * applied, each change credited to the delegation that tabled it). Parsing is pure; which texts exist is the server's business
 * (server/texts.ts).
 */
import { WORKING_TEXT } from './export/transfer';
import { fail, ok, type Result } from './result';

/** One text of a draft, as named in a URL. */
export type TextSpec =
  | { kind: 'revision'; symbol: string }
  | { kind: 'working' }
  | { kind: 'seq'; seq: number }
  | { kind: 'at'; at: string }
  | { kind: 'amended'; symbol: string }
  | { kind: 'final' }
  | { kind: 'proposals' };

/** The spec of the text the body acted on, after final action. */
export const FINAL_TEXT = 'final';

/** The spec of the working text with its pending proposals applied (server/texts.ts). */
export const PROPOSALS_TEXT = 'proposals';

/** The prefixes of the specs that carry a value. */
export const TEXT_SPEC_PREFIXES = { seq: 'seq:', at: 'at:', amended: 'amended:' } as const;

// A symbol as it may appear in a URL: letters, digits, slashes, dots, hyphens ("L.9/Rev.1").
const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9/.-]{0,199}$/;
// ISO-8601 with a time: what `Date.parse` reads the same in every engine.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Read a spec; refused with a sentence a user can act on when it names no text. */
export function parseTextSpec(input: string): Result<TextSpec, string> {
  const s = input.trim();
  if (s === WORKING_TEXT) return ok({ kind: 'working' });
  if (s === FINAL_TEXT) return ok({ kind: 'final' });
  if (s === PROPOSALS_TEXT) return ok({ kind: 'proposals' });
  if (s.startsWith(TEXT_SPEC_PREFIXES.seq)) {
    const n = s.slice(TEXT_SPEC_PREFIXES.seq.length);
    if (!/^\d{1,15}$/.test(n)) return fail(`"${s}": seq must be a whole number (seq:12)`);
    return ok({ kind: 'seq', seq: Number(n) });
  }
  if (s.startsWith(TEXT_SPEC_PREFIXES.at)) {
    const t = s.slice(TEXT_SPEC_PREFIXES.at.length);
    if (!ISO_TIME.test(t) || Number.isNaN(Date.parse(t))) return fail(`"${s}": at must be an ISO-8601 time (at:2022-10-21T14:05:00Z)`);
    return ok({ kind: 'at', at: new Date(Date.parse(t)).toISOString() });
  }
  if (s.startsWith(TEXT_SPEC_PREFIXES.amended)) {
    const symbol = s.slice(TEXT_SPEC_PREFIXES.amended.length);
    if (!SYMBOL.test(symbol)) return fail(`"${s}": amended: must name an issued symbol (amended:L.9/Rev.1)`);
    return ok({ kind: 'amended', symbol });
  }
  if (!SYMBOL.test(s))
    return fail(
      `"${s}" names no text: give a symbol (L.9/Rev.1), working, final, seq:<n>, at:<time> or amended:<symbol> (or proposals: the working text with its pending proposals)`,
    );
  return ok({ kind: 'revision', symbol: s });
}

/** The spec as it goes in a URL; `parseTextSpec(formatTextSpec(x))` gives `x` back. */
export function formatTextSpec(spec: TextSpec): string {
  switch (spec.kind) {
    case 'working':
      return WORKING_TEXT;
    case 'final':
      return FINAL_TEXT;
    case 'proposals':
      return PROPOSALS_TEXT;
    case 'revision':
      return spec.symbol;
    case 'seq':
      return `${TEXT_SPEC_PREFIXES.seq}${spec.seq}`;
    case 'at':
      return `${TEXT_SPEC_PREFIXES.at}${spec.at}`;
    case 'amended':
      return `${TEXT_SPEC_PREFIXES.amended}${spec.symbol}`;
  }
}
