/**
 * The chair's negotiation marks: the state of each paragraph, and words in [square brackets].
 *
 * Paragraph states are a governed record (who set which state when), keyed by paragraph id and
 * kept outside the co-edited text, where any editor could change them; the states shown are
 * folded from the record. A paragraph with no record is open. Any state may follow any other:
 * a chair reopens an agreed paragraph when a delegation asks ("nothing is agreed until
 * everything is agreed").
 *
 * Brackets live in the text itself. Alternatives stand in one pair of brackets, separated by a
 * slash with a space on each side, or a full-width slash: "[shall / should]", "[应／应当]". A
 * bare "/" is not a separator, because symbols and numbers use it ("[resolution 11/5]"). Two
 * bracketed passages side by side, "[A] [B]", are two separate contested passages, not
 * alternatives: nothing in "[A] [B]" says whether one or both are meant to stay. Brackets do
 * not nest; full-width ［］ count as brackets.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { Lang } from './languages';
import { sequentialNumbering } from './numbering';
import { inlineText, positionAt } from './oralAmendments';
import { fail, ok, type Result } from './result';
import { isParagraph } from './schema';

/** The states a chair gives a paragraph. */
export const PARAGRAPH_STATES = ['open', 'agreed_ad_ref', 'agreed'] as const;
/** One of the paragraph states. */
export type ParagraphState = (typeof PARAGRAPH_STATES)[number];

/** Labels of the states in each of the six languages (said of a paragraph: فقرة, paragraphe, párrafo, пункт). */
export const PARAGRAPH_STATE_LABELS: Record<ParagraphState, Record<Lang, string>> = {
  open: { ar: 'مفتوحة', zh: '未商定', en: 'open', fr: 'ouvert', ru: 'открыт', es: 'abierto' },
  agreed_ad_ref: {
    ar: 'متفق عليها رهنا بالاستشارة',
    zh: '暂时商定（待核准）',
    en: 'agreed ad referendum',
    fr: 'convenu ad referendum',
    ru: 'согласован ad referendum',
    es: 'acordado ad referendum',
  },
  agreed: { ar: 'متفق عليها', zh: '已商定', en: 'agreed', fr: 'convenu', ru: 'согласован', es: 'acordado' },
};

/** One recorded change of a paragraph's state. */
export interface ParagraphStateEvent {
  /** Recording order within the draft. */
  seq: number;
  paragraphId: string;
  state: ParagraphState;
  /** When it was recorded (ISO 8601). */
  at: string;
  /** The user who recorded it. */
  by: string;
  /** `paragraphTextHash` of the paragraph when it was marked (absent in entries recorded before it was kept). */
  textHash?: string | null;
  /** The chair locked the paragraph: its text may not change until it is marked again. */
  locked?: boolean;
  /** The update log's last seq when it was marked (where a search for who changed it starts). */
  logSeq?: number | null;
}

/** The states as of a point of the record (inclusive), or after every event; paragraphs absent are open. */
export function paragraphStatesAsOf(events: readonly ParagraphStateEvent[], asOf?: { seq: number } | { at: string }): ReadonlyMap<string, ParagraphState> {
  const states = new Map<string, ParagraphState>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (asOf && ('seq' in asOf ? e.seq > asOf.seq : e.at > asOf.at)) break;
    if (e.state === 'open') states.delete(e.paragraphId);
    else states.set(e.paragraphId, e.state);
  }
  return states;
}

function paragraphIds(doc: PMNode): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    if (isParagraph(node)) ids.push(node.attrs.id);
    return !node.isTextblock;
  });
  return ids;
}

/**
 * Check a state the chair sets: the paragraph must be in the text, the state a real one and new.
 * With `standings` (from `paragraphStandings`), marking a paragraph again in the state it has is
 * allowed when it changed since it was agreed (the chair agrees the new text) or to lock or
 * unlock it; only an agreed or agreed ad referendum paragraph can be locked.
 */
export function checkParagraphStateChange(
  doc: PMNode,
  states: ReadonlyMap<string, ParagraphState>,
  change: { paragraphId: unknown; state: unknown; locked?: unknown },
  standings?: ReadonlyMap<string, ParagraphStanding>,
): Result<{ paragraphId: string; state: ParagraphState; locked: boolean }> {
  const { paragraphId, state } = change;
  const locked = change.locked ?? false;
  if (!(PARAGRAPH_STATES as readonly unknown[]).includes(state)) return fail(`"state" must be one of ${PARAGRAPH_STATES.join(', ')}, not ${JSON.stringify(state) ?? 'missing'}`);
  if (typeof locked !== 'boolean') return fail(`"locked" must be true or false, not ${JSON.stringify(locked)}`);
  if (typeof paragraphId !== 'string' || !paragraphIds(doc).includes(paragraphId)) return fail(`there is no paragraph ${JSON.stringify(paragraphId) ?? ''} in the text`);
  const now = states.get(paragraphId) ?? 'open';
  const ref = sequentialNumbering(doc).byId.get(paragraphId)?.ref || 'the paragraph';
  if (locked && state === 'open') return fail(`${ref} cannot be locked while it is open: only an agreed paragraph is locked`);
  const standing = standings?.get(paragraphId);
  const same = now === state && (standing?.locked ?? false) === locked && !standing?.changedSinceAgreed;
  if (same) return fail(`${ref} is already ${PARAGRAPH_STATE_LABELS[now].en}${locked ? ' and locked' : ''}`);
  return ok({ paragraphId, state: state as ParagraphState, locked });
}

/** What the text says beside "agreed" when the paragraph changed after it was marked, and when it is locked. */
export const CHANGED_SINCE_AGREED_LABEL: Record<Lang, string> = {
  ar: 'عُدلت بعد الاتفاق عليها',
  zh: '商定后已修改',
  en: 'changed since agreed',
  fr: 'modifié depuis qu’il a été convenu',
  ru: 'изменен после согласования',
  es: 'modificado después de acordado',
};
/** The label of a locked paragraph. */
export const LOCKED_LABEL: Record<Lang, string> = { ar: 'مقفلة', zh: '已锁定', en: 'locked', fr: 'verrouillé', ru: 'заблокирован', es: 'bloqueado' };

/**
 * A short fingerprint of a paragraph's words (its text content, footnotes included), kept with
 * each paragraph-state entry so that "changed since agreed" is derived from the text, never a
 * flag someone must remember to set. 53-bit cyrb53 in hex: it detects edits, it is not a seal
 * (a locked paragraph is guarded by comparing its content, see server/collab/agreedGuard.ts).
 */
export function paragraphTextHash(node: PMNode): string {
  return hashParagraphText(node.textContent);
}

/** The hash of a paragraph's words as `paragraphTextHash` takes it, for a text already read out of its node. */
export function hashParagraphText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The paragraphs of a text by id (the first one, should an id repeat). */
export function paragraphsById(doc: PMNode): Map<string, PMNode> {
  const found = new Map<string, PMNode>();
  doc.descendants((node) => {
    if (isParagraph(node) && !found.has(node.attrs.id)) found.set(node.attrs.id, node);
    return !node.isTextblock;
  });
  return found;
}

/** Where an agreed paragraph stands now: its state, whether it is locked, and whether its text moved since. */
export interface ParagraphStanding {
  state: Exclude<ParagraphState, 'open'>;
  locked: boolean;
  /** The entry that set the state (its seq in the record, when, by whom). */
  since: { seq: number; at: string; by: string };
  /** The paragraph's `paragraphTextHash` when it was marked, or null when the record does not know it. */
  textHash: string | null;
  /**
   * The paragraph's text differs from the text marked, or the paragraph is gone from the text.
   * False when the record does not know the text marked (entries recorded before it was kept).
   */
  changedSinceAgreed: boolean;
}

/**
 * The standing of every agreed or agreed ad referendum paragraph in the record, against the text
 * `doc` now (or with `hashOf` giving a paragraph's hash now, null when it is not in the text).
 * Derived on every read: "changed since agreed" follows the text by itself.
 */
export function paragraphStandings(events: readonly ParagraphStateEvent[], now: PMNode | ((paragraphId: string) => string | null)): Map<string, ParagraphStanding> {
  const latest = new Map<string, ParagraphStateEvent>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) latest.set(e.paragraphId, e);
  let hashOf: (id: string) => string | null;
  if (typeof now === 'function') hashOf = now;
  else {
    const byId = paragraphsById(now);
    hashOf = (id) => {
      const node = byId.get(id);
      return node ? paragraphTextHash(node) : null;
    };
  }
  const out = new Map<string, ParagraphStanding>();
  for (const [id, e] of latest) {
    if (e.state === 'open') continue;
    const textHash = e.textHash ?? null;
    out.set(id, {
      state: e.state,
      locked: e.locked === true,
      since: { seq: e.seq, at: e.at, by: e.by },
      textHash,
      changedSinceAgreed: textHash !== null && hashOf(id) !== textHash,
    });
  }
  return out;
}

/** The paragraphs the chair has locked (the latest entry of each says so), with the state they are locked in. */
export function lockedParagraphs(events: readonly ParagraphStateEvent[]): Map<string, ParagraphState> {
  const latest = new Map<string, ParagraphStateEvent>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) latest.set(e.paragraphId, e);
  return new Map([...latest].filter(([, e]) => e.state !== 'open' && e.locked === true).map(([id, e]) => [id, e.state]));
}

/** The refusal a locked paragraph's edit gets: "OP 3 is agreed and locked by the chair: table a proposal to reopen it". */
export function lockedRefusal(ref: string, state: ParagraphState = 'agreed'): string {
  return `${ref} is ${PARAGRAPH_STATE_LABELS[state].en} and locked by the chair: table a proposal to reopen it`;
}

/** How far the negotiation has come: the text's paragraphs by state. */
export interface NegotiationCounts {
  total: number;
  open: number;
  agreedAdReferendum: number;
  agreed: number;
}

/** Count the text's paragraphs by state; states of paragraphs no longer in the text are ignored. */
export function negotiationCounts(doc: PMNode, states: ReadonlyMap<string, ParagraphState>): NegotiationCounts {
  const counts = { total: 0, open: 0, agreedAdReferendum: 0, agreed: 0 };
  for (const id of new Set(paragraphIds(doc))) {
    const state = states.get(id) ?? 'open';
    counts.total += 1;
    counts[state === 'agreed_ad_ref' ? 'agreedAdReferendum' : state] += 1;
  }
  return counts;
}

/**
 * The drafts list's summary, in each of the six languages: "12 of 29 agreed, 3 ad referendum" /
 * "29 段中已商定 12 段，3 段暂时商定" / "12 sur 29 convenus, 3 ad referendum" / "12 de 29 acordados,
 * 3 ad referendum" / "согласовано 12 из 29, 3 ad referendum" / "اتُّفق على 12 من 29، و3 رهنا بالاستشارة".
 */
export function formatAgreedCount(counts: NegotiationCounts, lang: Lang): string {
  const { total, agreed, agreedAdReferendum: adRef } = counts;
  switch (lang) {
    case 'zh':
      return `${total} 段中已商定 ${agreed} 段${adRef ? `，${adRef} 段暂时商定` : ''}`;
    case 'fr':
      return `${agreed} sur ${total} convenus${adRef ? `, ${adRef} ad referendum` : ''}`;
    case 'es':
      return `${agreed} de ${total} acordados${adRef ? `, ${adRef} ad referendum` : ''}`;
    case 'ru':
      return `согласовано ${agreed} из ${total}${adRef ? `, ${adRef} ad referendum` : ''}`;
    case 'ar':
      return `اتُّفق على ${agreed} من ${total}${adRef ? `، و${adRef} رهنا بالاستشارة` : ''}`;
    default:
      return `${agreed} of ${total} agreed${adRef ? `, ${adRef} ad referendum` : ''}`;
  }
}

/** A bracketed passage: where it stands in the text and the alternatives it offers. */
export interface BracketedPassage {
  /** The index of "[" and the index after "]". */
  start: number;
  end: number;
  /** The words inside the brackets. */
  inner: string;
  /** The alternatives, trimmed; one when the passage offers no choice. */
  alternatives: string[];
}

const OPEN = new Set(['[', '［']);
const CLOSE = new Set([']', '］']);
const ALTERNATIVES = /\s+\/\s+|／/;

function around(text: string, i: number): string {
  return JSON.stringify(`${i > 20 ? '…' : ''}${text.slice(Math.max(0, i - 20), i + 20)}${i + 20 < text.length ? '…' : ''}`);
}

/** The bracketed passages of a text; nested, unopened and unclosed brackets are refused with where they are. */
export function findBrackets(text: string): Result<BracketedPassage[]> {
  const found: BracketedPassage[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (OPEN.has(c)) {
      if (open !== -1) return fail(`a bracket opens inside another, at character ${i + 1} (${around(text, i)}): brackets cannot be nested; use alternatives "[A / B]" instead`);
      open = i;
    } else if (CLOSE.has(c)) {
      if (open === -1) return fail(`a bracket closes that was not opened, at character ${i + 1} (${around(text, i)})`);
      const inner = text.slice(open + 1, i);
      found.push({ start: open, end: i + 1, inner, alternatives: inner.split(ALTERNATIVES).map((s) => s.trim()) });
      open = -1;
    }
  }
  if (open !== -1) return fail(`a bracket opens and is never closed, at character ${open + 1} (${around(text, open)})`);
  return ok(found);
}

// Every node with inline content (title, formula, paragraphs, annex headings, footnotes), named as a chair would.
function textblocks(doc: PMNode): { node: PMNode; pos: number; where: string }[] {
  const numbering = sequentialNumbering(doc);
  const out: { node: PMNode; pos: number; where: string }[] = [];
  doc.descendants((node, pos) => {
    if (!node.inlineContent) return true;
    const id = node.attrs.id as string | undefined;
    const where =
      node.type.name === 'footnote'
        ? `footnote ${numbering.footnoteById.get(id!) ?? ''}`.trim()
        : isParagraph(node)
          ? numbering.byId.get(id!)?.ref || `paragraph ${id}`
          : `the ${{ title: 'title', formula: 'opening formula', annexHeading: 'heading of an annex' }[node.type.name] ?? node.type.name}`;
    out.push({ node, pos, where });
    return true;
  });
  return out;
}

/** The bracketed passages of a whole text, by where they stand ("OP 3"); refused at the first malformed bracket. */
export function bracketsInText(doc: PMNode): Result<{ where: string; passages: BracketedPassage[] }[]> {
  const out: { where: string; passages: BracketedPassage[] }[] = [];
  for (const { node, pos, where } of textblocks(doc)) {
    const found = findBrackets(inlineText(node, pos).text);
    if (!found.ok) return fail(`${where}: ${found.error}`);
    if (found.value.length) out.push({ where, passages: found.value });
  }
  return ok(out);
}

/**
 * The text with its brackets taken away, the bracketed words kept, for issuing or freezing.
 * Refused while a passage still offers alternatives, or a bracket is malformed: an issued text
 * must not contain brackets, and only the negotiators can choose between alternatives.
 */
export function clearNegotiationMarks(doc: PMNode): Result<PMNode> {
  const deletions: number[] = [];
  for (const { node, pos, where } of textblocks(doc)) {
    const inline = inlineText(node, pos);
    const found = findBrackets(inline.text);
    if (!found.ok) return fail(`${where}: ${found.error}`);
    for (const p of found.value) {
      if (p.alternatives.length > 1) {
        return fail(`${where} still offers alternatives, [${p.inner}]: the negotiators must choose one before the text is issued`);
      }
      deletions.push(positionAt(inline, p.start), positionAt(inline, p.end - 1));
    }
  }
  const tr = new Transform(doc);
  // From the end backwards, so earlier positions stay valid.
  for (const at of deletions.sort((a, b) => b - a)) tr.delete(at, at + 1);
  return ok(tr.doc);
}
