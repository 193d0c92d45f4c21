/**
 * The gate: who is asking for which draft, decided before the WebSocket exists. A refusal is a
 * plain HTTP response written on the raw socket (401, 403, 404, 503), so every client — and a
 * browser's devtools — sees an ordinary status instead of a socket that opens and dies.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_STATUS, ErrorIds, type ErrorId } from '../../shared/errors';
import { mayReadDraft, type DraftAccess } from '../../shared/policy';
import { CollabParams } from '../../shared/protocol';
import { fail, ok, type Result } from '../../shared/result';
import { credentialsOf } from '../auth/authenticate';
import { loadDraftAccess } from '../readModels/draftAccess';
import type { Store } from '../storage/types';
import type { AuthenticatedUser } from '../auth/authenticate';

/** An admitted request: the user, the draft, and what the client asked for. */
export interface Admission {
  user: AuthenticatedUser;
  draftId: string;
  access: DraftAccess;
  /** When the load of `access` began (AccessAsRead): a room keeps the latest. */
  readFrom: number;
  wantsNotices: boolean;
}

/** A refused upgrade, as an HTTP status and an error body. */
export interface Refusal {
  status: number;
  id: ErrorId;
  message: string;
}

/** A refusal with the status of its id (one table for HTTP and upgrades: shared/errors.ts). */
export function refusal(id: ErrorId, message: string): Refusal {
  return { status: ERROR_STATUS[id], id, message };
}

/** The draft id in a collaboration URL, or null when the path is not ours. */
export function draftIdFromPath(pathname: string, prefix: string): string | null {
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  let id: string;
  try {
    id = decodeURIComponent(rest);
  } catch {
    return '';
  }
  return /^[A-Za-z0-9._~-]{1,128}$/.test(id) ? id : '';
}

/** Decide whether the upgrade may go ahead. */
export async function admit(
  req: IncomingMessage,
  draftId: string,
  store: Store,
  authenticate: (req: IncomingMessage) => Promise<AuthenticatedUser | null>,
  foreignOrigin?: (req: IncomingMessage) => string | null,
): Promise<Result<Admission, Refusal>> {
  // A page on another site could open a socket that carries the user's cookie: refuse it.
  // A token in the URL is exempt: another site cannot make the browser add one.
  if (foreignOrigin && credentialsOf(req)?.via === 'cookie') {
    const why = foreignOrigin(req);
    if (why !== null) return fail(refusal(ErrorIds.crossSite, why));
  }
  try {
    const user = await authenticate(req);
    if (!user) return fail(refusal(ErrorIds.unauthenticated, 'sign in first'));
    const found = draftId === '' ? null : await loadDraftAccess(store, draftId);
    if (!found) return fail(refusal(ErrorIds.notFound, 'no such draft'));
    const read = mayReadDraft(user, found.access);
    if (!read.ok) return fail(refusal(ErrorIds.forbidden, read.error));
    const url = new URL(req.url ?? '/', 'http://localhost');
    return ok({ user, draftId, access: found.access, readFrom: found.readFrom, wantsNotices: url.searchParams.get(CollabParams.notices) === '1' });
  } catch {
    return fail(refusal(ErrorIds.unavailable, 'the draft cannot be opened right now'));
  }
}

/** Write an HTTP error response on a socket that asked to upgrade, then close it. */
export function refuseUpgrade(socket: Duplex, r: Refusal): void {
  const body = JSON.stringify({ error: { id: r.id, message: r.message } });
  socket.end(
    `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
