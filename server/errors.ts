/**
 * The domain's errors: what commands, read models, texts, exports and the collaboration
 * endpoint throw when a request cannot be done. Each carries a stable id of shared/errors.ts
 * and a message for people, and no HTTP status: the HTTP layer (server/http/errors.ts) maps
 * the id to its status, in one table, at the boundary.
 */
import { ErrorIds, type ErrorId } from '../shared/errors';

/** A request the domain cannot do, with its stable id; thrown, and answered by the boundary. */
export class DomainError extends Error {
  constructor(
    readonly id: ErrorId,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The factories: one per stable id the domain uses. */
export const DomainErrors = {
  /** The input is not the shape the domain expects. */
  validation: (message: string, details?: unknown) => new DomainError(ErrorIds.validation, message, details),
  /** The policy refuses, with its reason. */
  forbidden: (reason: string) => new DomainError(ErrorIds.forbidden, reason),
  /** No such thing. */
  notFound: (what: string) => new DomainError(ErrorIds.notFound, `${what} not found`),
  /** A duplicate or a lost race. */
  conflict: (message: string) => new DomainError(ErrorIds.conflict, message),
  /** Well-formed, but the domain refuses it; the message is the domain's reason. */
  refused: (reason: string) => new DomainError(ErrorIds.refused, reason),
  /**
   * The stored working text is not a valid text, so nothing that reads it can answer. The
   * request is right; the draft's state is in the way, and the secretariat can clear it
   * (restore the text to an earlier point), after which the same request succeeds.
   */
  textInvalid: (what: string, reason: string) =>
    new DomainError(ErrorIds.textInvalid, `${what} cannot be read: ${reason}. The secretariat can restore the working text to an earlier point (POST /api/drafts/:id/restore)`),
  /** Quoted words that are not in the paragraph (or ambiguous); the message says which. */
  wordsNotFound: (message: string) => new DomainError(ErrorIds.wordsNotFound, message),
  /** A text over its limit, in characters: `details: { field, limit }`. */
  textTooLong: (field: string, limit: number) => new DomainError(ErrorIds.textTooLong, `the ${field} is longer than ${limit} characters`, { field, limit }),
  /** A proposal already decided or withdrawn. */
  proposalNotPending: (state: string) => new DomainError(ErrorIds.proposalNotPending, `the proposal is no longer pending: it was ${state.replaceAll('_', ' ')}`),
  /** A proposal whose quoted words changed since it was tabled. */
  proposalStale: (why: string) => new DomainError(ErrorIds.proposalStale, `the proposal is stale: ${why}; re-anchor it or withdraw it`),
  /** Joining as a co-sponsor after the deadline; the message gives the deadline. */
  cosponsorshipClosed: (message: string) => new DomainError(ErrorIds.cosponsorshipClosed, message),
};
