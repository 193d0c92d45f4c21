/**
 * Issuing a revision: the secretariat turns the working text into the next symbol of the
 * draft's lineage (L.n first, then Rev.1, Rev.2 …) in one transaction — the text in canonical
 * ProseMirror JSON with its SHA-256, the sponsors at that moment, the time — and appends the
 * `issued` event to the record.
 *
 * The request names the symbol it means to issue ("issue L.9/Rev.1"), as a precondition: two
 * officers pressing "issue" at once both mean Rev.1, and the second finds it issued (409)
 * rather than silently issuing Rev.2 from the same text. The record's seq guard and the unique
 * (draft, revision) index keep that true across server instances.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Actor } from '../../shared/accounts';
import { canonicalText, textHash } from '../../shared/canonical';
import { todayUTC } from '../../shared/dates';
import { applyEvent, checkTransition, nextText, type DraftStatus } from '../../shared/lifecycle';
import { clearNegotiationMarks } from '../../shared/negotiation';
import { isParagraph, textFromJSON, type TextJSON } from '../../shared/schema';
import { currentSponsors, sponsorsAsOf } from '../../shared/sponsorship';
import { draftSymbol, parseSymbol } from '../../shared/symbols';
import { textAsOf } from '../collab/history';
import type { DraftEventRow, RecordRepos, RevisionRow, SessionRow, Store, UpdateLogRepo } from '../storage/types';
import { appendChecked, authorizeRecord, loadRecordContext, underRecordGuard, type RecordContext } from './recordAppender';
import { DomainErrors } from '../errors';

/** What to issue, and who issues it. */
export interface IssueRevisionInput {
  draftId: string;
  actor: Actor;
  /** The symbol the officer means to issue, full or after the session's prefix ("L.9/Rev.1"). */
  symbol: string;
}

/** The issued revision, the event that records it and the status it leads to. */
export interface IssuedRevision {
  revision: RevisionRow;
  event: DraftEventRow;
  status: DraftStatus;
}

// The next symbol of the lineage, and the requested one checked against it: a symbol already
// issued is the race lost (409); any other is a request the lineage refuses (422).
function checkRequested(session: SessionRow, ctx: RecordContext, requested: string): { symbol: string; revision: number } {
  // After final action nothing is issued: the lifecycle says so in its own words.
  const allowed = checkTransition(ctx.status, 'issued');
  if (!allowed.ok) throw DomainErrors.refused(allowed.error);
  const { symbol, revision } = nextText(ctx.status, { prefix: session.symbolPrefix, lNumber: ctx.draft.lNumber })!;
  const full = requested.startsWith(`${session.symbolPrefix}/`) ? requested : `${session.symbolPrefix}/${requested}`;
  const parsed = parseSymbol(full);
  if (!parsed.ok) throw DomainErrors.refused(`"${requested}" is not a symbol: ${parsed.error}`);
  const p = parsed.value;
  if (p.prefix !== session.symbolPrefix || p.lNumber !== ctx.draft.lNumber || p.addendum !== undefined || p.corrigendum !== undefined) {
    throw DomainErrors.refused(`"${requested}" is not a text of this draft; the next is ${symbol}`);
  }
  if (p.revision < revision) throw DomainErrors.conflict(`${draftSymbol(p.prefix, p.lNumber, p.revision)} has already been issued; the next is ${symbol}`);
  if (p.revision > revision) throw DomainErrors.refused(`the next text of this draft is ${symbol}, not ${full}`);
  return { symbol, revision };
}

function paragraphCount(doc: PMNode): number {
  let n = 0;
  doc.descendants((node) => {
    if (isParagraph(node)) n += 1;
    return !node.isTextblock;
  });
  return n;
}

/**
 * The working text now, read inside a transaction (texts.ts reads through the store, which a
 * transaction holds on SQLite); before anyone has typed, the text last issued. 422 when the
 * stored text does not fit the schema.
 */
export async function workingTextNow(tx: Pick<RecordRepos & UpdateLogRepo, 'listRevisions' | 'listUpdates' | 'latestCheckpoint' | 'lastSeq'>, draftId: string): Promise<PMNode> {
  const working = await textAsOf(tx, draftId, {});
  let source = working.doc as TextJSON;
  if (((source as { content?: unknown[] }).content ?? []).length === 0) {
    const revisions = await tx.listRevisions(draftId);
    // Nothing typed and nothing issued: an untitled page, as texts.ts shows it.
    source = (revisions.sort((a, b) => b.revision - a.revision)[0]?.text ?? { type: 'doc', content: [{ type: 'title' }] }) as TextJSON;
  }
  try {
    return textFromJSON(source);
  } catch (err) {
    throw DomainErrors.refused(`the working text does not fit the schema: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * The text to issue: the working text now; before anyone has typed, the text last issued.
 * Issued in canonical form, its brackets cleared (the bracketed words kept); refused while
 * alternatives remain or a bracket is malformed, and when there is no paragraph to issue.
 */
export async function textToIssue(ctx: RecordContext): Promise<{ text: TextJSON; hash: string }> {
  const doc = canonicalText(await workingTextNow(ctx.tx, ctx.draft.id));
  if (paragraphCount(doc) === 0) throw DomainErrors.refused('there is nothing to issue: the working text has no paragraphs yet');
  const cleared = clearNegotiationMarks(doc);
  if (!cleared.ok) throw DomainErrors.refused(`the text cannot be issued: ${cleared.error}`);
  const text = canonicalText(cleared.value).toJSON() as TextJSON;
  return { text, hash: textHash(text) };
}

/** Issue the working text as the draft's next symbol: 404, 403, 409 (already issued) or 422 with the reason. */
export function issueRevision(store: Store, input: IssueRevisionInput): Promise<IssuedRevision> {
  return underRecordGuard(store, input.draftId, async (tx) => {
    const ctx = await loadRecordContext(tx, input.draftId);
    authorizeRecord(input.actor, ctx, 'issued');
    const session = await tx.getSession(ctx.draft.sessionId);
    if (!session) throw DomainErrors.notFound('session');
    const { symbol, revision } = checkRequested(session, ctx, input.symbol.trim());
    const next = applyEvent(ctx.status, { type: 'issued', symbol, revision });
    if (!next.ok) throw DomainErrors.refused(next.error);
    const { text, hash } = await textToIssue(ctx);
    const sponsorIds = currentSponsors(sponsorsAsOf(ctx.sponsorship, todayUTC())).map((s) => s.delegationId);
    const row = await tx.createRevision({
      draftId: ctx.draft.id,
      symbol,
      revision,
      text,
      hash,
      sponsorIds,
      issuedAt: new Date().toISOString(),
      issuedBy: input.actor.id,
    });
    const event = await appendChecked(ctx, input.actor, 'issued', { symbol, revision });
    return { revision: row, event, status: next.value };
  });
}
