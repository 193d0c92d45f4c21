/**
 * The HTTP API under /api: authentication for every request, the CSRF check for writes, the
 * JSON body parser with its size limit, the resource routes, then 404 and the error handler,
 * so that every answer, success or failure, is JSON in the one shape.
 */
import express, { Router } from 'express';
import { authenticate, keepSessionAlive, LoginThrottle } from '../auth';
import { MemoryCounters, type Counters } from '../cluster/counters';
import { auditDraftWrites, auditRefusals } from './audit';
import { writeRateLimit } from './rateLimit';
import { auditRoutes } from './routes/audit';
import { chairRoutes } from './routes/chairs';
import { setAuthentication } from './context';
import { csrfProtection } from './csrf';
import type { ApiDeps } from './deps';
import { errorHandler, notFoundHandler } from './errors';
import { amendmentRoutes } from './routes/amendments';
import { authRoutes } from './routes/auth';
import { delegationRoutes } from './routes/delegations';
import { draftRoutes, sessionDraftRoutes } from './routes/drafts';
import { eventRoutes } from './routes/events';
import { compareRouter } from './routes/compare';
import { exportsRouter } from './routes/exports';
import { importsRouter } from './routes/imports';
import { meetingRoutes } from './routes/meeting';
import { negotiationRoutes } from './routes/negotiation';
import { proposalRoutes } from './routes/proposals';
import { commentRoutes } from './routes/comments';
import { inboxRoutes, isBackgroundRequest } from './routes/inbox';
import { reportRoutes } from './routes/report';
import { restoreRoutes } from './routes/restore';
import { revisionRoutes } from './routes/revisions';
import { sessionRoutes } from './routes/sessions';
import { cosponsorshipRoutes, sponsorRoutes } from './routes/sponsors';
import { userRoutes } from './routes/users';
import { versionRoutes } from './routes/versions';

/**
 * Build the /api router; `more` are routers of other units (the text's history), mounted last;
 * `counters` keep failed sign-ins and write buckets (in Redis when instances share them).
 */
export function apiRouter(deps: ApiDeps, more: Router[] = [], counters: Counters = new MemoryCounters()): Router {
  const router = Router();

  const throttle = new LoginThrottle(deps.config.loginThrottle, counters);

  router.use(async (req, _res, next) => {
    const auth = await authenticate(deps.store, req);
    setAuthentication(req, auth);
    // Activity keeps a browser session alive, up to its maximum age; the inbox badge's polling and stream are not activity.
    if (auth && !isBackgroundRequest(req)) await keepSessionAlive(deps.store, auth.session, deps.config);
    next();
  });
  router.use(csrfProtection);
  router.use(writeRateLimit(deps.config.writeRate, counters));
  // Imports carry Word files and long texts: they bring their own parsers and larger limits,
  // so they come before the general JSON parser (which would refuse them at its limit).
  router.use(importsRouter(deps));
  router.use(exportsRouter(deps));
  router.use(versionRoutes(deps));
  router.use(express.json({ limit: deps.config.bodyLimitBytes, strict: true }));
  router.use(auditDraftWrites(deps));
  router.use((_req, res, next) => {
    // API answers are per user and change with every write: never cached.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.use('/auth', authRoutes(deps, throttle));
  router.use('/audit', auditRoutes(deps));
  router.use(chairRoutes(deps));
  router.use('/sessions/:id/drafts', sessionDraftRoutes(deps));
  router.use('/sessions', sessionRoutes(deps));
  router.use('/delegations', delegationRoutes(deps));
  router.use('/users', userRoutes(deps));
  router.use('/inbox', inboxRoutes(deps));
  router.use('/drafts/:id/sponsors', sponsorRoutes(deps));
  router.use('/drafts/:id/events', eventRoutes(deps));
  // The secretariat's record and the meeting (issue 6): full paths, under /drafts and /sessions.
  router.use(revisionRoutes(deps));
  router.use(cosponsorshipRoutes(deps));
  router.use(negotiationRoutes(deps));
  router.use(amendmentRoutes(deps));
  router.use(proposalRoutes(deps));
  router.use(commentRoutes(deps));
  router.use(meetingRoutes(deps));
  router.use(reportRoutes(deps));
  router.use(restoreRoutes(deps));
  router.use('/drafts', draftRoutes(deps));
  for (const extra of more) router.use(extra);
  router.use(compareRouter(deps));

  router.use(notFoundHandler);
  router.use(auditRefusals(deps));
  router.use(errorHandler((message, err) => deps.log(message, err)));
  return router;
}
