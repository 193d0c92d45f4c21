/**
 * Provenance notes: the secretariat says where the record's knowledge of a draft's texts comes
 * from and what it does not know — an illustrative draft, the text of an issued revision that is
 * not in the record, an original language not in the record, the printed version a text is. Each
 * note is an entry of the draft's record (server/commands/meetingRecord.ts), appended like the
 * others; `server/texts.ts` refuses to show a text a note says is not in the record.
 */
import type { Actor } from '../../shared/accounts';
import type { LocalizedText } from '../../shared/delegations';
import { isParagraph, textFromJSON } from '../../shared/schema';
import { sameLocalizedText } from '../../shared/languages';
import type { DraftEventRow, Store } from '../storage/types';
import { provenanceOf, RecordTypes, type ProvenanceKind, type ProvenancePayload } from './meetingRecord';
import { recordEntry } from './recordAppender';
import { DomainErrors } from '../errors';

/** A note as asked for: about one issued text (its symbol, full or short) or the whole draft (null). */
export interface ProvenanceInput {
  draftId: string;
  actor: Actor;
  kind: ProvenanceKind;
  symbol: string | null;
  note: LocalizedText | null;
}

// Whether a stored text holds any paragraph (the row of a text not in the record holds none).
function hasParagraphs(text: unknown): boolean {
  let found = false;
  textFromJSON(text).descendants((node) => {
    if (isParagraph(node)) found = true;
    return !found && !node.isTextblock;
  });
  return found;
}

/**
 * Record a provenance note: 403 for anyone but the secretariat or on a frozen draft, 404 for a
 * symbol that names no issued text of the draft, 409 for a note the record already holds, 422
 * for a text said not to be in the record that the record holds, or such a note about no text.
 */
export async function recordProvenance(store: Store, input: ProvenanceInput): Promise<{ row: DraftEventRow; payload: ProvenancePayload }> {
  let payload: ProvenancePayload | null = null;
  const { row } = await recordEntry<ProvenancePayload>(store, {
    draftId: input.draftId,
    actor: input.actor,
    type: RecordTypes.provenance,
    check: async (ctx) => {
      let symbol: string | null = null;
      if (input.symbol !== null) {
        const named = input.symbol;
        const revision = (await ctx.tx.listRevisions(ctx.draft.id)).find((r) => r.symbol === named || r.symbol.endsWith(`/${named}`));
        if (!revision) throw DomainErrors.notFound(`revision ${named}`);
        symbol = revision.symbol;
        if (input.kind === 'text_not_in_record' && hasParagraphs(revision.text)) {
          throw DomainErrors.refused(`the record holds the text of ${revision.symbol}: it cannot be marked as not in the record`);
        }
      } else if (input.kind === 'text_not_in_record') {
        throw DomainErrors.refused('text_not_in_record is about one issued text: name its symbol');
      }
      if (provenanceOf(ctx.rows).some((p) => p.kind === input.kind && p.symbol === symbol && sameLocalizedText(p.note, input.note))) {
        throw DomainErrors.conflict('the record already holds this note');
      }
      payload = { kind: input.kind, symbol, note: input.note };
      return payload;
    },
  });
  return { row, payload: payload! };
}
