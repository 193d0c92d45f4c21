/**
 * Report paragraphs, written by shared/reportParagraph from the record, in any of the six
 * languages (`lang` = ar, zh, en, fr, ru, es; English by default):
 *   GET /drafts/:id/report-paragraph?lang=     the paragraph recording the action on one draft
 *   GET /sessions/:id/action-taken?lang=[&firstNumber=n]   the whole "action taken" section
 *   GET /sessions/:id/report?lang=[&firstNumber=n]   every paragraph of the session in session
 *       order (meeting, then record order): the drafts' actions with the votes and statements of the
 *       session record (shared/reportMeeting.ts)
 * Each answer lists under `missing` what the record does not hold in that language and the
 * paragraphs printed in brackets instead ("[United Kingdom]"; shared/reportMissing.ts).
 * A draft without final action has nothing to report yet (422 with the reason).
 */
import { Router } from 'express';
import { z } from 'zod';
import { completeActionParagraph, concludedApart, sessionReport } from '../../../shared/reportMeeting';
import { LANGUAGES } from '../../../shared/languages';
import { mergeMissing, missingInParagraph, missingInRecord } from '../../../shared/reportMissing';
import { actionTakenSection, reportParagraph } from '../../../shared/reportParagraph';
import { loadSessionReport, type ReportItem } from '../../readModels/reportInputs';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { idParams, parse } from '../validate';
import { draftRoute } from '../draftGuard';
import { DomainErrors } from '../../errors';

const langQuery = z.object({ lang: z.enum(LANGUAGES).default('en') });
const sectionQuery = langQuery.extend({ firstNumber: z.coerce.number().int().min(1).max(100_000).optional() });

// A draft the body has acted on: its input carries the final action, not a status without one.
const isActed = (i: ReportItem) => !('state' in i.input.action) || i.input.action.isFinal;

/** The report routes, to mount on the /api router. */
export function reportRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get(
    '/drafts/:id/report-paragraph',
    draftRoute(store, { query: langQuery }, async ({ res, query, draft }) => {
      const { items, record, context } = await loadSessionReport(store, draft.sessionId);
      const found = items.find((i) => i.draft.id === draft.id)!;
      // Completed by the session record: the budget sentences after it, the chair's conclusion apart.
      const own = concludedApart(draft.id, record) ? { ...found, input: { ...found.input, conclusionApart: true } } : found;
      const item = { draftId: draft.id, input: own.input };
      const alone = reportParagraph(own.input, query.lang);
      if (!alone.ok) throw DomainErrors.refused(alone.error);
      // The paragraph as its section prints it: "also" when it continues the one before.
      const acted = items.filter(isActed);
      const at = acted.indexOf(found);
      const section = actionTakenSection([...acted.slice(Math.max(0, at - 1), at).map((i) => i.input), own.input], query.lang);
      const paragraph = completeActionParagraph(section.ok ? section.value.at(-1)! : alone.value, item, record, context, query.lang);
      // The paragraphs of the record about this draft (its introduction, explanations, the chair's conclusion).
      const ownRecord = record.filter((r) => r.entry.draftId === draft.id);
      const related = sessionReport(ownRecord, [item], context, query.lang);
      send(res, 200, {
        draftId: draft.id,
        symbol: own.input.symbol,
        lang: query.lang,
        paragraph,
        standalone: completeActionParagraph(alone.value, item, record, context, query.lang),
        related: related.ok ? related.value.filter((p) => p.kind !== 'action').map((p) => ({ kind: p.kind, seqs: p.seqs, text: p.text })) : [],
        missing: mergeMissing(missingInParagraph(own.input, query.lang), missingInRecord(ownRecord, context, query.lang)),
      });
    }),
  );

  router.get('/sessions/:id/action-taken', async (req, res) => {
    requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const query = parse(sectionQuery, req.query, 'query');
    const { items, record, context } = await loadSessionReport(store, params.id);
    const acted = items.filter(isActed);
    const section = actionTakenSection(
      acted.map((i) => i.input),
      query.lang,
      { firstNumber: query.firstNumber },
    );
    if (!section.ok) throw DomainErrors.refused(section.error);
    // The sentences the session record adds after a paragraph (budget implications); the chair's
    // conclusions stay in the session's report (/sessions/:id/report), where they have paragraphs.
    const complete = (text: string, i: number) => completeActionParagraph(text, { draftId: acted[i]!.draft.id, input: acted[i]!.input }, record, context, query.lang);
    send(res, 200, {
      sessionId: params.id,
      lang: query.lang,
      paragraphs: section.value.map((text, i) => ({ draftId: acted[i]!.draft.id, symbol: acted[i]!.input.symbol, text: complete(text, i) })),
      pending: items.filter((i) => !acted.includes(i)).map((i) => ({ draftId: i.draft.id, symbol: i.input.symbol })),
      missing: mergeMissing(
        ...acted.map((i) => missingInParagraph(i.input, query.lang)),
        missingInRecord(
          record.filter((r) => r.entry.kind === 'statement' && r.entry.statement === 'budget_implications'),
          context,
          query.lang,
        ),
      ),
    });
  });

  router.get('/sessions/:id/report', async (req, res) => {
    requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const query = parse(sectionQuery, req.query, 'query');
    const { items, record, context } = await loadSessionReport(store, params.id);
    const written = sessionReport(
      record,
      items.map((i) => ({ draftId: i.draft.id, input: i.input })),
      context,
      query.lang,
      { firstNumber: query.firstNumber },
    );
    if (!written.ok) throw DomainErrors.refused(written.error);
    send(res, 200, {
      sessionId: params.id,
      lang: query.lang,
      paragraphs: written.value.map((p) => ({ kind: p.kind, meeting: p.meeting, draftId: p.draftId, symbol: p.symbol, seqs: p.seqs, text: p.text })),
      pending: items.filter((i) => !isActed(i)).map((i) => ({ draftId: i.draft.id, symbol: i.input.symbol })),
      missing: mergeMissing(...items.filter(isActed).map((i) => missingInParagraph(i.input, query.lang)), missingInRecord(record, context, query.lang)),
    });
  });

  return router;
}
