/**
 * Stale proposals, found as they turn stale: after each batch a room commits, the pending
 * proposals anchored in the paragraphs that batch touched are placed again (proposalApply.ts
 * `locateProposals`, judged by shared/proposals.ts `staleness`). One that turns stale is told to
 * its proposer (notifier.ts `notifyStale`: the inbox) and, like one that turns fresh again (an
 * edit undone), to everyone in the room (the recordChanged notice: clients reload the list).
 *
 * The pending proposals of a room are read from the record once and kept: a keystroke reads no
 * record. The record's changes reach the room as an access refresh (`forget`), which rereads it
 * at the next check; a copy older than `maxAgeMs` is reread too, in case one was missed.
 *
 * Beside other instances, the instance that committed a change tells the proposer; the others
 * see the same change from the fan-out, bring their own copy up to date and tell their own
 * peers, without telling the proposer a second time.
 */
import * as Y from 'yjs';
import { NoticeKinds } from '../../shared/protocol';
import { proposalsOf, type Proposal } from '../../shared/proposals';
import { PARAGRAPH_TYPES } from '../../shared/schema';
import type { Store } from '../storage/types';
import { notifyStale } from '../commands/notifier';
import { paragraphElements } from './anchors';
import { locateProposals } from './proposalApply';
import { fromAnotherInstance, type DraftRoom } from './room';

/** Who is told that a proposal turned stale (by default notifier.ts `notifyStale`). */
export type StaleNotifier = (store: Store, input: { draftId: string; proposalId: string; proposerUserId: string; delegationId: string | null }) => Promise<void>;

/** What the watch needs. */
export interface StaleWatchOptions {
  store: Store;
  log: { error(...args: unknown[]): void };
  notify?: StaleNotifier;
  /** The longest a room's copy of its pending proposals is kept without rereading the record. */
  maxAgeMs?: number;
}

/** Everything in the paragraphs of a text: a change above them (blocks added, removed, moved). */
const ALL = 'all';
const PARAGRAPH_NAMES = new Set<string>(PARAGRAPH_TYPES);
const UNANCHORED = new Set(['title', 'formula', 'annexHeading']);

interface Watched {
  room: DraftRoom;
  pending: Proposal[] | null;
  loadedAt: number;
  /** Whether each pending proposal was stale when last looked at. */
  stale: Map<string, boolean>;
  /** Paragraphs changed by this instance's commits, and by other instances', since the last check. */
  own: Set<string>;
  remote: Set<string>;
  running: Promise<void> | null;
  again: boolean;
  /** Proposals being applied or decided here: their own change is no reason to call them stale. */
  decided: Set<string>;
  listener: (tr: Y.Transaction) => void;
}

/** The paragraphs a transaction changed, by id ('all' for a change to the blocks themselves), added to `into`. */
export function touchedBy(tr: Y.Transaction, into: Set<string>): void {
  for (const type of tr.changed.keys()) {
    // Up from the changed type (a text run, a footnote, a paragraph) to the block it is in.
    let t: unknown = type;
    let id: string | null = null;
    while (t instanceof Y.XmlElement || t instanceof Y.XmlText) {
      if (t instanceof Y.XmlElement && PARAGRAPH_NAMES.has(t.nodeName)) {
        id = String(t.getAttribute('id') ?? '');
        break;
      }
      // The title, the formula, an annex's heading: no proposal is anchored there.
      if (t instanceof Y.XmlElement && UNANCHORED.has(t.nodeName)) {
        id = '';
        break;
      }
      // An annex's own children changed: blocks added, removed or moved.
      if (t instanceof Y.XmlElement && t.nodeName === 'annex') break;
      t = t.parent;
    }
    if (id !== '') into.add(id ?? ALL);
  }
}

/** Watches the loaded rooms of one collaboration endpoint. */
export class StaleWatch {
  private readonly watched = new Map<string, Watched>();
  private readonly notify: StaleNotifier;
  private readonly maxAgeMs: number;

  constructor(private readonly opts: StaleWatchOptions) {
    this.notify = opts.notify ?? notifyStale;
    this.maxAgeMs = opts.maxAgeMs ?? 30_000;
  }

  /** Watch a room (again after it was reloaded); reads its pending proposals now, before edits come. */
  attach(room: DraftRoom): void {
    const known = this.watched.get(room.draftId);
    if (known?.room === room) return;
    if (known) known.room.doc.off('afterTransaction', known.listener);
    const w: Watched = {
      room,
      pending: null,
      loadedAt: 0,
      stale: new Map(),
      own: new Set(),
      remote: new Set(),
      running: null,
      again: false,
      decided: new Set(),
      listener: () => undefined,
    };
    w.listener = (tr: Y.Transaction) => {
      if (tr.changed.size === 0) return;
      // No proposal pending (as read lately): an edit has nothing to make stale. A proposal
      // tabled since clears what was read (forget), and the next check reads it and places it.
      if (w.pending?.length === 0 && Date.now() - w.loadedAt <= this.maxAgeMs) return;
      touchedBy(tr, fromAnotherInstance(tr.origin) ? w.remote : w.own);
      this.schedule(w);
    };
    room.doc.on('afterTransaction', w.listener);
    room.doc.once('destroy', () => {
      if (this.watched.get(room.draftId) === w) this.watched.delete(room.draftId);
    });
    this.watched.set(room.draftId, w);
    this.schedule(w);
  }

  /** The record of a draft changed (a proposal tabled, decided, withdrawn): reread it at the next check. */
  forget(draftId: string): void {
    const w = this.watched.get(draftId);
    if (!w) return;
    w.pending = null;
    this.schedule(w);
  }

  /**
   * A proposal is being accepted (its change about to reach the text): stop watching it. Until
   * the decision is in the record it still reads as pending, and its own change of its words
   * would otherwise make it look stale to its proposer. `on` false: it was not applied after all.
   */
  deciding(draftId: string, proposalId: string, on = true): void {
    const w = this.watched.get(draftId);
    if (!w) return;
    if (on) w.decided.add(proposalId);
    else w.decided.delete(proposalId);
    w.stale.delete(proposalId);
  }

  private schedule(w: Watched): void {
    if (w.running) {
      w.again = true;
      return;
    }
    // After the commit's own work (relaying it) is done: the check never delays an edit.
    w.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.check(w))
      .catch((e: unknown) => this.opts.log.error(`collab: checking the proposals of ${w.room.draftId} for staleness failed`, e))
      .finally(() => {
        w.running = null;
        if (w.again) {
          w.again = false;
          this.schedule(w);
        }
      });
  }

  private async check(w: Watched): Promise<void> {
    const draftId = w.room.draftId;
    const fresh = w.pending === null || Date.now() - w.loadedAt > this.maxAgeMs;
    if (fresh) {
      w.loadedAt = Date.now();
      w.pending = proposalsOf(await this.opts.store.listDraftEvents(draftId)).filter((p) => p.state === 'pending');
    }
    const pending = w.pending!.filter((p) => !w.decided.has(p.id));
    const own = w.own;
    const remote = w.remote;
    w.own = new Set();
    w.remote = new Set();
    // Blocks added, removed or moved (Enter, a paragraph deleted) leave the words of every other
    // paragraph as they were: only whether a proposal's paragraph (or a move's target) is still
    // there can change, so a fresh one whose paragraphs are there is not placed again.
    const blocks = own.has(ALL) || remote.has(ALL) ? paragraphElements(w.room.doc) : null;
    const gone = (p: Proposal) => blocks !== null && (!blocks.has(p.amendment.paragraphId) || (p.amendment.kind === 'move_paragraph' && !blocks.has(p.amendment.targetId)));
    const inAny = (p: Proposal, touched: Set<string>) =>
      touched.has(p.amendment.paragraphId) ||
      (p.amendment.kind === 'move_paragraph' && touched.has(p.amendment.targetId)) ||
      (touched.has(ALL) && (gone(p) || w.stale.get(p.id) === true));
    // Proposals not seen before (just read from the record) are placed once, to know where they start.
    const looked = pending.filter((p) => !w.stale.has(p.id) || inAny(p, own) || inAny(p, remote));
    if (looked.length === 0) return;
    const places = locateProposals(w.room.doc, looked);
    let changed = false;
    const ids = new Set(pending.map((p) => p.id));
    for (const id of w.stale.keys()) if (!ids.has(id)) w.stale.delete(id);
    for (const p of looked) {
      const now = places.get(p.id)?.stale ?? false;
      const before = w.stale.get(p.id);
      w.stale.set(p.id, now);
      if (before === undefined || before === now) continue;
      changed = true;
      // Told once, by the instance whose commit made it stale.
      if (now && inAny(p, own)) {
        await this.notify(this.opts.store, { draftId, proposalId: p.id, proposerUserId: p.proposedBy, delegationId: p.delegationId }).catch((e: unknown) =>
          this.opts.log.error(`collab: telling the proposer of ${p.id} that it turned stale failed`, e),
        );
      }
    }
    if (changed) for (const peer of w.room.peers) peer.tell({ kind: NoticeKinds.recordChanged, message: 'a proposal on this draft turned stale, or fresh again' });
  }
}
