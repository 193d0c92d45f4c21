/**
 * Per-user rate limits on writes: a token bucket for each signed-in user, so that one runaway
 * script cannot swamp the record for everyone. Reads and anonymous requests are not counted
 * (sign-ins have their own throttle). The buckets are in the server's counters: in memory for
 * one instance, in Redis when several share the work (the burst is then one for all of them).
 */
import type { RequestHandler } from 'express';
import { MemoryCounters, type Counters } from '../cluster/counters';
import { authenticationOf } from './context';
import { HttpErrors } from './errors';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Middleware: 429 `rate_limited` once a user's writes outrun `perSecond` with `burst` to spare. */
export function writeRateLimit(limits: { perSecond: number; burst: number }, counters: Counters = new MemoryCounters()): RequestHandler {
  return async (req, _res, next) => {
    const user = authenticationOf(req)?.user;
    if (!user || !WRITES.has(req.method)) return next();
    const taken = await counters.take(`writes:${user.id}`, limits);
    next(taken ? undefined : HttpErrors.rateLimited(1000 / limits.perSecond));
  };
}
