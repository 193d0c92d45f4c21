/**
 * Comments on a draft (issue #17), for everyone who may read it:
 *   GET  /drafts/:id/comments?paragraph=                 { threads }   (open and resolved, in the order opened)
 *   POST /drafts/:id/comments { paragraphId, quote?, occurrence?, body, replyTo? }   201 the thread
 *   POST /drafts/:id/comments/:threadId/resolve          200 the thread
 *   POST /drafts/:id/comments/:threadId/reopen           200 the thread
 * Each write is an entry of the draft's record; the draft's open editors are told the record
 * changed, so their comment lists reload.
 */
import { Router } from 'express';
import { z } from 'zod';
import { COMMENT_LIMITS, threadsOf, type CommentThread } from '../../../shared/comments';
import { sequentialNumbering } from '../../../shared/numbering';
import type { Actor } from '../../../shared/accounts';
import type { DraftAccess } from '../../../shared/policy';
import { addComment, resolveThread } from '../../commands/commentRecorder';
import { proposalsInText } from '../../commands/proposalLocation';
import { workingTextNow } from '../../commands/revisionIssuer';
import { presentThread } from '../../presenters/comment';
import { send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';
import { id } from '../validate';
import { loadDraftAccess } from '../../readModels/draftAccess';

const paragraphId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a paragraph id');
// Bodies are checked against their limits in the command (422 text_too_long), not here (400):
// the schema only keeps out what could never be a comment.
const commentBody = z.strictObject({
  paragraphId: paragraphId.optional(),
  quote: z
    .string()
    .max(COMMENT_LIMITS.quote * 4)
    .nullable()
    .optional(),
  occurrence: z.number().int().min(1).max(1000).optional(),
  body: z.string().max(COMMENT_LIMITS.body * 4),
  replyTo: id.nullable().optional(),
});
const threadParams = z.object({ id: id, threadId: id });
const listQuery = z.object({ paragraph: paragraphId.optional() });

/**
 * The paragraphs' numbers as printed now: read from the room's live document (numbers cached
 * there until paragraphs move, proposalLocation.ts) when the collaboration server runs, else
 * from the stored working text.
 */
async function paragraphNumbers(deps: ApiDeps, draftId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  if (ids.length === 0) return numbers;
  if (deps.readWorkingDoc) {
    const inText = await deps.readWorkingDoc(draftId, (doc) => proposalsInText(doc, []));
    for (const id of ids) {
      const ref = inText.refOf(id);
      if (ref) numbers.set(id, ref);
    }
    return numbers;
  }
  for (const p of sequentialNumbering(await workingTextNow(deps.store, draftId)).paragraphs) if (p.ref && !numbers.has(p.id)) numbers.set(p.id, p.ref);
  return numbers;
}

/** The threads of a draft as a reader sees them. */
async function presentThreads(deps: ApiDeps, draftId: string, actor: Actor, access: DraftAccess, threads: CommentThread[]) {
  const [users, delegations] = await Promise.all([deps.store.listUsers(), deps.store.listDelegations()]);
  const paragraphs = await paragraphNumbers(deps, draftId, [...new Set(threads.map((t) => t.paragraphId))]);
  const look = { users: new Map(users.map((u) => [u.id, u])), delegations: new Map(delegations.map((d) => [d.id, d])), paragraphs };
  return threads.map((t) => presentThread(t, actor, access, look));
}

/** The comment routes, to mount on the /api router (full paths). */
export function commentRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  // After a write the access may have changed meanwhile; present with the access as it is now.
  const presentOne = async (draftId: string, actor: Actor, thread: CommentThread) => {
    const loaded = await loadDraftAccess(store, draftId);
    return (await presentThreads(deps, draftId, actor, loaded!.access, [thread]))[0];
  };

  router.get(
    '/drafts/:id/comments',
    draftRoute(store, { query: listQuery }, async ({ res, user, draftId, query, access }) => {
      const all = threadsOf(await store.listDraftEvents(draftId));
      const threads = query.paragraph ? all.filter((t) => t.paragraphId === query.paragraph) : all;
      send(res, 200, { threads: await presentThreads(deps, draftId, user, access, threads) });
    }),
  );

  router.post(
    '/drafts/:id/comments',
    draftRoute(store, { body: commentBody }, async ({ res, user, draftId, body }) => {
      const thread = await addComment(store, { draftId, actor: user, ...body });
      await refreshQuietly(deps, draftId);
      send(res, 201, await presentOne(draftId, user, thread));
    }),
  );

  for (const [path, resolved] of [
    ['resolve', true],
    ['reopen', false],
  ] as const) {
    router.post(
      `/drafts/:id/comments/:threadId/${path}`,
      draftRoute(store, { params: threadParams }, async ({ res, user, draftId, params }) => {
        const thread = await resolveThread(store, { draftId, actor: user, threadId: params.threadId, resolved });
        await refreshQuietly(deps, draftId);
        send(res, 200, await presentOne(draftId, user, thread));
      }),
    );
  }

  return router;
}
