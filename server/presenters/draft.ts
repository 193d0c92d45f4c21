/** How a draft looks in JSON: a row of the drafts list, and the full page, each with the reader's permissions. */
import type { Actor } from '../../shared/accounts';
import { textReadOnly } from '../../shared/policy';
import { sponsorRole, sponsorshipNote, sponsorshipNotes } from '../../shared/sponsorship';
import { draftSymbol } from '../../shared/symbols';
import type { DraftListItem, DraftView } from '../readModels/draftViews';
import { textNotInRecord, type ProvenancePayload } from '../commands/meetingRecord';
import type { SessionRow } from '../storage/types';
import { presentLocalized } from './localized';
import { presentNegotiationCounts } from './meeting';
import { presentPermissions } from './permissions';
import { presentSponsorsSinceIssue } from './sponsorsAtIssue';
import { presentSponsorList } from './sponsorship';
import { presentStatus } from './status';
import { presentUserRef } from './user';

/** The draft's symbol now: the latest issued text's, or the L-number it will be issued under. */
export function currentSymbol(item: DraftListItem, session: Pick<SessionRow, 'symbolPrefix'>): string {
  return item.status.symbol ?? draftSymbol(session.symbolPrefix, item.draft.lNumber);
}

/** A row of the drafts list as `reader` sees it; `present` names who is in the draft now (when known). */
export function presentDraftSummary(item: DraftListItem, session: SessionRow, reader: Actor, present?: string[]) {
  const d = item.draft;
  return {
    id: d.id,
    sessionId: d.sessionId,
    lNumber: d.lNumber,
    symbol: currentSymbol(item, session),
    kind: d.kind,
    title: presentLocalized(d.title),
    status: presentStatus(item.status),
    sponsorCount: (item.sponsors.main ? 1 : 0) + item.sponsors.coSponsors.length,
    /** How the reader's delegation sponsors it today: 'main', 'co-sponsor', or null. */
    yourSponsorship: sponsorRole(item.sponsors, reader.delegationId),
    lastChangeAt: item.lastChangeAt,
    agreed: presentNegotiationCounts(item.negotiation ?? null),
    permissions: presentPermissions(reader, item.access, item.status),
    provenance: item.provenance.map(presentProvenance),
    illustrative: item.provenance.some((p) => p.kind === 'illustrative'),
    pendingProposals: item.pendingProposals ?? 0,
    ...(present ? { present } : {}),
  };
}

/** A provenance note as the API sends it: what it says, and which text (null: the whole draft). */
export function presentProvenance(p: ProvenancePayload) {
  return { kind: p.kind, symbol: p.symbol, note: p.note ? presentLocalized(p.note) : null };
}

// Issued texts: stored revisions with their hash, and issues recorded as events whose text
// was not kept (a draft imported with its history), merged by revision number.
function lineage(view: DraftView) {
  const byRevision = new Map<number, { symbol: string; revision: number; issuedAt: string; hash: string | null; hasText: boolean; textInRecord: boolean }>();
  for (const e of view.events) {
    if (e.type !== 'issued') continue;
    const revision = Number(e.payload.revision);
    byRevision.set(revision, { symbol: String(e.payload.symbol), revision, issuedAt: e.at, hash: null, hasText: false, textInRecord: false });
  }
  for (const r of view.revisions) {
    const known = !textNotInRecord(view.provenance, r.symbol);
    // A stored row whose text the record does not know holds an empty text: neither it nor its hash is the text.
    byRevision.set(r.revision, { symbol: r.symbol, revision: r.revision, issuedAt: r.issuedAt, hash: known ? r.hash : null, hasText: known, textInRecord: known });
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

/** A draft's page as `reader` sees it: status, permissions, lineage, sponsors now, who submitted it, its chair. */
export function presentDraft(view: DraftView, reader: Actor) {
  const d = view.draft;
  return {
    ...presentDraftSummary(view, view.session, reader),
    session: { id: view.session.id, symbolPrefix: view.session.symbolPrefix, title: view.session.title },
    agendaItem: d.agendaItem,
    language: d.language,
    lineage: lineage(view),
    sponsors: presentSponsorList(view.sponsors, view.delegations),
    sponsorsSinceIssue: presentSponsorsSinceIssue(view),
    submittedBy: d.submittedBy,
    chair: presentUserRef(view.chair),
    createdAt: d.createdAt,
    // The text the body acted on, once final action is taken: what the page, print view and exports show by default.
    finalText: presentFinalText(view),
    // Why nobody may change the working text any more (final action, then the freeze), or null.
    textReadOnly: presentTextReadOnly(view),
    // "Germany is not a sponsor; the European Union sponsors on behalf of its member States", or null.
    sponsorshipNote: sponsorshipNote(view.sponsors, view.groupMembers ?? [], reader.delegationId, view.delegations),
    // The same note in the six languages; the client shows the interface's (shared/sponsorship.ts sponsorshipNotes).
    sponsorshipNotes: sponsorshipNotes(view.sponsors, view.groupMembers ?? [], reader.delegationId, view.delegations),
  };
}

function presentTextReadOnly(view: DraftView) {
  const closed = textReadOnly(view.access);
  return closed ? { reason: closed.reason, message: closed.message } : null;
}

function presentFinalText({ finalText: f }: DraftView) {
  return f ? { spec: f.spec, symbol: f.symbol, label: f.label, hash: f.hash, asOrallyAmended: f.asOrallyAmended } : null;
}
