/**
 * Accepting a proposal: its change written into the live working text through the room, as one
 * server-written change under the PROPOSING user's own client id, so the history credits the
 * proposing delegation with the words it brought (server/collab/history.ts reads the log's
 * authorship).
 *
 * Words (replace, insert, delete) are changed in place at the anchored characters: what the
 * change does to the paragraph's text is what `applyOralAmendments` of shared/oralAmendments.ts
 * makes of the amendment there (spaces, marks of inserted words), so written proposals and oral
 * amendments follow one model; only the characters it changes get new Yjs items, every other
 * character keeps its own (and with it who wrote it). Paragraphs are inserted, deleted and moved
 * as elements, so the others keep theirs; a whole paragraph replaced is written as serverEdit.ts
 * writes an import. Words are written on a mirror of the room's document (see `mirrorOf`).
 *
 * Where the words are now is found by the proposal's anchor (anchors.ts); a paragraph rewritten
 * as new elements (a move) has lost its anchors, and then the quoted words are looked for again
 * at the occurrence the amendment names. A proposal whose quoted words changed is stale: accepting
 * it is refused (409 proposal_stale) and nothing is written.
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { applyOralAmendments, findWords, inlineText, type OralAmendment } from '../../shared/oralAmendments';
import type { AuthenticatedUser } from '../auth/authenticate';
import { DomainError, DomainErrors } from '../errors';
import { type Anchor, type AnchoredRange, paragraphElements, type ParagraphSlots, placeQuote, slotsOf } from './anchors';
import { staleness } from '../../shared/proposals';
import { docText, fragmentToText, TEXT_FRAGMENT } from './fragmentText';
import type { DraftRoom } from './room';
import { dropCharacters } from './serverEdit';

/** What applying and locating read of a proposal (a folded `proposal_tabled` entry). */
export interface PlacedProposal {
  proposalId?: string;
  id?: string;
  amendment: OralAmendment;
  /** The words it quoted when tabled (null: none). */
  quoted: string | null;
  anchor: Anchor | null;
  /** For a replace_paragraph: the hash of the paragraph's text when tabled ('' or absent: not checked). */
  paragraphTextHash?: string;
}

/** Where a proposal's words are in the live text now, and whether it went stale. */
export interface ProposalPlace {
  /** The paragraph's live inline text (null: the paragraph is gone). */
  paragraphText: string | null;
  /** The anchored characters now (null: gone, or the proposal quotes nothing). */
  quotedNow: string | null;
  range: AnchoredRange | null;
  stale: boolean;
  why: string | null;
}

const WORD_KINDS = new Set(['replace_words', 'delete_words', 'insert_words']);
const idOf = (p: PlacedProposal) => p.proposalId ?? p.id ?? '';

/** Where each proposal stands in `doc`, by proposal id: one pass over the text for the lot. */
export function locateProposals(doc: Y.Doc, proposals: readonly PlacedProposal[]): Map<string, ProposalPlace> {
  const elements = paragraphElements(doc);
  const read = new Map<string, ParagraphSlots | null>();
  const slots = (id: string) => {
    if (!read.has(id)) {
      const el = elements.get(id);
      read.set(id, el ? slotsOf(el) : null);
    }
    return read.get(id)!;
  };
  const out = new Map<string, ProposalPlace>();
  for (const p of proposals) out.set(idOf(p), place(doc, p, slots));
  return out;
}

/** Where one proposal stands in `doc`. */
export function locateProposal(doc: Y.Doc, proposal: PlacedProposal): ProposalPlace {
  return locateProposals(doc, [proposal]).get(idOf(proposal))!;
}

function place(doc: Y.Doc, p: PlacedProposal, slots: (id: string) => ParagraphSlots | null): ProposalPlace {
  const a = p.amendment;
  if (a.kind === 'words_not_in_record') return { paragraphText: null, quotedNow: null, range: null, stale: false, why: null };
  const para = slots(a.paragraphId);
  const targetPresent = a.kind !== 'move_paragraph' || slots(a.targetId) !== null;
  const quotes = para !== null && p.quoted !== null && 'words' in a && a.words !== undefined;
  const occurrence = 'occurrence' in a ? a.occurrence : undefined;
  const range = quotes ? placeQuote(doc, para, p.quoted!, p.anchor, occurrence) : para ? { from: 0, to: para.text.length, text: para.text } : null;
  const quotedNow = quotes ? (range?.text ?? null) : null;
  // One rule of staleness for the list and for accepting (shared/proposals.ts).
  const judged = staleness({ state: 'pending', amendment: a, quoted: p.quoted, paragraphTextHash: p.paragraphTextHash ?? '' }, para?.text ?? null, quotedNow, targetPresent);
  const at = { paragraphText: para?.text ?? null, quotedNow, range: judged.stale ? null : range };
  if (judged.stale) return { ...at, stale: true, why: judged.why };
  // Typed against: the same characters, but no longer whole words the model can place.
  if (quotes && range && occurrenceOf(para!.text, range) === null) return { ...at, range: null, stale: true, why: 'the words it quotes now run into the words beside them' };
  return { ...at, stale: false, why: null };
}

/** Which occurrence of its words (1 = first, as findWords counts whole words) a range is, or null. */
function occurrenceOf(text: string, range: AnchoredRange): number | null {
  for (let k = 1; ; k++) {
    const found = findWords(text, range.text, k);
    if (!found.ok) return null;
    if (found.value[0] === range.from) return k;
    if (found.value[0] > range.from) return null;
  }
}

/**
 * Accept a proposal into the room's working text as `proposer`: one change, stored, applied and
 * relayed like any edit. `modifiedText` is the words as modified when accepted as modified.
 * Resolves with the change's seq. Refuses with 409 proposal_stale when the words it quotes
 * changed; with the room's refusals otherwise (DraftFrozen, a locked paragraph, the text closed).
 */
export async function applyProposal(
  room: DraftRoom,
  proposal: PlacedProposal,
  modifiedText: string | null,
  proposer: AuthenticatedUser,
  options: { otherInstances?: boolean } = {},
): Promise<number> {
  // Placed on the text with every edit already sent in (not `flush`, which waits while anyone types),
  // and, beside other instances, theirs read from the log.
  await room.committedSoFar();
  if (options.otherInstances ?? true) await room.catchUp();
  const where = locateProposal(room.doc, proposal);
  if (where.stale) throw DomainErrors.proposalStale(where.why ?? 'the words it quotes were changed');
  const change = proposalUpdate(room.doc, proposal, where, modifiedText);
  if (!change) throw DomainErrors.refused('accepting it would change nothing in the working text');
  try {
    return await room.submitFromServer(change.update, proposer, [change.clientId]);
  } catch (e) {
    dropMirror(room.doc);
    if (e instanceof DomainError || !(e instanceof Error) || !e.message.startsWith('the change would make the text invalid')) throw e;
    throw DomainErrors.refused(`accepting it ${e.message.slice('the change '.length)}; nothing was changed`);
  }
}

/** The amendment as it applies now: its text as modified, its words at the anchored occurrence. */
function asAnchored(a: OralAmendment, range: AnchoredRange | null, text: string | null, modifiedText: string | null): OralAmendment {
  const out = { ...a, accepted: true } as OralAmendment & { occurrence?: number; text?: string };
  if (modifiedText !== null && 'text' in a) out.text = modifiedText;
  if ('words' in a && a.words !== undefined && range && text !== null) out.occurrence = occurrenceOf(text, range) ?? undefined;
  return out;
}

/**
 * The Yjs update (under a client id new to the text) that makes a located proposal's change to
 * `doc`, or null when it changes nothing; `doc` itself is not changed. Throws proposal_stale
 * when the shared model cannot apply it there.
 */
export function proposalUpdate(doc: Y.Doc, p: PlacedProposal, where: ProposalPlace, modifiedText: string | null): { update: Uint8Array; clientId: number } | null {
  const amendment = asAnchored(p.amendment, where.range, where.paragraphText, modifiedText);
  if (WORD_KINDS.has(amendment.kind)) return wordsUpdate(doc, amendment, where);
  const text = docText(doc);
  if (!text.ok) throw DomainErrors.refused(`the working text cannot be read: ${text.error}`);
  const applied = applyOralAmendments(text.value, [amendment]);
  if (!applied.ok) throw DomainErrors.proposalStale(applied.error);
  const target = applied.value;
  // As elements first; should that ever differ from the model's text, the model's text is written whole.
  const inPlace = changeOnCopy(doc, (scratch) => {
    if (!moveParagraphs(scratch, amendment)) writeWhole(scratch, target);
  });
  if (inPlace.text.ok && inPlace.text.value.eq(target)) return inPlace.change;
  return changeOnCopy(doc, (scratch) => writeWhole(scratch, target)).change;
}

/**
 * A words amendment: the model applied to the paragraph alone (a copy of its element), then the
 * characters that differ changed in place on the room's mirror (`mirrorOf`), so an accept costs
 * the paragraph, not the document and its history.
 */
function wordsUpdate(doc: Y.Doc, a: OralAmendment, where: ProposalPlace): { update: Uint8Array; clientId: number } | null {
  const mirror = mirrorOf(doc);
  const el = paragraphElements(mirror).get(a.paragraphId);
  if (!el) throw DomainErrors.proposalStale('its paragraph was deleted');
  const alone = new Y.Doc();
  const fragment = alone.getXmlFragment(TEXT_FRAGMENT);
  fragment.insert(0, [el.clone()]);
  const before = fragmentToText(fragment);
  alone.destroy();
  if (!before.ok) throw DomainErrors.refused(`the paragraph cannot be read: ${before.error}`);
  const applied = applyOralAmendments(before.value, [a]);
  if (!applied.ok) throw DomainErrors.proposalStale(applied.error);
  return changeOn(doc, mirror, (m) => writeWords(m, a.paragraphId, applied.value, changedStretch(a, where)));
}

/**
 * The mirror of a room's document: a copy kept up to date by the document's own updates, on
 * which accepted words are written. Copying a document with a long history takes longer than
 * the rest of an accept; the mirror is made once per loaded room (on the first accept) and lives
 * as long as the document. A change written on it that the room then refuses makes it differ
 * from the document: `dropMirror` throws it away, and the next accept makes a new one.
 */
const mirrors = new WeakMap<Y.Doc, { copy: Y.Doc; stop: () => void }>();

function mirrorOf(doc: Y.Doc): Y.Doc {
  const known = mirrors.get(doc);
  if (known) return known.copy;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const follow = (u: Uint8Array) => Y.applyUpdate(copy, u);
  const stop = () => {
    doc.off('update', follow);
    copy.destroy();
    mirrors.delete(doc);
  };
  doc.on('update', follow);
  doc.once('destroy', stop);
  mirrors.set(doc, { copy, stop });
  return copy;
}

/** Throw a room's mirror away (it holds a change the room refused). */
export function dropMirror(doc: Y.Doc): void {
  mirrors.get(doc)?.stop();
}

/** The update `write` makes on `target` (the mirror or a copy of `doc`) under a client id new to `doc`. */
function changeOn(doc: Y.Doc, target: Y.Doc, write: (t: Y.Doc) => void): { update: Uint8Array; clientId: number } | null {
  let clientId = new Y.Doc().clientID;
  while (doc.store.clients.has(clientId) || target.store.clients.has(clientId)) clientId = new Y.Doc().clientID;
  // Set after loading: Yjs gives a doc a fresh id when it receives its own id from elsewhere.
  target.clientID = clientId;
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = u);
  target.on('update', capture);
  try {
    target.transact(() => write(target));
  } finally {
    target.off('update', capture);
  }
  return update ? { update, clientId } : null;
}

/** The update `write` makes to a copy of `doc` under a client id new to it, and the text it leaves. */
function changeOnCopy(doc: Y.Doc, write: (scratch: Y.Doc) => void): { change: { update: Uint8Array; clientId: number } | null; text: ReturnType<typeof docText> } {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const change = changeOn(doc, scratch, write);
  const text = docText(scratch);
  scratch.destroy();
  return { change, text };
}

/** The whole text written as serverEdit.ts writes an import: unchanged paragraphs keep their items. */
function writeWhole(scratch: Y.Doc, target: PMNode): void {
  const fragment = scratch.getXmlFragment(TEXT_FRAGMENT);
  dropCharacters(fragment, target, 0);
  prosemirrorToYXmlFragment(target, fragment);
}

/**
 * Insert, delete or move paragraphs as elements, so that every other paragraph keeps its own
 * (y-prosemirror, diffing a moved paragraph, rewrites every paragraph between its old and new
 * place). A moved paragraph is written anew (Yjs has no move), with its subparagraphs, as the
 * model moves it. False for other kinds.
 */
function moveParagraphs(scratch: Y.Doc, a: OralAmendment): boolean {
  if (a.kind !== 'insert_paragraph' && a.kind !== 'delete_paragraph' && a.kind !== 'move_paragraph') return false;
  const elements = paragraphElements(scratch);
  const at = (id: string) => {
    const el = elements.get(id);
    const parent = el?.parent as Y.XmlElement | Y.XmlFragment | undefined;
    if (!el || !parent) throw DomainErrors.proposalStale(`paragraph ${id} is not in the working text`);
    const siblings = parent.toArray();
    const index = siblings.indexOf(el);
    return { el, parent, index, block: blockLength(siblings, index) };
  };
  const here = at(a.paragraphId);
  if (a.kind === 'delete_paragraph') here.parent.delete(here.index, 1);
  else if (a.kind === 'insert_paragraph') {
    const el = new Y.XmlElement(a.paragraphType);
    el.setAttribute('id', a.newId);
    // y-prosemirror keeps a node's attributes as they are: the level is a number.
    if (a.paragraphType === 'subparagraph') el.setAttribute('level', (a.level ?? 1) as unknown as string);
    el.insert(0, [new Y.XmlText(a.text)]);
    here.parent.insert(a.position === 'before' ? here.index : here.index + 1, [el]);
  } else {
    const there = at(a.targetId);
    const moved = here.parent.slice(here.index, here.index + here.block) as Y.XmlElement[];
    const to = a.position === 'before' ? there.index : there.index + there.block;
    there.parent.insert(
      to,
      moved.map((el) => el.clone()),
    );
    const shift = there.parent === here.parent && to <= here.index ? here.block : 0;
    here.parent.delete(here.index + shift, here.block);
  }
  return true;
}

/** How many siblings a paragraph's block spans: it and the subparagraphs deeper than it right after it. */
function blockLength(siblings: readonly unknown[], index: number): number {
  const levelOf = (el: unknown) => (el instanceof Y.XmlElement && el.nodeName === 'subparagraph' ? Number(el.getAttribute('level') ?? 1) : 0);
  const level = levelOf(siblings[index]);
  let n = 1;
  for (let i = index + 1; i < siblings.length; i++) {
    const next = siblings[i];
    if (!(next instanceof Y.XmlElement) || next.nodeName !== 'subparagraph' || levelOf(next) <= level) break;
    n++;
  }
  return n;
}

/**
 * Where a words amendment's change may lie: it starts no later than `from` and ends no earlier
 * than `to` (the quoted words, or the insertion point), so that in a text repeating itself the
 * characters changed are those at the anchor, not an equal stretch beside it.
 */
function changedStretch(a: OralAmendment, where: ProposalPlace): { from: number; to: number } {
  const range = where.range ?? { from: 0, to: where.paragraphText?.length ?? 0 };
  if (a.kind !== 'insert_words') return range;
  const at = a.position === 'start' || a.position === 'before' ? range.from : range.to;
  return { from: at, to: at };
}

/** The paragraph with this id in a ProseMirror text, and its position. */
function paragraphNode(doc: PMNode, id: string): { node: PMNode; pos: number } | null {
  let hit: { node: PMNode; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (hit === null && node.isTextblock && node.attrs.id === id) hit = { node, pos };
    return hit === null && !node.isTextblock;
  });
  return hit;
}

/**
 * Change a paragraph's characters in place to what `target` holds there: the one stretch that
 * differs (a words amendment changes one) is deleted and the new characters inserted with the
 * marks the model gave them; the characters around it keep their items.
 */
function writeWords(scratch: Y.Doc, paragraphId: string, target: PMNode, stretch: { from: number; to: number }): void {
  const el = paragraphElements(scratch).get(paragraphId);
  const after = paragraphNode(target, paragraphId);
  if (!el || !after) return;
  const p = slotsOf(el);
  const old = p.text;
  const next = inlineText(after.node, after.pos);
  let start = 0;
  while (start < stretch.from && start < next.text.length && old[start] === next.text[start]) start++;
  let tail = 0;
  const most = Math.min(old.length - Math.max(start, stretch.to), next.text.length - start);
  while (tail < most && old[old.length - 1 - tail] === next.text[next.text.length - 1 - tail]) tail++;
  // Never half a surrogate pair.
  if (start > 0 && /[\uD800-\uDBFF]/.test(old[start - 1]!)) start--;
  if (tail > 0 && /[\uDC00-\uDFFF]/.test(old[old.length - tail]!)) tail--;
  const inserted = next.text.slice(start, next.text.length - tail);
  if (inserted.includes('\uFFFC')) throw new RangeError('a words amendment does not insert footnotes');
  deleteInline(p, start, old.length - tail);
  if (inserted === '') return;
  const marks = target.nodeAt(next.posOf[start]!)?.marks ?? [];
  insertInline(slotsOf(el), start, inserted, Object.fromEntries(marks.map((m) => [m.type.name, m.attrs])));
}

// Delete [from, to) of a paragraph's inline text, back to front so earlier offsets stay valid.
function deleteInline(p: ParagraphSlots, from: number, to: number): void {
  for (const slot of [...p.slots].reverse()) {
    const a = Math.max(from, slot.start);
    const b = Math.min(to, slot.start + slot.length);
    if (a >= b) continue;
    if (slot.child instanceof Y.XmlText) slot.child.delete(a - slot.start, b - a);
    else p.el.delete(slot.index, 1);
  }
}

// Insert characters at an offset: into the run holding the character before it (y-prosemirror's
// choice too), else the run holding the one after, else a new run.
function insertInline(p: ParagraphSlots, at: number, chars: string, attributes: Record<string, unknown>): void {
  const before = p.slots.find((s) => s.child instanceof Y.XmlText && s.start < at && at <= s.start + s.length);
  const after = before ?? p.slots.find((s) => s.child instanceof Y.XmlText && s.start === at);
  const slot = before ?? after;
  if (slot) return (slot.child as Y.XmlText).insert(at - slot.start, chars, attributes);
  const index = p.slots.find((s) => s.start >= at)?.index ?? p.el.length;
  const run = new Y.XmlText();
  p.el.insert(index, [run]);
  run.insert(0, chars, attributes);
}
