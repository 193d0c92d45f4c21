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
};
