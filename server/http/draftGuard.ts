/**
 * The door of the routes under /api/drafts/:id: the user is signed in (401), the params, query
 * and body parse (400), the draft exists (404) and the user may read it — or, given a record
 * type, append that type to its record — by the policy in shared/policy.ts (403 with the
 * policy's reason). `draftRoute` opens every such route in that order, so a route's handler
 * starts from what it was given.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { mayReadDraft, mayWriteRecord, type DraftAccess } from '../../shared/policy';
import type { AuthenticatedUser } from '../auth';
import { DomainErrors } from '../errors';
import { loadDraftAccess } from '../readModels/draftAccess';
import type { DraftRow, Store } from '../storage/types';
import { requireUser } from './context';
import { idParams, parse } from './validate';

/**
 * The draft and the policy's view of it, once `actor` may read it — or append `type` to its
 * record. A frozen draft refuses the append here only with `refuseFrozen` (a change to its text,
 * checked before any work); otherwise the command decides about the freeze in its transaction,
 * as `mayWriteRecord`'s `afterFreeze` says.
 */
export async function authorizeDraft(store: Store, actor: AuthenticatedUser, draftId: string, type?: string, refuseFrozen = false) {
  const loaded = await loadDraftAccess(store, draftId);
  if (!loaded) throw DomainErrors.notFound('draft');
  const permission = type === undefined ? mayReadDraft(actor, loaded.access) : mayWriteRecord(actor, loaded.access, type, !refuseFrozen);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
  return loaded;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a draft route's handler is given, all checked. */
export interface DraftRouteContext<P, Q, B> {
  req: Request;
  res: Response;
  user: AuthenticatedUser;
  draftId: string;
  params: P;
  query: Q;
  body: B;
  draft: DraftRow;
  access: DraftAccess;
}

/** How a draft route opens: its schemas (params default to `:id`) and, for a write, the record type it appends. */
export interface DraftRouteSpec<PS extends z.ZodType<{ id: string }>, QS, BS> {
  params?: PS;
  query?: QS;
  body?: BS;
  /** The record type the route appends; absent: the user need only read the draft. */
  record?: string;
  /** Refuse a frozen draft at the door (see `authorizeDraft`). */
  refuseFrozen?: boolean;
}

/** A route under /api/drafts/:id: requireUser → parse → authorizeDraft, then `handler`. */
export function draftRoute<PS extends z.ZodType<{ id: string }> = typeof idParams, QS extends z.ZodType | undefined = undefined, BS extends z.ZodType | undefined = undefined>(
  store: Store,
  spec: DraftRouteSpec<PS, QS, BS>,
  handler: (ctx: DraftRouteContext<z.output<PS>, Parsed<QS>, Parsed<BS>>) => Promise<void> | void,
): RequestHandler {
  return async (req, res) => {
    const user = requireUser(req);
    const params = parse(spec.params ?? idParams, req.params, 'params') as z.output<PS>;
    const query = (spec.query ? parse(spec.query, req.query, 'query') : undefined) as Parsed<QS>;
    const body = (spec.body ? parse(spec.body, req.body) : undefined) as Parsed<BS>;
    const { draft, access } = await authorizeDraft(store, user, params.id, spec.record, spec.refuseFrozen);
    await handler({ req, res, user, draftId: params.id, params, query, body, draft, access });
  };
}
