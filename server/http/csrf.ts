/**
 * Cross-site request forgery: a browser attaches the session cookie to requests other sites
 * make. Such a site can send a form (not JSON) or a fetch with its own Origin, so a write that
 * could carry the cookie must be JSON and, when the browser names its origin, come from ours.
 * Requests with a bearer token are exempt: another site cannot make a browser attach one.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { credentialsOf } from '../auth';
import { HttpErrors } from './errors';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why a request fails the check, or null when it passes. */
export function crossSiteRefusal(req: IncomingMessage): string | null {
  if (!WRITES.has(req.method ?? '')) return null;
  const via = credentialsOf(req)?.via;
  if (via === 'bearer' || via === 'query') return null;
  // Checked for anonymous writes too: a forged login would sign the victim in as the attacker.
  const [mediaType = ''] = (req.headers['content-type'] ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') return 'a write must be sent as JSON (Content-Type: application/json)';
  const origin = req.headers.origin;
  if (origin !== undefined && !sameHost(origin, req.headers.host)) return 'a write must come from this site';
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'a write must come from this site';
  return null;
}

function sameHost(origin: string, host: string | undefined): boolean {
  if (!host || origin === 'null') return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** Middleware: refuse a cross-site write with 403 `cross_site_request`. */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  const refusal = crossSiteRefusal(req);
  next(refusal === null ? undefined : HttpErrors.crossSite(refusal));
};
