/**
 * Writing the illustrative workflow (illustrativeWorkflow.ts) on the illustrative draft, inside
 * the seed's one transaction, through the commands the API's routes call: each proposal, comment,
 * resolution and co-sponsorship request is checked by the policy and the domain as if its
 * delegate had sent it, appended to the governed record, and notified to the inbox of those it
 * concerns. Accepting a proposal writes its change to the working text as the room would
 * (seedRoom.ts), then records the decision with that change's seq.
 */
import type * as Y from 'yjs';
import type { AuthenticatedUser } from '../auth/authenticate';
import { addComment, resolveThread } from '../commands/commentRecorder';
import { requestCosponsorship } from '../commands/cosponsorRequests';
import { decideProposal, type ProposalText, tableProposal } from '../commands/proposalCommands';
import type { RecordRepos, UpdateLogRepo } from '../storage/types';
import { type CheckedWorkflow, demoGroups } from './illustrativeWorkflow';
import { applyProposalAtSeed, storeInTransaction, textOfDoc, workingDoc } from './seedRoom';

/** Who the workflow's actors are: each demo account by name, as it would be signed in. */
export type WorkflowUsers = ReadonlyMap<string, AuthenticatedUser>;

function userOf(users: WorkflowUsers, name: string): AuthenticatedUser {
  const user = users.get(name);
  if (!user) throw new Error(`illustrative workflow: no demo account ${name}`);
  return user;
}

/**
 * The groups the demo records, by delegation id: the European Union speaks for the demo's EU
 * member States. Written once for the whole store (they are facts about delegations, not drafts).
 */
export async function writeGroups(tx: Pick<RecordRepos, 'setGroupMembers'>, delegationIds: ReadonlyMap<string, string>): Promise<void> {
  const idOf = (code: string) => {
    const id = delegationIds.get(code);
    if (id === undefined) throw new Error(`demo groups: no delegation ${code}`);
    return id;
  };
  for (const g of demoGroups()) await tx.setGroupMembers(idOf(g.group), g.members.map(idOf));
}

/** The working text as the proposal commands reach it at seed time: the log's document, changed as the room would change it. */
function textAtSeed(tx: RecordRepos & UpdateLogRepo, doc: Y.Doc): ProposalText {
  return {
    readWorkingDoc: async (_draftId, read) => read(doc),
    applyProposal: (draftId, proposal, modifiedText, proposer) => applyProposalAtSeed(tx, { draftId, doc, proposal, modifiedText, proposer }),
  };
}

/** Write the checked workflow on the draft `draftId`, in the seed's transaction `tx`. */
export async function writeWorkflow(tx: RecordRepos & UpdateLogRepo, input: { draftId: string; checked: CheckedWorkflow; users: WorkflowUsers; now: Date }): Promise<void> {
  const { draftId, checked, users, now } = input;
  const store = storeInTransaction(tx);
  const { workflow } = checked;
  const doc = await workingDoc(tx, draftId);
  try {
    const text = textAtSeed(tx, doc);
    // All tabled first, then decided: the pending ones see the accepted change land after them, as in a meeting.
    const ids: string[] = [];
    for (const p of workflow.proposals) {
      const { rationale, onBehalfOf } = p;
      const tabled = await tableProposal(store, text, { draftId, actor: userOf(users, p.by), amendment: p.amendment, rationale, onBehalfOf });
      ids.push(tabled.proposal.id);
    }
    for (const [i, p] of workflow.proposals.entries()) {
      if (p.decision === null) continue;
      await decideProposal(store, text, { draftId, actor: userOf(users, p.decision.by), proposalId: ids[i]!, state: p.decision.state, note: p.decision.note });
    }
    if (!textOfDoc(doc).eq(checked.afterAccepted)) throw new Error('the working text after the accepted proposals is not the one the plan checked');
  } finally {
    doc.destroy();
  }
  for (const t of workflow.threads) {
    const opened = await addComment(store, { draftId, actor: userOf(users, t.by), paragraphId: t.paragraphId, quote: t.quote, body: t.body });
    for (const r of t.replies) await addComment(store, { draftId, actor: userOf(users, r.by), replyTo: opened.id, body: r.body });
    if (t.resolvedBy !== null) await resolveThread(store, { draftId, actor: userOf(users, t.resolvedBy), threadId: opened.id, resolved: true });
  }
  for (const r of workflow.cosponsorRequests) await requestCosponsorship(store, { draftId, actor: userOf(users, r.by), kind: r.kind, now });
}
