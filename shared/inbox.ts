/**
 * The in-app inbox (issue #17): what a user is told happened on drafts that concern them —
 * a proposal or comment on a draft they sponsor, a decision on their proposal, a request to
 * co-sponsor, a revision issued, a paragraph agreed or reopened, a text frozen. No e-mail.
 * Here: the kinds, the JSON both ends read, and the live stream's constants.
 */

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
  /** What happened, in one line ("China tabled a proposal on OP 3"). */
  title: string;
  /** More of it (the first words of a comment, a decision's state), or null. */
  summary: string | null;
  at: string;
  read: boolean;
  /** Where in the app to look (a path of the client). */
  link: string;
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
