/**
 * Oral amendments at the meeting: `/api/drafts/:id/amendments`, and the text as orally amended.
 * Everyone signed in reads them; the secretariat records them.
 *   GET  /drafts/:id/amendments                   every amendment recorded, in the order read out,
 *                                                 each with `paragraph` ("OP 3") and `described` (what it said)
 *   POST /drafts/:id/amendments { symbol?, meeting?, paragraph: "OP 4 (c)" | paragraphId, kind, …, proposedBy, accepted }
 *        (an unknown printed number: 422 unknown_paragraph, naming the numbers the text has)
 *   GET  /drafts/:id/amended-text?symbol=L.9/Rev.1   the issued text as orally amended (the latest when absent)
 * The amended text is also `amended:<symbol>` for comparisons and exports (server/texts.ts).
 */
import { Router } from 'express';
import { z } from 'zod';
import { textHash } from '../../../shared/canonical';
import { sequentialNumbering, type Numbering } from '../../../shared/numbering';
import { describeOralAmendment } from '../../../shared/oralAmendments';
import { describeOralAmendmentInAll } from '../../../shared/oralAmendmentWords';
import { textFromJSON } from '../../../shared/schema';
import { RecordTypes, type OralAmendmentPayload } from '../../commands/meetingRecord';
import { amendmentsFor, recordOralAmendment } from '../../commands/oralAmendmentRecorder';
import { presentOralAmendment } from '../../presenters/meeting';
import type { RevisionRow, UserRow } from '../../storage/types';
import { checkedText, loadDraftTexts, resolveText } from '../../texts';
import { send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';
import { DomainErrors } from '../../errors';

const symbol = z.string().trim().min(1).max(200);
const amendedQuery = z.object({ symbol: symbol.optional() });
// The amendment's own fields are checked by shared/oralAmendments (validateOralAmendment).
const amendmentBody = z.looseObject({
  symbol: symbol.optional(),
  meeting: z.number().int().min(1).max(10_000).optional(),
  // The paragraph as printed ("OP 4 (c)"); shared/paragraphLabels reads it against the issued text.
  paragraph: z.string().trim().min(1).max(100).optional(),
});

type Entry = { seq: number; at: string; payload: OralAmendmentPayload; userId: string | null };

// One amendment as presented, with the printed number of its paragraph and what it said. Entries
// recorded before the number was kept with them take it from the issued text they amend.
function present(entry: Entry, users: ReadonlyMap<string, UserRow>, numberingOf: (revision: number) => Numbering | null) {
  const { amendment } = entry.payload;
  const printed = entry.payload.paragraph ?? (amendment.paragraphId === '' ? null : (numberingOf(entry.payload.revision)?.byId.get(amendment.paragraphId)?.ref ?? null));
  return {
    ...presentOralAmendment(entry, users),
    paragraph: printed || null,
    described: describeOralAmendment(amendment, printed || null),
    describedIn: describeOralAmendmentInAll(amendment, printed || null),
  };
}

function numberings(revisions: readonly RevisionRow[]): (revision: number) => Numbering | null {
  const cache = new Map<number, Numbering | null>();
  return (n) => {
    if (!cache.has(n)) {
      const r = revisions.find((x) => x.revision === n);
      cache.set(n, r ? sequentialNumbering(textFromJSON(r.text)) : null);
    }
    return cache.get(n)!;
  };
}

/** The oral amendment routes, to mount on the /api router. */
export function amendmentRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  const list = async (draftId: string) => {
    const [rows, users, revisions] = await Promise.all([store.listDraftEvents(draftId), store.listUsers(), store.listRevisions(draftId)]);
    const byId = new Map(users.map((u) => [u.id, u]));
    const numberingOf = numberings(revisions);
    return rows
      .filter((r) => r.type === RecordTypes.oralAmendment)
      .sort((a, b) => a.seq - b.seq)
      .map((r) => present({ seq: r.seq, at: r.at, payload: r.payload as unknown as OralAmendmentPayload, userId: r.userId }, byId, numberingOf));
  };

  router.get(
    '/drafts/:id/amendments',
    draftRoute(store, {}, async ({ res, draftId }) => {
      send(res, 200, await list(draftId));
    }),
  );

  router.post(
    '/drafts/:id/amendments',
    draftRoute(
      store,
      { body: amendmentBody, record: RecordTypes.oralAmendment },
      async ({ res, user: actor, draftId, body: { symbol: named, meeting, paragraph, ...amendment } }) => {
        const recorded = await recordOralAmendment(store, { draftId, actor, amendment, paragraph, symbol: named, meeting });
        await refreshQuietly(deps, draftId);
        const user = await store.getUser(actor.id);
        const entry = { seq: recorded.row.seq, at: recorded.row.at, payload: recorded.payload, userId: actor.id };
        send(
          res,
          201,
          present(entry, new Map(user ? [[user.id, user]] : []), () => null),
        );
      },
    ),
  );

  router.get(
    '/drafts/:id/amended-text',
    draftRoute(store, { query: amendedQuery }, async ({ res, draftId, query }) => {
      const texts = await loadDraftTexts(store, draftId);
      const named = query.symbol ?? texts.latest?.symbol;
      if (!named) throw DomainErrors.refused('no text of this draft has been issued yet');
      // Every text of the draft may be asked for: one nobody amended is its issued text, with no amendments.
      const resolved = await resolveText(
        store,
        texts,
        { kind: 'amended', symbol: named },
        {
          oralAmendments: async (revision) => amendmentsFor(await store.listDraftEvents(revision.draftId), revision),
        },
      );
      const amendments = amendmentsFor(await store.listDraftEvents(draftId), resolved.revision!);
      send(res, 200, {
        symbol: resolved.symbol,
        label: resolved.label,
        text: resolved.text,
        hash: textHash(checkedText(resolved.text)),
        amendments: { recorded: amendments.length, accepted: amendments.filter((a) => a.accepted).length },
      });
    }),
  );

  return router;
}
