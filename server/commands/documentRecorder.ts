/**
 * Addenda and corrigenda: documents issued against an issued text (`L.9/Rev.1/Corr.1`). They do
 * not replace the text, so they are not revisions: an entry in the record with its own symbol,
 * the symbol it belongs to, the date and what it does ("replace paragraph 3 …"). Their number
 * counts per text and kind, as the symbols do.
 */
import type { Actor } from '../../shared/accounts';
import { formatSymbol, parseSymbol } from '../../shared/symbols';
import type { DraftEventRow, Store } from '../storage/types';
import { todayUTC } from '../../shared/dates';
import { documentsOf, RecordTypes, type DocumentPayload } from './meetingRecord';
import { recordEntry } from './recordAppender';
import { DomainErrors } from '../errors';

/** What to record: the issued revision it belongs to, addendum or corrigendum, and a note. */
export interface RecordDocumentInput {
  draftId: string;
  actor: Actor;
  revision: number;
  kind: 'addendum' | 'corrigendum';
  date?: string;
  note?: string;
}

/** Record an addendum or corrigendum; its symbol is the next of its kind for that text. */
export async function recordDocument(store: Store, input: RecordDocumentInput): Promise<{ row: DraftEventRow; payload: DocumentPayload }> {
  let payload: DocumentPayload | null = null;
  const { row } = await recordEntry(store, {
    draftId: input.draftId,
    actor: input.actor,
    type: RecordTypes.document,
    check: async (ctx) => {
      const revision = (await ctx.tx.listRevisions(ctx.draft.id)).find((r) => r.revision === input.revision);
      if (!revision) throw DomainErrors.notFound(`revision ${input.revision}`);
      const parsed = parseSymbol(revision.symbol);
      if (!parsed.ok) throw DomainErrors.refused(parsed.error);
      const n = documentsOf(ctx.rows).filter((d) => d.of === revision.symbol && d.kind === input.kind).length + 1;
      const symbol = formatSymbol({ ...parsed.value, reissued: false, [input.kind]: n });
      payload = { kind: input.kind, symbol, of: revision.symbol, date: input.date ?? todayUTC(), ...(input.note ? { note: input.note } : {}) };
      return payload;
    },
  });
  return { row, payload: payload! };
}
