/**
 * Writing the audit record from the HTTP layer: who (the signed-in user), from where (the client
 * address), when, and what. Sign-ins and account changes are recorded by their routes; two
 * middlewares here record every successful write on drafts and every refusal. A failure to
 * audit is logged and never fails the request that was audited.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AuditActions, type AuditAction } from '../../shared/audit';
import { authenticationOf } from './context';
import type { ApiDeps } from './deps';
import { toHttpError } from './errors';

/** What a route says about an audited action; who and from where come from the request. */
export interface AuditNote {
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown>;
  /** Who, when the request is not (yet) signed in: a sign-in names the user it signs in. */
  user?: { id: string; login: string } | null;
  /** The login as typed, for a failed sign-in. */
  login?: string | null;
}

/** The client address of a request (Express applies the trust-proxy setting). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Append an audit entry for this request; never throws. */
export async function audit(deps: Pick<ApiDeps, 'store' | 'log'>, req: Request, note: AuditNote): Promise<void> {
  const signedIn = authenticationOf(req)?.user ?? null;
  const user = note.user !== undefined ? note.user : signedIn;
  try {
    await deps.store.appendAudit({
      action: note.action,
      userId: user?.id ?? null,
      login: note.login ?? user?.login ?? null,
      ip: clientAddress(req),
      target: note.target ?? null,
      detail: note.detail ?? {},
    });
  } catch (err) {
    deps.log(`audit: recording ${note.action} failed`, err);
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// /drafts/<id>/… and /sessions/<id>/drafts: the draft (or session) is the target.
const DRAFT_PATH = /^\/(drafts|sessions)\/([^/]+)(?:\/(.*))?$/;

/** Middleware: once a write on a draft has succeeded, record it (method, path, event type). */
export function auditDraftWrites(deps: Pick<ApiDeps, 'store' | 'log'>): RequestHandler {
  return (req, res, next) => {
    // The path now: sub-routers rewrite req.url on the way down.
    const path = req.path;
    const m = DRAFT_PATH.exec(path);
    if (WRITES.has(req.method) && m && (m[1] === 'drafts' || m[3] === 'drafts')) {
      res.on('finish', () => {
        if (res.statusCode >= 400) return;
        const type = (req.body as { type?: unknown } | undefined)?.type;
        const detail: Record<string, unknown> = { method: req.method, path, status: res.statusCode };
        if (typeof type === 'string') detail.type = type.slice(0, 64);
        void audit(deps, req, { action: AuditActions.draftAction, target: m[1] === 'drafts' ? m[2]! : `session:${m[2]}`, detail });
      });
    }
    next();
  };
}

/** Error middleware: record refusals (403) and rate limiting, then pass the error on. */
export function auditRefusals(deps: Pick<ApiDeps, 'store' | 'log'>): ErrorRequestHandler {
  return (err, req, _res, next) => {
    const error = toHttpError(err);
    if (error.status === 403 || error.id === 'rate_limited') {
      const action = error.status === 403 ? AuditActions.permissionRefused : AuditActions.rateLimited;
      // originalUrl: req.path is the sub-router's remainder by now.
      const path = req.originalUrl.split('?')[0]!.replace(/^\/api/, '');
      void audit(deps, req, { action, detail: { method: req.method, path, id: error.id, reason: error.message.slice(0, 200) } });
    }
    next(err);
  };
}
