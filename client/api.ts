/**
 * A small client for the Penholder HTTP API: JSON in, JSON out, errors as ApiError; and the
 * shapes of the answers the app reads (as server/presenters write them; fields the app does not
 * use are left out).
 */
import type { ErrorBody } from '../shared/errors';
import type { LocalizedText } from '../shared/delegations';
import type { DraftState } from '../shared/lifecycle';
import type { NegotiationCounts } from '../shared/negotiation';
import type { DraftPermissionsJSON } from '../shared/policy';
import { refusalMessage } from './errorWords';

/**
 * An error answered by the API, with its HTTP status and stable error id. Its message is in the
 * interface's language (client/errorWords.ts); `serverMessage` keeps the server's English words.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    /** What the server adds to some refusals (`{ field }`: the field of the request it concerns). */
    readonly details?: unknown,
    /** The server's own sentence, in English (the message when none was given). */
    readonly serverMessage: string = message,
  ) {
    super(message);
  }
}

/** Call the API with the session cookie; writes send JSON (the server's CSRF check wants it). */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null; // a proxy's HTML error page: report the status below
  }
  if (!response.ok) {
    const error = (json as ErrorBody | null)?.error;
    const id = error?.id ?? 'unknown';
    const said = error?.message ?? response.statusText;
    const retryAfter = Number(response.headers.get('Retry-After'));
    const message = refusalMessage(id, said, { details: error?.details, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null });
    throw new ApiError(response.status, id, message, error?.details, said);
  }
  return json as T;
}

/** The signed-in user (`GET /api/auth/me`). */
export interface Me {
  id: string;
  login: string;
  displayName: string;
  role: 'secretariat' | 'chair' | 'delegate';
  delegationId: string | null;
  delegation: { id: string; code: string; name: LocalizedText } | null;
}

/** A session of a body (`GET /api/sessions`). */
export interface SessionSummary {
  id: string;
  number: number;
  title: LocalizedText;
  symbolPrefix: string;
  body: { id: string; name: LocalizedText } | null;
}

/** A draft's derived status. */
export interface StatusJSON {
  state: DraftState;
  label: LocalizedText;
  /** The latest revision issued (0 = the original); null before the first. */
  revision: number | null;
  frozen: boolean;
  isFinal: boolean;
}

export type { DraftPermissionsJSON, PermissionJSON } from '../shared/policy';

/** A row of the drafts list (`GET /api/sessions/:id/drafts`). */
export interface DraftSummary {
  id: string;
  symbol: string;
  kind: 'resolution' | 'decision';
  title: LocalizedText;
  status: StatusJSON;
  /** What the signed-in user may do to it now; shown as it is, never worked out again. */
  permissions: DraftPermissionsJSON;
  sponsorCount: number;
  /** How the reader's delegation sponsors the draft today (null: it does not, or the reader has no delegation). */
  yourSponsorship?: 'main' | 'co-sponsor' | null;
  lastChangeAt: string;
  /** Who has the draft open now, when the server tells (display names or delegation names). */
  present?: string[];
  /** The chair's progress ("12 of 29 agreed"); null when no paragraph state was recorded. */
  agreed?: (NegotiationCounts & { text: LocalizedText }) | null;
  /** Notes on where the draft's texts come from ("illustrative", "text not in the record" …). */
  provenance?: ProvenanceJSON[];
  /** Whether the draft is illustrative, part of no session's record. */
  illustrative?: boolean;
}

/** A sponsor as the API names it. */
export interface SponsorJSON {
  delegationId: string;
  code: string | null;
  name: LocalizedText;
  since: string;
  onBehalfOf: LocalizedText | null;
}

/** The sponsors of a draft now. */
export interface SponsorListJSON {
  main: SponsorJSON | null;
  coSponsors: SponsorJSON[];
  withdrawn: (Omit<SponsorJSON, 'onBehalfOf'> & { withdrawn: string })[];
  count: number;
  text: LocalizedText;
}

/** One issued text of the lineage. */
export interface LineageEntry {
  symbol: string;
  revision: number;
  issuedAt: string;
  hash: string | null;
  hasText: boolean;
  /** False for an issued text whose words are not in the record (the server refuses to give it). */
  textInRecord?: boolean;
}

/** The text the body acted on, after final action: the issued text, as orally amended when amendments were accepted. */
export interface FinalTextJSON {
  /** The text spec that names it (`final`). */
  spec: string;
  symbol: string;
  /** "L.10/Rev.2 as orally amended", "L.4". */
  label: string;
  hash: string;
  asOrallyAmended: boolean;
}

/** Why nobody may change the working text any more. */
export interface TextReadOnlyJSON {
  reason: 'frozen' | 'final_action';
  message: string;
}

/** A note on where a draft's texts come from (shared with the server as the `provenance` record). */
export interface ProvenanceJSON {
  kind: 'illustrative' | 'text_not_in_record' | 'original_language_not_in_record' | 'printed_version';
  /** The issued text it is about; null for the whole draft. */
  symbol: string | null;
  note: LocalizedText | null;
}

/** A draft's page (`GET /api/drafts/:id`). */
export interface DraftDetail extends DraftSummary {
  session: { id: string; symbolPrefix: string; title: LocalizedText };
  agendaItem: string;
  language: string;
  lineage: LineageEntry[];
  sponsors: SponsorListJSON;
  submittedBy: LocalizedText | null;
  chair: { id: string; displayName: string } | null;
  /** The text acted on, once final action is taken; null before. */
  finalText?: FinalTextJSON | null;
  /** Why the working text is read-only for everyone (final action, freeze); null while it may change. */
  textReadOnly?: TextReadOnlyJSON | null;
}

/** One entry of a draft's record (`GET /api/drafts/:id/events`). */
export interface DraftEventJSON {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: string;
  user: { id: string; displayName: string } | null;
  /** For an oral amendment: what it said ('OP 3: replace "twelfth" with "thirteenth"'). */
  described?: string;
  /** The same in the six languages (shared/oralAmendmentWords.ts). */
  describedIn?: LocalizedText;
  /** An entry of the room's conversation (a proposal, a comment, a co-sponsorship request), not of the record of action. */
  conversation?: true;
}

/** A text of a draft named by its spec (`final`, `amended:L.9/Rev.1`, `seq:40` …), as the text route answers. */
export interface SpecifiedTextJSON {
  spec: string;
  state: string;
  symbol: string | null;
  label: string;
  /** The text, as the schema's JSON. */
  doc: unknown;
  hash: string;
}

/** The text a draft's body acted on (`?text=final`): only after final action (409 `no_final_text` before). */
export function fetchFinalText(draftId: string): Promise<SpecifiedTextJSON> {
  return api<SpecifiedTextJSON>('GET', `/api/drafts/${encodeURIComponent(draftId)}/text?text=final`);
}
