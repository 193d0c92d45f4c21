/**
 * UN document symbols and the lineage of a draft.
 *
 * A symbol is the session's prefix, the draft's `L.n`, then optional suffixes in this order:
 * `/Rev.n` (the n-th revised text), `/Add.n` (an addendum), `/Corr.n` (a corrigendum), and
 * finally `*` when the document was reissued for technical reasons:
 *
 *   CTOC/COP/2022/L.9   CTOC/COP/2022/L.9/Rev.1   A/C.3/68/L.1/Add.3   A/C.3/68/L.75*
 *
 * Rev before Add before Corr because each suffix qualifies the text named before it: an
 * addendum to the second revision is `L.10/Rev.2/Add.1`, a corrigendum to that addendum
 * `L.10/Rev.2/Add.1/Corr.1`. Parsing is strict (capitals, no spaces, no leading zeros) so that
 * one document has exactly one spelling and symbols can be compared as stored strings.
 * Only one reissue mark is modelled (`reissued` is a flag); `**` is refused.
 */
import { fail, ok, type Result } from './result';

/** A parsed document symbol: session prefix, the draft's L-number and its suffixes. */
export interface DocSymbol {
  /** The session's symbol prefix, e.g. "CTOC/COP/2022" or "A/C.3/68". */
  readonly prefix: string;
  /** The draft's number in the L series (9 in "L.9"); a draft keeps it for life. */
  readonly lNumber: number;
  /** 0 for the original text, n for "/Rev.n". */
  readonly revision: number;
  /** n for "/Add.n"; absent when there is none. */
  readonly addendum?: number;
  /** n for "/Corr.n"; absent when there is none. */
  readonly corrigendum?: number;
  /** Whether the symbol ends with "*": reissued for technical reasons. */
  readonly reissued: boolean;
}

const SUFFIXES = ['Rev', 'Add', 'Corr'] as const;
type Suffix = (typeof SUFFIXES)[number];
const SUFFIX_NOUN: Record<Suffix, string> = { Rev: 'revision', Add: 'addendum', Corr: 'corrigendum' };
const PREFIX_PART = /^[A-Z0-9]+(\.[A-Z0-9]+)*$/;
const L_PART = /^L(\.|\d+$)/i;

/** Check a session's symbol prefix such as "A/C.3/68"; refused with the bad part named. */
export function checkPrefix(prefix: string): Result<string> {
  if (typeof prefix !== 'string' || prefix === '') return fail('the symbol prefix is empty');
  for (const part of prefix.split('/')) {
    const bad = checkPrefixPart(part, prefix);
    if (bad !== null) return fail(bad);
  }
  return ok(prefix);
}

function checkPrefixPart(part: string, whole: string): string | null {
  if (part === '') return `"${whole}": a symbol has no empty part between two "/"`;
  if (/\s/.test(part)) return `"${part}": a symbol contains no spaces`;
  if (L_PART.test(part)) return `"${part}": a prefix part cannot look like the L part`;
  if (!PREFIX_PART.test(part)) {
    return `"${part}": a prefix part is capital letters and digits, with dots between them (as in "C.3")`;
  }
  return null;
}

/** Parse a document symbol; a malformed one is refused with a message naming the bad part. */
export function parseSymbol(text: string): Result<DocSymbol> {
  if (typeof text !== 'string') return fail('a symbol must be text');
  if (text === '') return fail('the symbol is empty');
  const segments = text.split('/');
  const spaced = segments.find((s) => /\s/.test(s));
  if (spaced !== undefined) return fail(`"${spaced}": a symbol contains no spaces`);
  const reissued = text.endsWith('*');
  const body = reissued ? text.slice(0, -1) : text;
  if (body.includes('*')) {
    const starred = segments.find((s) => s.includes('*'));
    return fail(`"${starred}": the reissue mark "*" comes once, at the end of the symbol`);
  }
  const parts = body.split('/');
  if (parts.includes('')) return fail(`"${text}": a symbol has no empty part between two "/"`);

  const at = parts.findIndex((p) => L_PART.test(p));
  if (at === -1) return fail(`"${text}": missing the L part (such as "L.9") after the session prefix`);
  if (at === 0) return fail(`"${parts[0]}": missing the session prefix before the L part`);
  for (const part of parts.slice(0, at)) {
    const bad = checkPrefixPart(part, text);
    if (bad !== null) return fail(bad);
  }
  // `at` was found in `parts`, so the L part is there.
  const [lPart = '', ...suffixes] = parts.slice(at);
  if (lPart.startsWith('l')) return fail(`"${lPart}": write the L part with a capital "L", as in "L.9"`);
  if (!lPart.startsWith('L.')) return fail(`"${lPart}": write the L part with a dot, as in "L.9"`);
  const lNumber = positiveNumber(lPart, lPart.slice(2), 'draft number');
  if (!lNumber.ok) return lNumber;

  const found: Partial<Record<Suffix, { n: number; part: string }>> = {};
  let last: { rank: number; part: string } | null = null;
  for (const part of suffixes) {
    const m = /^(Rev|Add|Corr)\.(.*)$/.exec(part);
    if (m === null) {
      const loose = /^(rev|add|corr)\.(.*)$/i.exec(part);
      if (loose !== null) {
        const [, written = '', rest = ''] = loose;
        const proper = SUFFIXES.find((s) => s.toLowerCase() === written.toLowerCase()) ?? written;
        return fail(`"${part}": write "${proper}.${rest}" (suffixes are written Rev., Add. and Corr.)`);
      }
      return fail(`"${part}": unknown suffix (expected Rev.n, Add.n or Corr.n)`);
    }
    const [, written = '', digits = ''] = m;
    const kind = written as Suffix;
    const n = positiveNumber(part, digits, `${SUFFIX_NOUN[kind]} number`);
    if (!n.ok) return n;
    const twin = found[kind];
    const noun = SUFFIX_NOUN[kind];
    if (twin !== undefined) return fail(`"${part}": the symbol already has ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} ("${twin.part}")`);
    const rank = SUFFIXES.indexOf(kind);
    if (last !== null && rank < last.rank) return fail(`"${part}": "${kind}." must come before "${last.part}"`);
    found[kind] = { n: n.value, part };
    last = { rank, part };
  }
  return ok({
    prefix: parts.slice(0, at).join('/'),
    lNumber: lNumber.value,
    revision: found.Rev?.n ?? 0,
    ...(found.Add ? { addendum: found.Add.n } : {}),
    ...(found.Corr ? { corrigendum: found.Corr.n } : {}),
    reissued,
  });
}

function positiveNumber(part: string, digits: string, noun: string): Result<number> {
  if (/^0\d+$/.test(digits)) return fail(`"${part}": ${noun} has a leading zero`);
  if (!/^[1-9]\d*$/.test(digits)) return fail(`"${part}": ${noun} must be a positive integer`);
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return fail(`"${part}": ${noun} is too large`);
  return ok(n);
}

function isPositive(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
}

/** Write a parsed symbol back as text; throws a RangeError on a value no symbol could have. */
export function formatSymbol(symbol: DocSymbol): string {
  const prefix = checkPrefix(symbol.prefix);
  if (!prefix.ok) throw new RangeError(`Invalid DocSymbol prefix: ${prefix.error}`);
  if (!isPositive(symbol.lNumber)) throw new RangeError(`Invalid DocSymbol lNumber: ${symbol.lNumber}`);
  if (symbol.revision !== 0 && !isPositive(symbol.revision)) {
    throw new RangeError(`Invalid DocSymbol revision: ${symbol.revision}`);
  }
  for (const key of ['addendum', 'corrigendum'] as const) {
    const n = symbol[key];
    if (n !== undefined && !isPositive(n)) throw new RangeError(`Invalid DocSymbol ${key}: ${n}`);
  }
  let text = `${symbol.prefix}/L.${symbol.lNumber}`;
  if (symbol.revision > 0) text += `/Rev.${symbol.revision}`;
  if (symbol.addendum !== undefined) text += `/Add.${symbol.addendum}`;
  if (symbol.corrigendum !== undefined) text += `/Corr.${symbol.corrigendum}`;
  return symbol.reissued ? `${text}*` : text;
}

/** The symbol of revision `revision` (0 = the original) of draft L.`lNumber` in a session. */
export function draftSymbol(prefix: string, lNumber: number, revision = 0): string {
  return formatSymbol({ prefix, lNumber, revision, reissued: false });
}

/** Whether the symbol names a text of the draft itself (an original or a Rev.), not an Add. or Corr. */
export function isDraftText(symbol: DocSymbol): boolean {
  return symbol.addendum === undefined && symbol.corrigendum === undefined;
}

/** Whether two symbols belong to the same draft: same session prefix and same L-number. */
export function sameDraft(a: DocSymbol, b: DocSymbol): boolean {
  return a.prefix === b.prefix && a.lNumber === b.lNumber;
}

/**
 * Lineage order, for sorting: by prefix (as plain text), L-number, revision; an addendum or
 * corrigendum right after the text it amends (L.9 < L.9/Corr.1 < L.9/Add.1 < L.9/Rev.1);
 * a reissued document after the one it replaces.
 */
export function compareSymbols(a: DocSymbol, b: DocSymbol): number {
  if (a.prefix !== b.prefix) return a.prefix < b.prefix ? -1 : 1;
  return (
    a.lNumber - b.lNumber ||
    a.revision - b.revision ||
    (a.addendum ?? 0) - (b.addendum ?? 0) ||
    (a.corrigendum ?? 0) - (b.corrigendum ?? 0) ||
    Number(a.reissued) - Number(b.reissued)
  );
}

/**
 * Put the symbols of one draft in lineage order. Refused when one is malformed, belongs to
 * another draft, or appears twice. Gaps (Rev.2 without Rev.1) are allowed: a record may
 * start late.
 */
export function orderLineage(symbols: readonly string[]): Result<string[]> {
  const parsed: DocSymbol[] = [];
  for (const text of symbols) {
    const p = parseSymbol(text);
    if (!p.ok) return p;
    const first = parsed[0];
    if (first !== undefined && !sameDraft(first, p.value)) {
      return fail(`"${text}" is not a text of the same draft as "${symbols[0]}"`);
    }
    if (parsed.some((q) => compareSymbols(q, p.value) === 0)) return fail(`"${text}" appears twice`);
    parsed.push(p.value);
  }
  return ok(parsed.sort(compareSymbols).map(formatSymbol));
}
