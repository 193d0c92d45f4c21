/**
 * The HTTP boundary of errors: the one table from a stable id (shared/errors.ts) to its HTTP
 * status, the few answers only HTTP gives (sign-in, cross-site, body size, rate limits), and
 * the one handler that turns anything thrown — a DomainError of server/errors.ts, an
 * HttpError, a storage fault — into `{ "error": { "id", "message" } }`. Clients switch on the
 * id; the message is for people, and never carries internals (no stack, no SQL).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ERROR_STATUS, ErrorIds, type ErrorBody, type ErrorId } from '../../shared/errors';
import { FROZEN_TEXT_REFUSAL } from '../../shared/policy';
import { DomainError, DomainErrors } from '../errors';
import { DraftFrozen, UniqueViolation } from '../storage/types';

/** The HTTP status of each stable error id (shared/errors.ts holds the one table). */
export const STATUS_OF_ERROR = ERROR_STATUS;

/**
 * An answer with its HTTP status and stable id. Routes throw one for the few answers that need
 * a status other than their id's (415 for an import that is not a Word file); everything else
 * is a DomainError or one of `HttpErrors`.
 */
export class HttpError extends Error {
  /** For 429: how long the client should wait, sent as Retry-After. */
  retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    readonly id: ErrorId,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The answer for a stable id, with the status of the table. */
export function answer(id: ErrorId, message: string, details?: unknown): HttpError {
  return new HttpError(STATUS_OF_ERROR[id], id, message, details);
}

function withRetryAfter(error: HttpError, ms: number): HttpError {
  error.retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
  return error;
}

/** The answers only the HTTP layer gives; the domain's refusals are `DomainErrors` (server/errors.ts). */
export const HttpErrors = {
  /** No valid session or token. */
  unauthenticated: () => answer(ErrorIds.unauthenticated, 'sign in first'),
  /** The login or the password is wrong (never says which). */
  badCredentials: () => answer(ErrorIds.badCredentials, 'the login or the password is wrong'),
  /** A cookie-authenticated write that could come from another site. */
  crossSite: (reason: string) => answer(ErrorIds.crossSite, reason),
  /** The body is larger than the limit. */
  tooLarge: (limitBytes: number) => answer(ErrorIds.tooLarge, `the request body is larger than ${limitBytes} bytes`),
  /** Too many failed sign-ins for this login or from this address (never says which). */
  tooManyAttempts: (waitMs: number) =>
    withRetryAfter(answer(ErrorIds.tooManyAttempts, `too many failed sign-ins: wait ${Math.max(1, Math.ceil(waitMs / 1000))} seconds, then try again`), waitMs),
  /** This user is writing faster than the limit. */
  rateLimited: (waitMs: number) => withRetryAfter(answer(ErrorIds.rateLimited, 'too many changes in a short time: slow down and try again in a moment'), waitMs),
  /** A password-reset code that is unknown, used or expired (never says which). */
  badResetCode: () => answer(ErrorIds.badResetCode, 'this reset code is not valid: it may have been used or have expired; ask the secretariat for a new one'),
  /** The store cannot be reached; nothing was changed. */
  unavailable: () => answer(ErrorIds.unavailable, 'the database is unreachable; nothing was changed, try again shortly'),
  /** Our fault; details stay in the server log. */
  internal: () => answer(ErrorIds.internal, 'something went wrong on the server; nothing was changed'),
};

/** The answer to a domain error: its id's status, its message and details as they are. */
export function fromDomainError(err: DomainError): HttpError {
  return answer(err.id, err.message, err.details);
}

// Connection-level failures of pg and node sockets, and SQLite's "cannot get at the file"
// codes: the store is unreachable, not the request wrong.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '3D000',
  '28000',
  '28P01',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
]);

/** Whether an error means the store is unreachable (so the answer is 503, not 500). */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (name === 'StoreUnavailable') return true;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) return true;
    if (typeof message === 'string' && /Connection terminated|connection timeout|The database connection is not open|Cannot use a pool after calling end/i.test(message))
      return true;
  }
  return false;
}

// body-parser's failures carry a `type`; map the ones a client can cause.
function fromBodyParser(err: { type?: unknown; limit?: unknown }): HttpError | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return fromDomainError(DomainErrors.validation('the request body is not valid JSON'));
    case 'entity.too.large':
      return HttpErrors.tooLarge(Number(err.limit) || 0);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return fromDomainError(DomainErrors.validation('the request body must be UTF-8 JSON'));
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return fromDomainError(DomainErrors.validation('the request body was incomplete'));
    default:
      return null;
  }
}

/** Map anything thrown to the answer the client sees. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof DomainError) return fromDomainError(err);
  if (err instanceof UniqueViolation) return fromDomainError(DomainErrors.conflict('this conflicts with an existing record'));
  // The update log refused a write because the draft was frozen meanwhile (e.g. an import racing the freeze).
  if (err instanceof DraftFrozen) return fromDomainError(DomainErrors.forbidden(FROZEN_TEXT_REFUSAL));
  if (err && typeof err === 'object') {
    const parsed = fromBodyParser(err as { type?: unknown });
    if (parsed) return parsed;
  }
  if (isStoreUnavailable(err)) return HttpErrors.unavailable();
  // Express and its router mark client faults they find (a malformed %-escape in the path).
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return HttpErrors.tooLarge(0);
    if (status === 404) return fromDomainError(DomainErrors.notFound('resource'));
    return fromDomainError(DomainErrors.validation('the request is malformed'));
  }
  return HttpErrors.internal();
}

/** Send an error response in the one shape. */
export function sendError(res: Parameters<RequestHandler>[1], error: HttpError): void {
  const body: ErrorBody = { error: { id: error.id, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } };
  if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(error.status).json(body);
}

/** The Express error handler: every error answers in the one shape; faults are logged. */
export function errorHandler(log: (message: string, err: unknown) => void = defaultLog): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const error = toHttpError(err);
    if (error.status >= 500) log(`${req.method} ${req.originalUrl} → ${error.status}`, err);
    sendError(res, error);
  };
}

/** Unknown API routes answer 404 in the one shape, not with Express's HTML page. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, fromDomainError(DomainErrors.notFound(`${req.method} ${req.originalUrl.split('?')[0]}`)));
};

function defaultLog(message: string, err: unknown): void {
  console.error(`[penholder] ${message}`, err);
}
