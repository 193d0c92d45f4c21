/**
 * The signed-in user's inbox (issue #17):
 *   GET  /inbox?limit=&before=     { unread, items }   newest first; `before` is the last item's id of the previous page
 *   GET  /inbox/count              { unread }
 *   POST /inbox/read { ids? , all? }   { unread }      mark some (only one's own) or all read
 *   GET  /inbox/stream             Server-Sent Events: `event: count` `data: {"unread":n}` now and on
 *                                  every change on this instance; a comment line keeps it alive
 * The stream is per instance (notifier.ts `inboxEvents`); pages poll /inbox/count as well, for
 * changes made through other instances. It ends when the sign-in ends (checked on every beat,
 * and at once through `inboxStreams.endSignIns` where the server wires it), when the user is
 * deactivated, and when the server stops (which closes every connection).
 */
import type { Request, Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { INBOX_PAGE, INBOX_READ_MAX_IDS, INBOX_STREAM_EVENT } from '../../../shared/inbox';
import { authenticateCredentials, hashSecret } from '../../auth';
import { inboxEvents } from '../../commands/notifier';
import { proposalsInText } from '../../commands/proposalLocation';
import { presentNotification, type NotificationLookups } from '../../presenters/notification';
import type { NotificationRow, Store } from '../../storage/types';
import { authenticationOf, requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { id, parse } from '../validate';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(INBOX_PAGE.max).default(INBOX_PAGE.default),
  before: id.optional(),
});
const readBody = z.union([z.strictObject({ ids: z.array(id).min(1).max(INBOX_READ_MAX_IDS) }), z.strictObject({ all: z.literal(true) })]);

/**
 * Whether a request is one the page makes by itself (the badge's poll and stream), not the
 * user: such requests must not count as activity, or an idle browser would stay signed in
 * until the session's maximum age. `path` as seen under /api.
 */
export function isBackgroundRequest(req: { method: string; path: string }): boolean {
  return req.method === 'GET' && (req.path === '/inbox/count' || req.path === '/inbox/stream');
}

/** How often an open stream sends a keep-alive line and checks that its sign-in still holds. */
export const STREAM_BEAT_MS = 20_000;
/** The most streams one user keeps open at once (tabs); opening one more ends the oldest. */
export const STREAMS_PER_USER = 8;

/** One open stream. */
interface OpenStream {
  userId: string;
  /** The hash of the sign-in (cookie session or token) that opened it. */
  signIn: string;
  end(): void;
}

/** The streams open on this instance, to end them with their sign-in or user. */
export class InboxStreams {
  private readonly open = new Set<OpenStream>();

  add(stream: OpenStream): void {
    const mine = [...this.open].filter((s) => s.userId === stream.userId);
    if (mine.length >= STREAMS_PER_USER) mine[0]!.end();
    this.open.add(stream);
  }

  remove(stream: OpenStream): void {
    this.open.delete(stream);
  }

  /** End the streams opened with these sign-ins (hashes): a sign-out. */
  endSignIns(hashes: readonly string[]): void {
    const ended = new Set(hashes);
    for (const s of [...this.open]) if (ended.has(s.signIn)) s.end();
  }

  /** End every stream of a user (deactivated, rights changed). */
  endUser(userId: string): void {
    for (const s of [...this.open]) if (s.userId === userId) s.end();
  }

  /** How many are open. */
  get size(): number {
    return this.open.size;
  }
}

/** This process's open streams. */
export const inboxStreams = new InboxStreams();

/**
 * The printed numbers of the paragraphs a page names, per draft, from the room's live document
 * (cached there until paragraphs move); none when the collaboration server is not there or the
 * text cannot be read — the items then say "a paragraph".
 */
async function paragraphRefs(deps: ApiDeps, rows: NotificationRow[]): Promise<Map<string, (paragraphId: string) => string | null>> {
  const refs = new Map<string, (paragraphId: string) => string | null>();
  if (!deps.readWorkingDoc) return refs;
  const drafts = new Set(rows.filter((r) => r.draftId !== null && typeof r.payload.paragraphId === 'string').map((r) => r.draftId!));
  for (const draftId of drafts) {
    try {
      refs.set(draftId, (await deps.readWorkingDoc(draftId, (doc) => proposalsInText(doc, []))).refOf);
    } catch (err) {
      deps.log(`inbox: reading the paragraphs of draft ${draftId} failed`, err);
    }
  }
  return refs;
}

/** The drafts, sessions, users, delegations and paragraphs a page of notifications names. */
async function lookups(deps: ApiDeps, rows: NotificationRow[]): Promise<NotificationLookups> {
  const { store } = deps;
  const draftIds = [...new Set(rows.map((r) => r.draftId).filter((d): d is string => d !== null))];
  const userIds = [...new Set(rows.map((r) => r.payload.by).filter((u): u is string => typeof u === 'string'))];
  const drafts = new Map();
  for (const d of draftIds) {
    const draft = await store.getDraft(d);
    if (draft) drafts.set(d, draft);
  }
  const sessions = new Map();
  for (const sid of new Set([...drafts.values()].map((d) => d.sessionId))) {
    const session = await store.getSession(sid);
    if (session) sessions.set(sid, session);
  }
  const users = new Map();
  for (const u of userIds) {
    const user = await store.getUser(u);
    if (user) users.set(u, user);
  }
  const delegations = new Map((await store.listDelegations()).map((d) => [d.id, d]));
  const refs = await paragraphRefs(deps, rows);
  return { drafts, sessions, users, delegations, paragraphRef: (draftId, paragraphId) => refs.get(draftId)?.(paragraphId) ?? null };
}

/** Hold the response open as an event stream of the user's unread count. */
async function stream(store: Store, req: Request, res: Response): Promise<void> {
  const user = requireUser(req);
  const credentials = authenticationOf(req)!.credentials;
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Connection', 'keep-alive');
  // A proxy (nginx) must pass each event on at once rather than buffer the response.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write('retry: 5000\n\n');

  let ended = false;
  let last = -1;
  let counting: Promise<void> = Promise.resolve();
  const sendCount = () => {
    // One count at a time, in order; a count equal to the last sent is not sent again.
    counting = counting.then(async () => {
      if (ended) return;
      try {
        const unread = await store.countUnreadNotifications(user.id);
        if (!ended && unread !== last) {
          last = unread;
          res.write(`event: ${INBOX_STREAM_EVENT}\ndata: ${JSON.stringify({ unread })}\n\n`);
        }
      } catch {
        end(); // the store is gone (shutdown) or failing: the page falls back to polling
      }
    });
  };
  const beat = setInterval(() => {
    void (async () => {
      const still = await authenticateCredentials(store, credentials).catch(() => null);
      if (ended) return;
      if (!still || still.id !== user.id) return end();
      res.write(': beat\n\n');
    })();
  }, STREAM_BEAT_MS);
  beat.unref();
  const unsubscribe = inboxEvents.subscribe(user.id, sendCount);
  const open: OpenStream = { userId: user.id, signIn: hashSecret(credentials.secret), end: () => end() };
  function end(): void {
    if (ended) return;
    ended = true;
    clearInterval(beat);
    unsubscribe();
    inboxStreams.remove(open);
    res.end();
  }
  inboxStreams.add(open);
  req.on('close', end);
  res.on('error', end);
  sendCount();
}

/** The inbox routes, to mount on the /api router at /inbox. */
export function inboxRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    const user = requireUser(req);
    const query = parse(listQuery, req.query, 'query');
    const rows = await store.listNotifications(user.id, { limit: query.limit, before: query.before ?? null });
    const look = await lookups(deps, rows);
    const unread = await store.countUnreadNotifications(user.id);
    send(res, 200, { unread, items: rows.map((r) => presentNotification(r, look)) });
  });

  router.get('/count', async (req, res) => {
    const user = requireUser(req);
    send(res, 200, { unread: await store.countUnreadNotifications(user.id) });
  });

  router.post('/read', async (req, res) => {
    const user = requireUser(req);
    const body = parse(readBody, req.body);
    const changed = await store.markNotificationsRead(user.id, 'all' in body ? 'all' : body.ids);
    if (changed > 0) inboxEvents.changed([user.id]);
    send(res, 200, { unread: await store.countUnreadNotifications(user.id) });
  });

  router.get('/stream', (req, res) => stream(store, req, res));

  return router;
}
