/**
 * Agreed means agreed, on the wire. The chair's locks (paragraph_state entries with `locked`,
 * shared/negotiation.ts) are held by each room; an update whose proof (textProof.ts) changes a
 * locked paragraph's content is refused like any other, with the reason the chair's record
 * gives ("OP 3 is agreed and locked by the chair: table a proposal to reopen it").
 */
import * as Y from 'yjs';
import { lockedParagraphs, type ParagraphState } from '../../shared/negotiation';
import { TEXT_FRAGMENT } from '../../shared/protocol';
import { paragraphStateEvents } from '../commands/meetingRecord';
import type { RecordRepos } from '../storage/types';

/** The elements of a text carrying paragraph id `id` (one, unless an id was copied). */
function elementsWithId(fragment: Y.XmlFragment, ids: ReadonlySet<string>): Map<string, Y.XmlElement[]> {
  const found = new Map<string, Y.XmlElement[]>();
  if (ids.size === 0) return found;
  for (const node of fragment.createTreeWalker((n) => n instanceof Y.XmlElement && ids.has(String(n.getAttribute('id'))))) {
    const el = node as Y.XmlElement;
    const id = String(el.getAttribute('id'));
    found.set(id, [...(found.get(id) ?? []), el]);
  }
  return found;
}

/**
 * The content of the paragraphs `ids` in a doc's text, as Yjs writes it out (element, attributes,
 * text with its formatting): equal before and after an update exactly when the update left them
 * alone. A paragraph missing from the text reads as "".
 */
export function paragraphContents(doc: Y.Doc, ids: ReadonlySet<string>): Map<string, string> {
  const els = elementsWithId(doc.getXmlFragment(TEXT_FRAGMENT), ids);
  return new Map([...ids].map((id) => [id, (els.get(id) ?? []).map((el) => el.toString()).join('\n')]));
}

/** The paragraphs of `before` whose content differs in `doc` now. */
export function changedParagraphs(doc: Y.Doc, before: ReadonlyMap<string, string>): string[] {
  const now = paragraphContents(doc, new Set(before.keys()));
  return [...before].filter(([id, text]) => now.get(id) !== text).map(([id]) => id);
}

/**
 * The locks of one draft, as its record holds them. Reloaded whenever the room hears that the
 * record changed (DraftRoom.setAccess); an edit waits for a reload in progress, so an edit that
 * reaches the room after the lock was announced is judged by it.
 */
export class ParagraphLocks {
  private locked: ReadonlyMap<string, ParagraphState> = new Map();
  private loading: Promise<void>;

  constructor(
    private readonly store: Pick<RecordRepos, 'listDraftEvents'>,
    private readonly draftId: string,
    private readonly onError: (e: unknown) => void,
  ) {
    this.loading = this.load();
  }

  /** Read the locks again from the record. */
  reload(): void {
    this.loading = this.load();
  }

  /** The locked paragraphs and their state, once the latest reload finished. */
  async current(): Promise<ReadonlyMap<string, ParagraphState>> {
    await this.loading;
    return this.locked;
  }

  private async load(): Promise<void> {
    try {
      this.locked = lockedParagraphs(paragraphStateEvents(await this.store.listDraftEvents(this.draftId)));
    } catch (e) {
      // Keep the locks known: a record that cannot be read now does not unlock anything.
      this.onError(e);
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
