/**
 * A request that declares a body larger than its route accepts is answered 413 at once, before
 * any parser reads a byte, and its connection is closed. The body parsers check the declared
 * length too, but then read the whole body off the socket before answering (body-parser's
 * `dump`): a client declaring a gigabyte and sending a trickle held a request, and a socket,
 * open for as long as it liked.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { sendError, HttpErrors } from './errors';
import { compareBodyLimit } from './routes/compare';
import { importBodyLimit } from './routes/imports';
import { versionBodyLimit } from './routes/versions';

/**
 * The largest body the route of `req` accepts: the import and compare routes' own limits, the
 * general JSON limit (BODY_LIMIT) for every other path.
 */
export function routeBodyLimit(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>, generalLimit: number): number {
  // Express matches paths without regard to case or a trailing slash: so must this.
  const path = (req.url ?? '/').split('?')[0]!.toLowerCase().replace(/\/+$/, '') || '/';
  const method = (req.method ?? 'GET').toUpperCase();
  return (
    importBodyLimit(method, path, req.headers['content-type']) ?? versionBodyLimit(method, path, req.headers['content-type']) ?? compareBodyLimit(method, path) ?? generalLimit
  );
}

/** The middleware: 413 with `payload_too_large` and `Connection: close` when Content-Length is over the route's limit. */
export function refuseDeclaredOversize(generalLimit: number): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers['content-length'];
    if (declared === undefined) return next();
    const limit = routeBodyLimit(req, generalLimit);
    if (!(Number(declared) > limit)) return next();
    // Closing rather than keeping the connection alive: the body that follows is never read
    // (node ends the socket once the answer is written instead of draining the body).
    res.setHeader('Connection', 'close');
    res.on('finish', () => req.socket.destroySoon());
    sendError(res, HttpErrors.tooLarge(limit));
  };
}
