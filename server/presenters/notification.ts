/**
 * How inbox items look in JSON (issue #17): each stored notification becomes one line a user
 * reads ("China tabled a proposal"), a little more of it, and a link into the app. Names are
 * looked up when read, so a renamed delegation reads right; the words users typed (a comment, a
 * rationale) are passed on as text for the client to set with textContent.
 */
import type { InboxFactsJSON, InboxItemJSON, NotificationKind } from '../../shared/inbox';
import { onBehalfWords } from '../../shared/proposals';
import { draftSymbol } from '../../shared/symbols';
import type { DelegationRow, DraftRow, NotificationRow, SessionRow, UserRow } from '../storage/types';
import { delegationNameIn } from '../../shared/delegations';
import { type LocalizedText, textPreferring } from '../../shared/languages';

/** What presenting a page of notifications looks up. */
export interface NotificationLookups {
  drafts: ReadonlyMap<string, DraftRow>;
  sessions: ReadonlyMap<string, SessionRow>;
  users: ReadonlyMap<string, Pick<UserRow, 'id' | 'displayName'>>;
  delegations: ReadonlyMap<string, DelegationRow>;
  /** A paragraph's number as printed now ("OP 3"), by draft and paragraph id; null when unknown. */
  paragraphRef(draftId: string, paragraphId: string): string | null;
}

const DECIDED: Record<string, string> = {
  accepted: 'accepted',
  accepted_as_modified: 'accepted as modified',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  superseded: 'superseded by a later proposal',
};

const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** One item of the inbox. */
export function presentNotification(n: NotificationRow, look: NotificationLookups): InboxItemJSON {
  const p = n.payload;
  const delegation = (id: unknown) => (typeof id === 'string' ? (look.delegations.has(id) ? delegationNameIn(look.delegations.get(id)!) : null) : null);
  // Who acted: their delegation's name, else their own.
  const actor = delegation(p.byDelegationId) ?? (typeof p.by === 'string' ? look.users.get(p.by)?.displayName : undefined) ?? 'Someone';
  const draft = n.draftId ? look.drafts.get(n.draftId) : undefined;
  const session = draft ? look.sessions.get(draft.sessionId) : undefined;
  const base = n.draftId ? `/drafts/${encodeURIComponent(n.draftId)}` : '/';
  const ref = n.draftId && typeof p.paragraphId === 'string' ? look.paragraphRef(n.draftId, p.paragraphId) : null;
  const on = ref ? ` on ${ref}` : '';
  let title: string;
  let summary: string | null = null;
  let link = base;
  switch (n.kind as NotificationKind) {
    case 'proposal_tabled': {
      const onBehalf = p.onBehalfOf && typeof p.onBehalfOf === 'object' ? (textPreferring(p.onBehalfOf as LocalizedText, 'en')?.text ?? null) : null;
      const words = onBehalfWords(onBehalf);
      const behalf = words ? ` ${words}` : '';
      title = `${delegation(p.delegationId) ?? actor} tabled a proposal${on}${behalf}`;
      summary = s(p.rationale);
      link = `${base}/proposals`;
      break;
    }
    case 'comment_added':
      title = `${delegation(p.delegationId) ?? actor} ${p.reply ? 'replied in a comment thread' : 'commented'}${on}${s(p.quote) ? `${ref ? ':' : ' on'} “${s(p.quote)}”` : ''}`;
      summary = s(p.excerpt);
      link = `${base}/proposals`;
      break;
    case 'proposal_decided':
      title = `Your proposal${on} was ${DECIDED[String(p.state)] ?? String(p.state)}`;
      summary = s(p.note);
      link = `${base}/proposals`;
      break;
    case 'proposal_stale':
      title = 'Your proposal went stale: the words it quotes were changed';
      summary = 'Re-anchor it or withdraw it.';
      link = `${base}/proposals`;
      break;
    case 'cosponsor_requested':
      title = `${delegation(p.delegationId) ?? actor} asks ${p.request === 'withdraw' ? 'to withdraw as a co-sponsor' : 'to join the sponsors'}`;
      break;
    case 'cosponsor_request_decided':
      title = `The request ${p.request === 'withdraw' ? 'to withdraw as a co-sponsor' : 'to join the sponsors'} was ${p.decision === 'confirmed' ? 'confirmed' : 'declined'}`;
      break;
    case 'revision_issued':
      title = `${s(p.symbol) ?? 'A new revision'} was issued`;
      break;
    case 'paragraph_agreed':
      title = `${ref ?? 'A paragraph'} was agreed${p.state === 'agreed_ad_ref' ? ' ad referendum' : ''}`;
      break;
    case 'paragraph_reopened':
      title = `${ref ?? 'A paragraph'} was opened again`;
      break;
    case 'text_frozen':
      title = 'The text was frozen: it is final';
      break;
    default:
      title = 'Something changed';
  }
  // The same facts, for the client to say in the reader's language (shared/inbox.ts InboxFactsJSON).
  const delegationName = (id: unknown) => (typeof id === 'string' ? (look.delegations.get(id)?.name ?? null) : null);
  const person = typeof p.by === 'string' ? look.users.get(p.by)?.displayName : undefined;
  const facts: InboxFactsJSON = {
    who: delegationName(p.delegationId) ?? delegationName(p.byDelegationId) ?? (person ? { en: person } : null),
    paragraph: ref,
    quote: s(p.quote),
    onBehalfOf: p.onBehalfOf && typeof p.onBehalfOf === 'object' ? (p.onBehalfOf as LocalizedText) : null,
    reply: p.reply === true,
    state: s(p.state),
    request: n.kind === 'cosponsor_requested' || n.kind === 'cosponsor_request_decided' ? (p.request === 'withdraw' ? 'withdraw' : 'join') : null,
    decision: n.kind === 'cosponsor_request_decided' ? (p.decision === 'confirmed' ? 'confirmed' : 'declined') : null,
    symbol: s(p.symbol),
    adReferendum: p.state === 'agreed_ad_ref',
  };
  return {
    id: n.id,
    kind: n.kind as NotificationKind,
    draftId: n.draftId,
    draftSymbol: draft && session ? draftSymbol(session.symbolPrefix, draft.lNumber) : null,
    title,
    facts,
    summary,
    at: n.at,
    read: n.readAt !== null,
    link,
  };
}
