/**
 * Stable error ids of the HTTP API: `{ "error": { "id", "message" } }`. Clients switch on the
 * id, never on the message. Add ids here; never rename one.
 */
export const ErrorIds = {
  /** The body is not JSON, or fails validation. */
  validation: 'validation_failed',
  /** No valid session cookie or token. */
  unauthenticated: 'unauthenticated',
  /** Login with a wrong login or password (never says which). */
  badCredentials: 'bad_credentials',
  /** Signed in, but the policy refuses this action. */
  forbidden: 'forbidden',
  /** A cookie-authenticated write from another origin, or without the JSON content type. */
  crossSite: 'cross_site_request',
  /** No such resource (or one the user may not know exists). */
  notFound: 'not_found',
  /** The write conflicts with the current state (a duplicate, a race lost). */
  conflict: 'conflict',
  /** The request body is larger than the limit. */
  tooLarge: 'payload_too_large',
  /** Well-formed, but the domain refuses it (a lifecycle transition, a malformed symbol). */
  refused: 'refused',
  /** The stored working text does not read as a text of the schema (a bug, a database edited by hand): the secretariat can restore it to an earlier point. */
  textInvalid: 'text_invalid',
  /** Too many failed sign-ins for this account or from this address: wait, then try again. */
  tooManyAttempts: 'too_many_attempts',
  /** Too many writes by this user in a short time: slow down. */
  rateLimited: 'rate_limited',
  /** A password-reset code that is unknown, used or expired (never says which). */
  badResetCode: 'bad_reset_code',
  /** An entry of a session's record (a vote, a statement, a correction of vote) refused: `details.field` names the field at fault. */
  sessionRecordInvalid: 'session_record_invalid',
  /** The store is unreachable; nothing was changed. */
  unavailable: 'service_unavailable',
  /** The text the body acted on was asked for before final action on the draft. */
  noFinalText: 'no_final_text',
  /** The record says the text of that issued revision is not known (a provenance note). */
  textNotInRecord: 'text_not_in_record',
  /** An oral amendment names a paragraph by a number the text does not print ("OP 9"). */
  unknownParagraph: 'unknown_paragraph',
  /** A proposal (or a comment's quote) quotes words that are not in the paragraph, or are there more than once without saying which: the message says which. */
  wordsNotFound: 'words_not_found',
  /** A rationale, a proposal's text or a comment is longer than its limit: `details: { field, limit }` (a body over the byte limit is payload_too_large). */
  textTooLong: 'text_too_long',
  /** Deciding or withdrawing a proposal that is no longer pending. */
  proposalNotPending: 'proposal_not_pending',
  /** Accepting a proposal whose quoted words were changed since it was tabled: re-anchor it first. */
  proposalStale: 'proposal_stale',
  /** Asking to join as a co-sponsor after the deadline: the message gives the deadline. */
  cosponsorshipClosed: 'cosponsorship_closed',
  /** No version of that issued text in that language is stored (the reference language's is the revision itself). */
  versionNotFound: 'version_not_found',
  /** A language version whose structure differs from the issued text's: `details.mismatches` lists each place (shared/languageVersions.ts Mismatch); nothing stored. */
  versionMisaligned: 'version_misaligned',
  /** A version asked to be stored in the draft's reference language: its text is the issued revision itself. */
  referenceLanguage: 'reference_language',
  /** A fault on our side; the message reveals no internals. */
  internal: 'internal_error',
} as const;

/** One of the stable error ids. */
export type ErrorId = (typeof ErrorIds)[keyof typeof ErrorIds];

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { id: ErrorId; message: string; details?: unknown };
}

/**
 * The HTTP status each id is answered with, on every path (the API's error handler and the
 * collaboration endpoint's refused upgrades): one table, so one id always means one status.
 * text_invalid is 409, not 500: the request is right and the server is not at fault; the
 * draft's state is in the way, and the secretariat can clear it.
 */
export const ERROR_STATUS: Readonly<Record<ErrorId, number>> = {
  [ErrorIds.validation]: 400,
  [ErrorIds.badResetCode]: 400,
  [ErrorIds.unauthenticated]: 401,
  [ErrorIds.badCredentials]: 401,
  [ErrorIds.forbidden]: 403,
  [ErrorIds.crossSite]: 403,
  [ErrorIds.notFound]: 404,
  [ErrorIds.conflict]: 409,
  [ErrorIds.textInvalid]: 409,
  [ErrorIds.tooLarge]: 413,
  [ErrorIds.refused]: 422,
  [ErrorIds.sessionRecordInvalid]: 422,
  [ErrorIds.tooManyAttempts]: 429,
  [ErrorIds.rateLimited]: 429,
  [ErrorIds.unavailable]: 503,
  [ErrorIds.noFinalText]: 409,
  [ErrorIds.textNotInRecord]: 404,
  [ErrorIds.unknownParagraph]: 422,
  [ErrorIds.wordsNotFound]: 422,
  [ErrorIds.textTooLong]: 422,
  [ErrorIds.proposalNotPending]: 409,
  [ErrorIds.proposalStale]: 409,
  [ErrorIds.cosponsorshipClosed]: 403,
  [ErrorIds.versionNotFound]: 404,
  [ErrorIds.versionMisaligned]: 422,
  [ErrorIds.referenceLanguage]: 409,
  [ErrorIds.internal]: 500,
};
