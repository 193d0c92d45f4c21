/**
 * The in-app inbox (issue #17): what a user is told happened on drafts that concern them —
 * a proposal or comment on a draft they sponsor, a decision on their proposal, a request to
 * co-sponsor, a revision issued, a paragraph agreed or reopened, a text frozen. No e-mail.
 * Here: the kinds, the JSON both ends read, and the live stream's constants.
 */

import type { LocalizedText } from './languages';

/** The kinds of notification. */
export const NOTIFICATION_KINDS = [
  'proposal_tabled',
  'comment_added',
  'proposal_decided',
  'proposal_stale',
  'cosponsor_requested',
  'cosponsor_request_decided',
  'revision_issued',
  'paragraph_agreed',
  'paragraph_reopened',
  'text_frozen',
] as const;

/** One kind of notification. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One item of the inbox as the API sends it. */
export interface InboxItemJSON {
  id: string;
  kind: NotificationKind;
  draftId: string | null;
  /** The draft's symbol ("CTOC/COP/2022/L.9"), or null. */
  draftSymbol: string | null;
  /** What happened, in one line, in English ("China tabled a proposal on OP 3"). */
  title: string;
  /** The facts the title says, for the client to word in the interface's language (client/inboxWords.ts). */
  facts?: InboxFactsJSON;
  /** More of it (the first words of a comment, a decision's state), or null. */
  summary: string | null;
  at: string;
  read: boolean;
  /** Where in the app to look (a path of the client). */
  link: string;
}

/**
 * What an item's title says, as facts: the client words them in the interface's language from
 * its `inbox` catalog, so the server writes no sentence the reader might not read.
 */
export interface InboxFactsJSON {
  /** Who acted: their delegation's name in the languages it is given in, else the person's own name (as `en`); null when unknown. */
  who: LocalizedText | null;
  /** The paragraph as the text prints it now ("OP 3"), or null. */
  paragraph: string | null;
  /** The words a comment quotes, or null. */
  quote: string | null;
  /** On whose behalf a proposal was tabled, as the proposer gave it, or null. */
  onBehalfOf: LocalizedText | null;
  /** A comment that replies in a thread. */
  reply: boolean;
  /** A decided proposal's state (shared/proposals.ts ProposalState), or null. */
  state: string | null;
  /** A co-sponsorship request: to join the sponsors or to withdraw; null for other kinds. */
  request: 'join' | 'withdraw' | null;
  /** The decision on a co-sponsorship request, or null. */
  decision: 'confirmed' | 'declined' | null;
  /** The symbol of an issued revision, or null. */
  symbol: string | null;
  /** A paragraph agreed ad referendum. */
  adReferendum: boolean;
}

/** `GET /api/inbox`. */
export interface InboxJSON {
  unread: number;
  items: InboxItemJSON[];
}

/** Page sizes of `GET /api/inbox`. */
export const INBOX_PAGE = { default: 30, max: 100 } as const;

/** The most ids one `POST /api/inbox/read` marks. */
export const INBOX_READ_MAX_IDS = 200;

/** The Server-Sent Events of `GET /api/inbox/stream`: `event: count`, `data: {"unread": n}`. */
export const INBOX_STREAM_EVENT = 'count';

/** How often a page asks for the count anyway (other instances' changes do not reach this one's stream). */
export const INBOX_POLL_MS = 30_000;

/** How much of a comment or rationale a notification keeps. */
export const NOTIFICATION_EXCERPT = 160;

/** The first words of a text, on one line, at most NOTIFICATION_EXCERPT characters. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > NOTIFICATION_EXCERPT ? `${flat.slice(0, NOTIFICATION_EXCERPT - 1)}…` : flat;
}
