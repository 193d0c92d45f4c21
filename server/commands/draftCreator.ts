/**
 * Putting a draft forward: the draft row with its L-number and, when it has one, its main
 * sponsor, in one transaction. The L-number is the next free one in the session unless the
 * secretariat gives one; a number already used is a 409.
 */
import type { LocalizedText } from '../../shared/delegations';
import { draftSymbol } from '../../shared/symbols';
import { UniqueViolation, type DraftRow, type Store } from '../storage/types';
import { todayUTC } from '../../shared/dates';
import { DomainErrors } from '../errors';

/** What a new draft needs. Authorization is the route's: this only writes consistently. */
export interface NewDraftInput {
  sessionId: string;
  kind: DraftRow['kind'];
  title: LocalizedText;
  agendaItem: string;
  language: string;
  /** The L-number to use; the next free one when absent. */
  lNumber?: number;
  mainSponsor?: { delegationId: string; onBehalfOf: LocalizedText | null } | null;
  submittedBy?: LocalizedText | null;
  chairUserId?: string | null;
  /** The date the main sponsor puts it forward; today when absent. */
  date?: string;
  createdBy: string;
}

const L_NUMBER_KEY = 'drafts_session_l_number_key';

async function createOnce(store: Store, input: NewDraftInput): Promise<DraftRow> {
  return store.transaction(async (tx) => {
    const session = await tx.getSession(input.sessionId);
    if (!session) throw DomainErrors.notFound('session');
    if (input.chairUserId) {
      const chair = await tx.getUser(input.chairUserId);
      if (!chair?.active) throw DomainErrors.refused(`there is no active user with id "${input.chairUserId}" to chair the consultations`);
    }
    const main = input.mainSponsor ?? null;
    if (main && !(await tx.getDelegation(main.delegationId))) {
      throw DomainErrors.refused(`there is no delegation with id "${main.delegationId}"`);
    }
    const lNumber = input.lNumber ?? (await tx.maxLNumber(session.id)) + 1;
    const draft = await tx
      .createDraft({
        sessionId: session.id,
        lNumber,
        kind: input.kind,
        title: input.title,
        agendaItem: input.agendaItem,
        language: input.language,
        submittedBy: input.submittedBy ?? null,
        chairUserId: input.chairUserId ?? null,
        createdBy: input.createdBy,
      })
      .catch((err: unknown) => {
        if (err instanceof UniqueViolation && err.constraint === L_NUMBER_KEY && input.lNumber !== undefined) {
          throw DomainErrors.conflict(`${draftSymbol(session.symbolPrefix, lNumber)} is already used in this session`);
        }
        throw err;
      });
    if (main) {
      await tx.addSponsorshipEvent({
        draftId: draft.id,
        delegationId: main.delegationId,
        type: 'main',
        date: input.date ?? todayUTC(),
        onBehalfOf: main.onBehalfOf,
        recordedBy: input.createdBy,
      });
    }
    return draft;
  });
}

/** Create a draft (and its main sponsorship); 404 for an unknown session, 409 for a used L-number. */
export async function createDraft(store: Store, input: NewDraftInput): Promise<DraftRow> {
  // Two drafts numbered at once may both pick the same next number; the loser takes the next.
  for (let attempt = 1; ; attempt++) {
    try {
      return await createOnce(store, input);
    } catch (err) {
      const raced = err instanceof UniqueViolation && err.constraint === L_NUMBER_KEY && input.lNumber === undefined;
      if (!raced || attempt >= 10) throw err;
    }
  }
}
