/**
 * Per-user rate limits on writes: a token bucket for each signed-in user, so that one runaway
 * script cannot swamp the record for everyone. Reads and anonymous requests are not counted
 * (sign-ins have their own throttle).
 */
import type { RequestHandler } from 'express';
import { TokenBucket } from '../collab/limits';
import { authenticationOf } from './context';
import { HttpErrors } from './errors';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Buckets of users who stopped writing are dropped once there are this many.
const SWEEP_AT = 5_000;

/** Middleware: 429 `rate_limited` once a user's writes outrun `perSecond` with `burst` to spare. */
export function writeRateLimit(limits: { perSecond: number; burst: number }): RequestHandler {
  const buckets = new Map<string, { bucket: TokenBucket; last: number }>();
  return (req, _res, next) => {
    const user = authenticationOf(req)?.user;
    if (!user || !WRITES.has(req.method)) return next();
    const now = Date.now();
    if (buckets.size > SWEEP_AT) {
      const idle = (limits.burst / limits.perSecond) * 1000;
      for (const [id, b] of buckets) if (now - b.last > idle) buckets.delete(id);
    }
    let entry = buckets.get(user.id);
    if (!entry) buckets.set(user.id, (entry = { bucket: new TokenBucket(limits.perSecond, limits.burst), last: now }));
    entry.last = now;
    next(entry.bucket.take() ? undefined : HttpErrors.rateLimited(1000 / limits.perSecond));
  };
}
