/**
 * HTTP errors: factories with a status and a stable id (shared/errors.ts), and the one
 * handler that turns anything thrown into `{ "error": { "id", "message" } }`. Clients switch
 * on the id; the message is for people, and never carries internals (no stack, no SQL).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorIds, type ErrorBody, type ErrorId } from '../../shared/errors';
import { FROZEN_TEXT_REFUSAL } from '../../shared/policy';
import { DraftFrozen, UniqueViolation } from '../storage/types';

/** An error with its HTTP status and stable id, thrown by routes and commands. */
export class HttpError extends Error {
  /** For 429: how long the client should wait, sent as Retry-After. */
  retryAfterSeconds?: number;

  constructor(readonly status: number, readonly id: ErrorId, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'HttpError';
  }
}

function withRetryAfter(error: HttpError, ms: number): HttpError {
  error.retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
  return error;
}

/** The factories: one per stable id. */
export const HttpErrors = {
  /** 400: not JSON, or not the shape the route expects. */
  validation: (message: string, details?: unknown) => new HttpError(400, ErrorIds.validation, message, details),
  /** 401: no valid session or token. */
  unauthenticated: () => new HttpError(401, ErrorIds.unauthenticated, 'sign in first'),
  /** 401: the login or the password is wrong (never says which). */
  badCredentials: () => new HttpError(401, ErrorIds.badCredentials, 'the login or the password is wrong'),
  /** 403: the policy refuses, with its reason. */
  forbidden: (reason: string) => new HttpError(403, ErrorIds.forbidden, reason),
  /** 403: a cookie-authenticated write that could come from another site. */
  crossSite: (reason: string) => new HttpError(403, ErrorIds.crossSite, reason),
  /** 404: no such thing. */
  notFound: (what: string) => new HttpError(404, ErrorIds.notFound, `${what} not found`),
  /** 409: a duplicate or a lost race. */
  conflict: (message: string) => new HttpError(409, ErrorIds.conflict, message),
  /** 413: the body is larger than the limit. */
  tooLarge: (limitBytes: number) => new HttpError(413, ErrorIds.tooLarge, `the request body is larger than ${limitBytes} bytes`),
  /** 422: well-formed, but the domain refuses it; the message is the domain's reason. */
  refused: (reason: string) => new HttpError(422, ErrorIds.refused, reason),
  /**
   * 409: the stored working text is not a valid text, so nothing that reads it can answer. 409,
   * not 500: the request is right and the server is not at fault now; the draft's state is in
   * the way, and the secretariat can clear it (restore the text to an earlier point), after
   * which the same request succeeds.
   */
  textInvalid: (what: string, reason: string) =>
    new HttpError(409, ErrorIds.textInvalid, `${what} cannot be read: ${reason}. The secretariat can restore the working text to an earlier point (POST /api/drafts/:id/restore)`),
  /** 429: too many failed sign-ins for this login or from this address (never says which). */
  tooManyAttempts: (waitMs: number) =>
    withRetryAfter(new HttpError(429, ErrorIds.tooManyAttempts, `too many failed sign-ins: wait ${Math.max(1, Math.ceil(waitMs / 1000))} seconds, then try again`), waitMs),
  /** 429: this user is writing faster than the limit. */
  rateLimited: (waitMs: number) =>
    withRetryAfter(new HttpError(429, ErrorIds.rateLimited, 'too many changes in a short time: slow down and try again in a moment'), waitMs),
  /** 400: a password-reset code that is unknown, used or expired (never says which). */
  badResetCode: () => new HttpError(400, ErrorIds.badResetCode, 'this reset code is not valid: it may have been used or have expired; ask the secretariat for a new one'),
  /** 503: the store cannot be reached; nothing was changed. */
  unavailable: () => new HttpError(503, ErrorIds.unavailable, 'the database is unreachable; nothing was changed, try again shortly'),
  /** 500: our fault; details stay in the server log. */
  internal: () => new HttpError(500, ErrorIds.internal, 'something went wrong on the server; nothing was changed'),
};

// Connection-level failures of pg and node sockets, and SQLite's "cannot get at the file"
// codes: the store is unreachable, not the request wrong.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH',
  '57P01', '57P02', '57P03', '53300', '3D000', '28000', '28P01', '08000', '08001', '08003', '08004', '08006',
  'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_READONLY',
]);

/** Whether an error means the store is unreachable (so the answer is 503, not 500). */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (name === 'StoreUnavailable') return true;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) return true;
    if (typeof message === 'string' && /Connection terminated|connection timeout|The database connection is not open|Cannot use a pool after calling end/i.test(message)) return true;
  }
  return false;
}

// body-parser's failures carry a `type`; map the ones a client can cause.
function fromBodyParser(err: { type?: unknown; limit?: unknown }): HttpError | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return HttpErrors.validation('the request body is not valid JSON');
    case 'entity.too.large':
      return HttpErrors.tooLarge(Number(err.limit) || 0);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return HttpErrors.validation('the request body must be UTF-8 JSON');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return HttpErrors.validation('the request body was incomplete');
    default:
      return null;
  }
}

/** Map anything thrown to the HttpError the client sees. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof UniqueViolation) return HttpErrors.conflict('this conflicts with an existing record');
  // The update log refused a write because the draft was frozen meanwhile (e.g. an import racing the freeze).
  if (err instanceof DraftFrozen) return HttpErrors.forbidden(FROZEN_TEXT_REFUSAL);
  if (err && typeof err === 'object') {
    const parsed = fromBodyParser(err as { type?: unknown });
    if (parsed) return parsed;
  }
  if (isStoreUnavailable(err)) return HttpErrors.unavailable();
  // Express and its router mark client faults they find (a malformed %-escape in the path).
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return HttpErrors.tooLarge(0);
    if (status === 404) return HttpErrors.notFound('resource');
    return HttpErrors.validation('the request is malformed');
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
  sendError(res, HttpErrors.notFound(`${req.method} ${req.originalUrl.split('?')[0]}`));
};

function defaultLog(message: string, err: unknown): void {
  console.error(`[penholder] ${message}`, err);
}
