/**
 * Security headers on every response, with helmet. The Content-Security-Policy allows only the
 * app's own scripts (Vite builds them as external files: no inline script, no eval), its own
 * styles, and connections to itself (the API and the collaboration socket).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The Content-Security-Policy directives, exported so tests can read what is promised. */
export function cspDirectives(secure: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // Style *attributes* only (never <style> elements or scripts): the collaborators' cursor and
    // selection colours are per user and set by y-prosemirror as style attributes.
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // 'self' covers ws:/wss: to the same host in CSP Level 3 browsers.
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The middleware; `secure` when served over HTTPS (HSTS and upgrading insecure requests). */
export function securityHeaders(secure: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(secure) },
    strictTransportSecurity: secure ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
