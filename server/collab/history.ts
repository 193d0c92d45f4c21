/**
 * History from the update log: the text as of a seq or a time, the changes over a span, and the
 * authorship of the current text. The log is the only source: a character's author is the user
 * who owns the Yjs client id it was written under (ids are claimed on first write, see
 * authorship.ts), and their delegation is the one the log recorded with that update.
 */
import * as Y from 'yjs';
import { charsByDelegation, pushRun, type AuthorRun, type ChangeEntry, type ParagraphAuthorship, type TextAsOf } from '../../shared/history';
import type { StoredUpdate, UpdateLogRepo } from '../storage/types';
import { docText, TEXT_FRAGMENT } from './fragmentText';
import { loadDoc } from './registry';
import { DomainErrors } from '../errors';

export { TEXT_FRAGMENT } from './fragmentText';

type LogRepo = Pick<UpdateLogRepo, 'listUpdates' | 'latestCheckpoint' | 'lastSeq'>;

/**
 * ProseMirror JSON and plain text of a doc's working text; 409 `text_invalid` when it does not
 * read as a text (`what` names it in the message: "the working text at seq 12").
 */
export function renderText(doc: Y.Doc, what = 'the working text'): { doc: unknown; plain: string } {
  const text = docText(doc);
  if (!text.ok) throw DomainErrors.textInvalid(what, text.error);
  const node = text.value;
  return { doc: node.toJSON(), plain: node.textBetween(0, node.content.size, '\n') };
}

// A replay that overflows the stack part way leaves Yjs's clean-up to fail next ("Unexpected case").
function isStackOverflow(err: unknown): boolean {
  return err instanceof Error && ((err instanceof RangeError && /call stack/i.test(err.message)) || err.message === 'Unexpected case');
}

/**
 * Rebuild the doc as of `seq`. Yjs deletes and collects a nested element one call per level, so a
 * log holding a structure nested thousands deep (which no valid text has) and its deletion in the
 * same replay overflows the stack: that is a text that cannot be read, not a fault of the server.
 */
async function loadReadable(store: LogRepo, draftId: string, seq: number, what: string): Promise<Y.Doc> {
  try {
    return (await loadDoc(store, draftId, seq)).doc;
  } catch (err) {
    if (isStackOverflow(err)) throw DomainErrors.textInvalid(what, 'its history holds content nested far deeper than a text can be');
    throw err;
  }
}

/**
 * The seq of the last update stored at or before `at` (0 when none), and when it was stored: a binary search over the
 * log's seqs, one row read per step (17 for 100,000 updates). Updates are dated when they are
 * committed, so their times rise with their seqs; should two instances' clocks disagree by a
 * few milliseconds, the answer is still a seq stored at or before `at` whose next was after it.
 */
export async function seqAtTime(store: LogRepo, draftId: string, at: string): Promise<{ seq: number; at: string | null }> {
  const t = Date.parse(at);
  const row = async (seq: number) => (await store.listUpdates(draftId, seq - 1, seq))[0];
  let found: StoredUpdate | undefined;
  let lo = 1;
  let hi = await store.lastSeq(draftId);
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const u = await row(mid);
    if (u === undefined) break; // the log never has gaps; nothing better to answer if it had
    if (Date.parse(u.at) <= t) {
      found = u;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return { seq: found?.seq ?? 0, at: found?.at ?? null };
}

/** The text as of a seq (or a time); the latest when neither is given. */
export async function textAsOf(store: LogRepo, draftId: string, point: { seq?: number; at?: string }): Promise<TextAsOf> {
  const last = await store.lastSeq(draftId);
  let seq = Math.min(point.seq ?? last, last);
  let at: string | null = null;
  if (point.at !== undefined) ({ seq, at } = await seqAtTime(store, draftId, point.at));
  else if (seq > 0) at = (await store.listUpdates(draftId, seq - 1, seq))[0]?.at ?? null;
  const what = point.seq === undefined && point.at === undefined ? 'the working text' : `the working text at seq ${seq}`;
  const doc = seq > 0 ? await loadReadable(store, draftId, seq, what) : new Y.Doc();
  try {
    return { draftId, seq, at, ...renderText(doc, what) };
  } finally {
    doc.destroy();
  }
}

function stringLength(item: Y.Item): number {
  return item.content instanceof Y.ContentString ? item.content.getLength() : 0;
}

/** The changes over seqs [from, to]: who, when, characters inserted and deleted. */
export async function changesBetween(store: LogRepo, draftId: string, from = 1, to?: number): Promise<ChangeEntry[]> {
  const start = Math.max(1, from);
  const { doc } = start > 1 ? await loadDoc(store, draftId, start - 1) : { doc: new Y.Doc() };
  // Keep deleted content so a later deletion of it can still be measured.
  doc.gc = false;
  const out: ChangeEntry[] = [];
  let inserted = 0;
  let deleted = 0;
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = doc.store.clients.get(client) ?? [];
      for (let i = before > 0 ? Y.findIndexSS(structs, before) : 0; i < structs.length; i++) {
        const s = structs[i]!;
        if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentString)) continue;
        // Count only the part of a struct that this transaction created.
        inserted += Math.max(0, Math.min(s.id.clock + s.length, after) - Math.max(s.id.clock, before));
      }
    }
    Y.iterateDeletedStructs(tr, tr.deleteSet, (s) => {
      if (s instanceof Y.Item) deleted += stringLength(s);
    });
  });
  for (const u of await store.listUpdates(draftId, start - 1, to)) {
    inserted = 0;
    deleted = 0;
    Y.applyUpdate(doc, u.update);
    out.push({ seq: u.seq, at: u.at, userId: u.userId, delegationId: u.delegationId, inserted, deleted });
  }
  doc.destroy();
  return out;
}

/** Who wrote each client id, from the log (the first update creating content under it). */
function clientAuthors(log: StoredUpdate[]): Map<number, { userId: string | null; delegationId: string | null }> {
  const m = new Map<number, { userId: string | null; delegationId: string | null }>();
  for (const u of log) {
    for (const s of Y.decodeUpdate(u.update).structs) {
      if (!m.has(s.id.client)) m.set(s.id.client, { userId: u.userId, delegationId: u.delegationId });
    }
  }
  return m;
}

function walk(type: Y.XmlElement | Y.XmlText, visit: (item: Y.Item) => void): void {
  if (type instanceof Y.XmlText) {
    for (let item = type._start; item; item = item.right) if (!item.deleted) visit(item);
    return;
  }
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    walk(item.content.type as Y.XmlElement | Y.XmlText, visit);
  }
}

/** For each block of the current text, which delegations wrote which characters. */
export async function authorshipOf(store: LogRepo, draftId: string): Promise<ParagraphAuthorship[]> {
  const log = await store.listUpdates(draftId);
  const authors = clientAuthors(log);
  // From the newest checkpoint, as the room loads: content cut back after a restore is not replayed.
  const doc = log.length > 0 ? await loadReadable(store, draftId, log[log.length - 1]!.seq, 'the authorship of the working text') : new Y.Doc();
  // Only a valid text is walked: the walk below goes down one call per level.
  const valid = docText(doc);
  if (!valid.ok) {
    doc.destroy();
    throw DomainErrors.textInvalid('the authorship of the working text', valid.error);
  }
  const out: ParagraphAuthorship[] = [];
  doc
    .getXmlFragment(TEXT_FRAGMENT)
    .toArray()
    .forEach((block, index) => {
      const runs: AuthorRun[] = [];
      let text = '';
      if (block instanceof Y.XmlElement || block instanceof Y.XmlText) {
        walk(block, (item) => {
          if (!(item.content instanceof Y.ContentString)) return;
          const who = authors.get(item.id.client) ?? { userId: null, delegationId: null };
          text += item.content.str;
          pushRun(runs, { ...who, length: item.content.getLength() });
        });
      }
      const el = block instanceof Y.XmlElement ? block : null;
      out.push({ index, id: String(el?.getAttribute('id') ?? ''), type: el?.nodeName ?? 'text', text, runs, byDelegation: charsByDelegation(runs) });
    });
  doc.destroy();
  return out;
}

/** Who wrote characters of a paragraph after a point, and when they last did. */
export interface ParagraphWriter {
  delegationId: string | null;
  userId: string | null;
  /** Characters of the current text this writer wrote after the point. */
  chars: number;
  /** When the latest of them was stored. */
  lastAt: string;
}

// When each (client, clock) was stored: per client, the clock ranges each update of the log added.
// The log's first update by no delegation is the issued text the room was seeded with
// (server/collab/seed.ts), not a change anyone made: its characters have no time here.
function clockTimes(log: StoredUpdate[]): (client: number, clock: number) => string | null {
  const ranges = new Map<number, { from: number; to: number; at: string }[]>();
  for (const u of log) {
    if (u.seq === 1 && u.delegationId === null) continue;
    const { from, to } = Y.parseUpdateMeta(u.update);
    for (const [client, end] of to) {
      const start = from.get(client) ?? 0;
      if (end > start) {
        const list = ranges.get(client) ?? [];
        list.push({ from: start, to: end, at: u.at });
        ranges.set(client, list);
      }
    }
  }
  // A client's clocks only grow through the log, so its ranges are in order: search them by halves.
  return (client, clock) => {
    const list = ranges.get(client);
    if (!list) return null;
    let [lo, hi] = [0, list.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid]!;
      if (clock < r.from) hi = mid - 1;
      else if (clock >= r.to) lo = mid + 1;
      else return r.at;
    }
    return null;
  };
}

/**
 * For each paragraph (by id) of the current working text, who wrote the characters stored after
 * `since` (an ISO time; null: every character), with how many and when last — what a comparison
 * of an earlier text with the working text says of who made each change and when.
 */
export async function writersSince(store: LogRepo, draftId: string, since: string | null): Promise<Map<string, ParagraphWriter[]>> {
  const log = await store.listUpdates(draftId);
  const out = new Map<string, ParagraphWriter[]>();
  if (log.length === 0) return out;
  const authors = clientAuthors(log);
  const timeOf = clockTimes(log);
  const doc = await loadReadable(store, draftId, log[log.length - 1]!.seq, 'who changed the working text');
  const valid = docText(doc);
  if (!valid.ok) {
    doc.destroy();
    throw DomainErrors.textInvalid('who changed the working text', valid.error);
  }
  for (const block of doc.getXmlFragment(TEXT_FRAGMENT).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    const id = String(block.getAttribute('id') ?? '');
    if (id === '') continue;
    const byWriter = new Map<string, ParagraphWriter>();
    walk(block, (item) => {
      if (!(item.content instanceof Y.ContentString)) return;
      const at = timeOf(item.id.client, item.id.clock);
      if (at === null || (since !== null && at <= since)) return;
      const who = authors.get(item.id.client) ?? { userId: null, delegationId: null };
      const key = `${who.delegationId}|${who.userId}`;
      const known = byWriter.get(key) ?? { ...who, chars: 0, lastAt: at };
      known.chars += item.content.getLength();
      if (at > known.lastAt) known.lastAt = at;
      byWriter.set(key, known);
    });
    if (byWriter.size > 0)
      out.set(
        id,
        [...byWriter.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt)),
      );
  }
  doc.destroy();
  return out;
}
