/**
 * HTTP routes for the history of a working text (mounted under /api by the app):
 *   GET /drafts/:id/text?seq=&at=     the text as of a seq or a time (latest by default)
 *   GET /drafts/:id/text?text=<spec>  any text of the draft by its spec (shared/textSpec.ts: `final`,
 *                                     `amended:L.9/Rev.1`, `L.9/Rev.1` …), resolved by server/texts.ts
 *   GET /drafts/:id/changes?from=&to= the changes over a span of seqs
 *   GET /drafts/:id/authorship        who wrote which characters of each paragraph
 * Readable by whoever may read the draft; errors as `{ error: { id, message } }`.
 */
import type { IncomingMessage } from 'node:http';
import express, { type Request } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticate';
import { authorizeDraft } from '../draftGuard';
import { HttpErrors } from '../errors';
import type { Store } from '../../storage/types';
import { authorshipOf, changesBetween, textAsOf } from '../../collab/history';
import { DomainErrors } from '../../errors';
import { textHash } from '../../../shared/canonical';
import { formatTextSpec, parseTextSpec } from '../../../shared/textSpec';
import { checkedText, loadDraftTexts, resolveText } from '../../texts';

/** What the history routes need. */
export interface HistoryDeps {
  store: Store;
  authenticate(req: IncomingMessage): Promise<AuthenticatedUser | null>;
}

function seqParam(req: Request, name: string): number | undefined {
  const v = req.query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d{1,15}$/.test(v)) throw DomainErrors.validation(`${name} must be a whole number`);
  return Number(v);
}

function timeParam(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw DomainErrors.validation(`${name} must be an ISO-8601 time`);
  return new Date(Date.parse(v)).toISOString();
}

/** The history routes, as a router to mount. */
export function historyRouter(deps: HistoryDeps): express.Router {
  const router = express.Router();

  // Authenticate and authorize once for every route below.
  router.use('/drafts/:id', async (req, res, next) => {
    const user = await deps.authenticate(req);
    if (!user) throw HttpErrors.unauthenticated();
    const found = await authorizeDraft(deps.store, user, String(req.params.id));
    res.locals.draftId = found.draft.id;
    next();
  });

  router.get('/drafts/:id/text', async (req, res) => {
    const named = req.query.text;
    if (named !== undefined) {
      if (req.query.seq !== undefined || req.query.at !== undefined) throw DomainErrors.validation('give text, or seq or at, not both');
      const spec = typeof named === 'string' && named.length <= 240 ? parseTextSpec(named) : null;
      if (!spec?.ok) throw DomainErrors.validation(`invalid query: text: ${spec ? spec.error : 'must be one text spec'}`);
      const resolved = await resolveText(deps.store, await loadDraftTexts(deps.store, res.locals.draftId as string), spec.value);
      res.json({
        spec: formatTextSpec(resolved.spec),
        state: resolved.state,
        symbol: resolved.symbol,
        label: resolved.label,
        doc: resolved.text,
        hash: textHash(checkedText(resolved.text)),
        seq: resolved.seq,
        at: resolved.at,
      });
      return;
    }
    const seq = seqParam(req, 'seq');
    const at = timeParam(req, 'at');
    if (seq !== undefined && at !== undefined) throw DomainErrors.validation('give seq or at, not both');
    res.json(await textAsOf(deps.store, res.locals.draftId as string, { seq, at }));
  });

  router.get('/drafts/:id/changes', async (req, res) => {
    const from = seqParam(req, 'from') ?? 1;
    const to = seqParam(req, 'to');
    if (to !== undefined && to < from) throw DomainErrors.validation('to must not be before from');
    res.json({ changes: await changesBetween(deps.store, res.locals.draftId as string, from, to) });
  });

  router.get('/drafts/:id/authorship', async (_req, res) => {
    res.json({ paragraphs: await authorshipOf(deps.store, res.locals.draftId as string) });
  });

  return router;
}
