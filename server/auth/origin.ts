/**
 * The app's own origin. A browser names the page that opened a request in `Origin`; a write or a
 * WebSocket upgrade that carries the session cookie must come from one of our own pages.
 */
import type { IncomingMessage } from 'node:http';

/** Whether `origin` is the app's own: the configured public origin, or else the Host the request was sent to. */
export function isOwnOrigin(origin: string, req: IncomingMessage, publicOrigin: string | null = null): boolean {
  if (origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (publicOrigin !== null) return parsed.origin === publicOrigin;
  const host = req.headers.host;
  return host !== undefined && parsed.host.toLowerCase() === host.toLowerCase();
}

/** Why a cookie-authenticated request from a browser page is not ours, or null when it is
 * (a request without Origin comes from no web page: a script or a test client). */
export function foreignOrigin(req: IncomingMessage, publicOrigin: string | null = null): string | null {
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  return isOwnOrigin(origin, req, publicOrigin) ? null : `requests from ${origin.slice(0, 100)} may not use this site's session`;
}
