/**
 * Agreed means agreed, on the wire. The chair's locks (paragraph_state entries with `locked`,
 * shared/negotiation.ts) are held by each room; an update whose proof (textProof.ts) changes a
 * locked paragraph's content is refused like any other, with the reason the chair's record
 * gives ("OP 3 is agreed and locked by the chair: table a proposal to reopen it").
 */
import * as Y from 'yjs';
import { lockedParagraphs, type ParagraphState } from '../../shared/negotiation';
import { paragraphStateEvents } from '../commands/meetingRecord';
import type { RecordRepos } from '../storage/types';

/**
 * The locks of one draft, as its record holds them. Reloaded whenever the room hears that the
 * record changed (DraftRoom.setAccess); an edit waits for a reload in progress, so an edit that
 * reaches the room after the lock was announced is judged by it.
 */
export class ParagraphLocks {
  private locked: ReadonlyMap<string, ParagraphState> = new Map();
  private loading: Promise<void>;
  /** Whether the latest reload has finished (then `known` answers without waiting). */
  private settled = false;
  // Reloads overlap (a record change is heard directly and over the fan-out): only the latest one counts.
  private generation = 0;

  constructor(
    private readonly store: Pick<RecordRepos, 'listDraftEvents'>,
    private readonly draftId: string,
    private readonly onError: (e: unknown) => void,
  ) {
    this.loading = this.load(this.generation);
  }

  /** Read the locks again from the record. */
  reload(): void {
    this.settled = false;
    this.loading = this.load(++this.generation);
  }

  /** The locks, when no reload is in progress; null while one is (then wait for `current`). */
  get known(): ReadonlyMap<string, ParagraphState> | null {
    return this.settled ? this.locked : null;
  }

  /** The locked paragraphs and their state, once the latest reload finished. */
  async current(): Promise<ReadonlyMap<string, ParagraphState>> {
    await this.loading;
    return this.locked;
  }

  private async load(generation: number): Promise<void> {
    try {
      const locked = lockedParagraphs(paragraphStateEvents(await this.store.listDraftEvents(this.draftId)));
      if (generation === this.generation) this.locked = locked;
    } catch (e) {
      // Keep the locks known: a record that cannot be read now does not unlock anything.
      this.onError(e);
    } finally {
      if (generation === this.generation) this.settled = true;
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their events, and any container is one here
type Container = Y.AbstractType<any>;

// Every id an element was written with, the newest first, deleted ones too: a paragraph deleted
// loses its attributes with it, and one whose id is rewritten must still be known by its old id.
function idsOf(type: Container): string[] {
  if (!(type instanceof Y.XmlElement)) return [];
  const ids: string[] = [];
  for (let item: Y.Item | null = type._map.get('id') ?? null; item; item = item.left) {
    const value: unknown = item.content.getContent().at(-1);
    if (typeof value === 'string') ids.push(value);
  }
  return ids;
}

// The locked paragraph `type` is, or lies in.
function lockedAround(type: Container | null, ids: ReadonlySet<string>): string | null {
  for (let t = type; t; t = (t._item?.parent as Container | undefined) ?? null) {
    const id = idsOf(t).find((i) => ids.has(i));
    if (id !== undefined) return id;
  }
  return null;
}

/**
 * The locked paragraphs (`ids`) a transaction changed: their text, formatting or attributes,
 * or their removal (alone or with what holds them). Read off what the transaction changed and
 * deleted, so its cost follows the update, not the text.
 */
export function touchedParagraphs(tr: Y.Transaction, ids: ReadonlySet<string>): string[] {
  if (ids.size === 0) return [];
  const hit = new Set<string>();
  const note = (id: string | null) => {
    if (id !== null) hit.add(id);
  };
  for (const type of tr.changed.keys()) note(lockedAround(type, ids));
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item)) return;
    note(lockedAround(struct.content instanceof Y.ContentType ? struct.content.type : (struct.parent as Container), ids));
  });
  return [...hit];
}
