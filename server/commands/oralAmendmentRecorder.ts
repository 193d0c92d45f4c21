/**
 * Oral amendments: the secretariat records each change read out at the meeting against the
 * issued text the body is about to act on — which paragraph, what words, proposed by whom,
 * accepted or not. The text "as orally amended" is derived from the issued text and the
 * accepted amendments (shared/oralAmendments), never stored; an amendment that would not apply
 * after those before it is refused when it is recorded, so the derived text always exists.
 * The paragraph may be named as printed ("OP 4 (c)", shared/paragraphLabels) instead of by id;
 * either way the entry keeps the printed number, so the record can say what was read out.
 */
import type { Actor } from '../../shared/accounts';
import { ErrorIds } from '../../shared/errors';
import { sequentialNumbering } from '../../shared/numbering';
import { applyOralAmendments, checkOralAmendment, type OralAmendment, type OralAmendmentRefusal } from '../../shared/oralAmendments';
import { paragraphIdOf } from '../../shared/paragraphLabels';
import { amendmentsOpen } from '../../shared/policy';
import { textFromJSON } from '../../shared/schema';
import type { DraftEventRow, RevisionRow, Store } from '../storage/types';
import { oralAmendmentsOf, provenanceOf, RecordTypes, textNotInRecord, type OralAmendmentPayload } from './meetingRecord';
import { recordEntry } from './recordAppender';
import { DomainError, DomainErrors } from '../errors';

/** An amendment as received, the issued text it amends (the latest when absent) and the meeting. */
export interface OralAmendmentInput {
  draftId: string;
  actor: Actor;
  amendment: unknown;
  /** The paragraph as printed in the issued text ("OP 3", "PP 2", "OP 4 (c)"), instead of the amendment's `paragraphId`. */
  paragraph?: string;
  symbol?: string;
  meeting?: number;
}

// The amendment as received, with the paragraph the printed label names in `revision`: 422
// `unknown_paragraph` naming the label and the labels that exist; 400 with both or for a kind that names none.
function withParagraph(amendment: unknown, label: string | undefined, revision: RevisionRow): unknown {
  if (label === undefined) return amendment;
  const record = typeof amendment === 'object' && amendment !== null && !Array.isArray(amendment) ? (amendment as Record<string, unknown>) : null;
  if (record === null) return amendment;
  if (record.paragraphId !== undefined) throw DomainErrors.validation('name the paragraph by "paragraph" (as printed) or by "paragraphId", not both', { field: 'paragraph' });
  if (record.kind === 'words_not_in_record')
    throw DomainErrors.validation('words_not_in_record: the paragraph is not in the record either; give no "paragraph"', { field: 'paragraph' });
  const found = paragraphIdOf(revision.text as Parameters<typeof paragraphIdOf>[0], label);
  if (!found.ok) throw new DomainError(ErrorIds.unknownParagraph, `${revision.symbol}: ${found.error}`, { field: 'paragraph', label });
  return { ...record, paragraphId: found.value };
}

/** The accepted amendments applied to an issued revision: the text as orally amended, or why not. */
export function amendedText(revision: RevisionRow, amendments: readonly OralAmendment[]) {
  return applyOralAmendments(textFromJSON(revision.text), amendments);
}

/** The oral amendments recorded against a revision, read from a draft's record. */
export function amendmentsFor(rows: readonly DraftEventRow[], revision: RevisionRow): OralAmendment[] {
  return oralAmendmentsOf(rows, revision.revision).map((r) => r.payload.amendment);
}

// A malformed amendment (400), naming the field as the request named it ("paragraph" when given by its printed number).
function invalid(refusal: OralAmendmentRefusal, byLabel: boolean): DomainError {
  const field = refusal.field === 'paragraphId' && byLabel ? 'paragraph' : refusal.field;
  return DomainErrors.validation(refusal.message, { field });
}

// What an amendment that does not apply is wrong about: its paragraph (gone after the amendments
// before it), or its words (not found, or found more than once).
function refusedField(revision: RevisionRow, before: readonly OralAmendment[], amendment: OralAmendment, byLabel: boolean): string {
  const paragraph = byLabel ? 'paragraph' : 'paragraphId';
  const sofar = amendedText(revision, before);
  if (!sofar.ok || !('words' in amendment)) return paragraph;
  let present = false;
  sofar.value.descendants((node) => {
    if (node.attrs.id === amendment.paragraphId && node.isTextblock) present = true;
    return !present && !node.isTextblock;
  });
  return present ? 'words' : paragraph;
}

/** Record one oral amendment: 400 for a malformed one, 403, 404 for an unknown text, 422 when it cannot apply or action was taken. */
export async function recordOralAmendment(store: Store, input: OralAmendmentInput): Promise<{ row: DraftEventRow; payload: OralAmendmentPayload }> {
  // Checked at once when the paragraph is named by id; a printed number is read against the text in the transaction.
  if (input.paragraph === undefined) {
    const early = checkOralAmendment(input.amendment);
    if (!early.ok) throw invalid(early.error, false);
  }
  let payload: OralAmendmentPayload | null = null;
  const { row } = await recordEntry<OralAmendmentPayload>(store, {
    draftId: input.draftId,
    actor: input.actor,
    type: RecordTypes.oralAmendment,
    check: async (ctx) => {
      const open = amendmentsOpen(ctx.status);
      if (!open.ok) throw DomainErrors.refused(open.error);
      const revisions = (await ctx.tx.listRevisions(ctx.draft.id)).sort((a, b) => a.revision - b.revision);
      const latest = revisions.at(-1);
      // The status counts the issued events, written with their revisions in one transaction.
      if (!latest) throw new Error(`draft ${ctx.draft.id} is issued but has no revision row`);
      const named = input.symbol === undefined ? latest : revisions.find((r) => r.symbol === input.symbol || r.symbol.endsWith(`/${input.symbol}`));
      if (!named) throw DomainErrors.notFound(`revision ${input.symbol}`);
      if (named !== latest) throw DomainErrors.refused(`oral amendments are made to the text before the body, ${latest.symbol}, not ${named.symbol}`);
      // Words cannot be found in a text the record does not hold; that an amendment was made can be recorded.
      const kind = (input.amendment as { kind?: unknown } | null)?.kind;
      if (kind !== 'words_not_in_record' && textNotInRecord(provenanceOf(ctx.rows), latest.symbol)) {
        throw new DomainError(
          ErrorIds.textNotInRecord,
          `the text of ${latest.symbol} is not in the record: only an amendment whose words are not in the record either (words_not_in_record) can be recorded against it`,
        );
      }
      const valid = checkOralAmendment(withParagraph(input.amendment, input.paragraph, latest));
      if (!valid.ok) throw invalid(valid.error, input.paragraph !== undefined);
      const amendment = valid.value;
      if (amendment.proposedBy !== null && !(await ctx.tx.getDelegation(amendment.proposedBy))) {
        throw new DomainError(ErrorIds.refused, `there is no delegation with id "${amendment.proposedBy}"`, { field: 'proposedBy' });
      }
      const before = amendmentsFor(ctx.rows, latest);
      const applied = amendedText(latest, [...before, { ...amendment, accepted: true }]);
      if (!applied.ok) throw new DomainError(ErrorIds.refused, applied.error, { field: refusedField(latest, before, amendment, input.paragraph !== undefined) });
      const printed = amendment.paragraphId === '' ? '' : (sequentialNumbering(textFromJSON(latest.text)).byId.get(amendment.paragraphId)?.ref ?? '');
      payload = {
        symbol: latest.symbol,
        revision: latest.revision,
        amendment,
        ...(printed ? { paragraph: printed } : {}),
        ...(input.meeting ? { meeting: input.meeting } : {}),
      };
      return payload;
    },
  });
  return { row, payload: payload! };
}
