/**
 * Proposals on a draft's working text (shared/proposals.ts, server/commands/proposalCommands.ts):
 *   GET  /drafts/:id/proposals?state=&delegation=&paragraph=   the proposals, filtered, with counts by state (and stale)
 *   POST /drafts/:id/proposals { amendment, rationale?, onBehalfOf?, supersedes? }   201 the proposal
 *   POST /drafts/:id/proposals/:pid/decision { state, text?, note? }                200 the proposal
 *   POST /drafts/:id/proposals/:pid/withdraw { note? }                               200 the proposal
 * `delegation` filters by a delegation's id or code; `paragraph` by a paragraph's id or its number
 * as printed in the working text ("OP 3"); `state` by a state or `stale`. After each write the
 * draft's open editors are told its record changed, so their lists reload.
 */
import { Router } from 'express';
import { z } from 'zod';
import { labelKey } from '../../../shared/paragraphLabels';
import { DECISION_STATES, filterProposals, countProposals, PROPOSAL_LIMITS, PROPOSAL_STATES, proposalsOf, type Proposal } from '../../../shared/proposals';
import type { Actor } from '../../../shared/accounts';
import type { DraftAccess } from '../../../shared/policy';
import { decideProposal, tableProposal, withdrawProposal, type ProposalResult, type ProposalText } from '../../commands/proposalCommands';
import { proposalsInText, type ProposalsInText } from '../../commands/proposalLocation';
import { presentProposal, type ProposalJSON } from '../../presenters/proposal';
import { draftAccessOf } from '../../readModels/draftAccess';
import type { DraftEventRow, Store } from '../../storage/types';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';
import { id, idParams, localizedText, parse } from '../validate';
import { DomainErrors } from '../../errors';

// Lengths are checked by the command (422 text_too_long, naming the field); the body's byte limit stays 413.
const tableBody = z
  .object({
    amendment: z.unknown(),
    rationale: z.string().nullable().optional(),
    onBehalfOf: localizedText.nullable().optional(),
    supersedes: id.nullable().optional(),
  })
  .strict();
const decisionBody = z.object({ state: z.enum(DECISION_STATES), text: z.string().optional(), note: z.string().nullable().optional() }).strict();
const withdrawBody = z.object({ note: z.string().nullable().optional() }).strict().optional();
const pidParams = z.object({ id, pid: id });
const listQuery = z.object({
  state: z.enum([...PROPOSAL_STATES, 'stale']).optional(),
  delegation: z.string().trim().min(1).max(64).optional(),
  paragraph: z.string().trim().min(1).max(100).optional(),
});

/** The working text as the routes reach it: through the collaboration room. */
function proposalText(deps: ApiDeps): ProposalText {
  return {
    readWorkingDoc: (draftId, read) => {
      if (!deps.readWorkingDoc) throw new Error('the collaboration server is not running');
      return deps.readWorkingDoc(draftId, read);
    },
    applyProposal: (draftId, proposal, modifiedText, proposer) => {
      if (!deps.applyProposal) throw new Error('the collaboration server is not running');
      return deps.applyProposal(draftId, proposal, modifiedText, proposer);
    },
  };
}

// Everything presenting a list needs, read once: users, delegations, the live text (when there is anything to read in it).
async function presenting(store: Store, text: ProposalText, draftId: string, actor: Actor, access: DraftAccess, proposals: readonly Proposal[]) {
  const [users, delegations] = await Promise.all([store.listUsers(), store.listDelegations()]);
  const inText: ProposalsInText =
    proposals.length === 0 ? { refOf: () => null, staleness: new Map() } : await text.readWorkingDoc(draftId, (doc) => proposalsInText(doc, proposals));
  return {
    inText,
    ctx: {
      draftId,
      actor,
      access,
      users: new Map(users.map((u) => [u.id, u])),
      delegations: new Map(delegations.map((d) => [d.id, d])),
      refOf: inText.refOf,
      staleness: inText.staleness,
    },
  };
}

async function presentOne(store: Store, text: ProposalText, draftId: string, actor: Actor, result: ProposalResult): Promise<ProposalJSON> {
  const { ctx } = await presenting(store, text, draftId, actor, result.access, [result.proposal]);
  return presentProposal(result.proposal, ctx);
}

/** The proposal routes, to mount on the /api router. */
export function proposalRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const text = proposalText(deps);
  const router = Router();

  // The list reads the draft's record once (not again behind a guard): it must stay fast with a thousand proposals.
  router.get('/drafts/:id/proposals', async (req, res) => {
    const actor = requireUser(req);
    const { id: draftId } = parse(idParams, req.params, 'params');
    const query = parse(listQuery, req.query, 'query');
    const draft = await store.getDraft(draftId);
    if (!draft) throw DomainErrors.notFound('draft');
    const [rows, sponsorship]: [DraftEventRow[], Awaited<ReturnType<Store['listSponsorshipEvents']>>] = await Promise.all([
      store.listDraftEvents(draftId),
      store.listSponsorshipEvents(draftId),
    ]);
    const access = draftAccessOf(draft, sponsorship, rows);
    const proposals = proposalsOf(rows);
    const { inText, ctx } = await presenting(store, text, draftId, actor, access, proposals);
    const isStale = (p: Proposal) => inText.staleness.get(p.id)?.stale === true;
    let delegationId: string | undefined;
    if (query.delegation !== undefined) {
      const code = query.delegation.toUpperCase();
      delegationId = [...ctx.delegations.values()].find((d) => d.id === query.delegation || d.code.toUpperCase() === code)?.id ?? query.delegation;
    }
    let paragraphId: string | undefined;
    if (query.paragraph !== undefined) {
      const key = labelKey(query.paragraph);
      const byLabel = proposals
        .flatMap((p) => [p.amendment.paragraphId, ...(p.amendment.kind === 'move_paragraph' ? [p.amendment.targetId] : [])])
        .find((id) => {
          const ref = inText.refOf(id);
          return ref !== null && labelKey(ref) === key;
        });
      paragraphId = byLabel ?? query.paragraph;
    }
    const kept = filterProposals(proposals, { state: query.state ?? null, delegationId, paragraphId }, isStale);
    send(res, 200, { proposals: kept.map((p) => presentProposal(p, ctx)), counts: countProposals(proposals, isStale), limits: PROPOSAL_LIMITS });
  });

  router.post(
    '/drafts/:id/proposals',
    draftRoute(store, { body: tableBody }, async ({ res, user, draftId, body }) => {
      const result = await tableProposal(store, text, {
        draftId,
        actor: user,
        amendment: body.amendment,
        rationale: body.rationale ?? null,
        onBehalfOf: body.onBehalfOf ?? null,
        supersedes: body.supersedes ?? null,
      });
      await refreshQuietly(deps, draftId);
      send(res, 201, await presentOne(store, text, draftId, user, result));
    }),
  );

  router.post(
    '/drafts/:id/proposals/:pid/decision',
    draftRoute(store, { params: pidParams, body: decisionBody }, async ({ res, user, draftId, params, body }) => {
      const result = await decideProposal(store, text, { draftId, actor: user, proposalId: params.pid, state: body.state, text: body.text ?? null, note: body.note ?? null });
      await refreshQuietly(deps, draftId);
      send(res, 200, await presentOne(store, text, draftId, user, result));
    }),
  );

  router.post(
    '/drafts/:id/proposals/:pid/withdraw',
    draftRoute(store, { params: pidParams, body: withdrawBody }, async ({ res, user, draftId, params, body }) => {
      const result = await withdrawProposal(store, { draftId, actor: user, proposalId: params.pid, note: body?.note ?? null });
      await refreshQuietly(deps, draftId);
      send(res, 200, await presentOne(store, text, draftId, user, result));
    }),
  );

  return router;
}
