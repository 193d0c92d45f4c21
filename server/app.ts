/**
 * Penholder assembled: the store, the HTTP API under /api, the built browser app, and the
 * collaboration endpoint on the same HTTP server. `main.ts` runs it; tests start it on port 0.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Express } from 'express';
import { authenticateRequest } from './auth';
import { MemoryCounters, type Counters } from './cluster/counters';
import { RedisCounters } from './cluster/redisCounters';
import { attachCollaboration, type Collaboration, type CollabOptions } from './collab';
import { historyRouter } from './http/routes/history';
import { RedisFanout, type RedisFanoutOptions } from './collab/redisFanout';
import type { Config } from './config';
import { seedDemo, type DemoAccount } from './demo/seed';
import { AuditActions } from '../shared/audit';
import { foreignOrigin } from './auth/origin';
import { refuseDeclaredOversize } from './http/bodyLimit';
import { securityHeaders } from './http/headers';
import { apiRouter } from './http/router';
import type { ApiDeps } from './http/deps';
import { redacting, redactingConsole } from './logging';
import { projectPath } from './paths';
import { openStore } from './storage';
import type { Store } from './storage/types';
import { inboxStreams } from './http/routes/inbox';

/** Options beyond the configuration, mostly for tests. */
export interface PenholderOptions {
  /** Collaboration tunables (short group-commit delays in tests). */
  collab?: Partial<CollabOptions>;
  /** Redis fan-out settings beyond the URL (a channel prefix, a message filter in tests). */
  fanout?: Omit<Partial<RedisFanoutOptions>, 'url'>;
  /** Seed the demo when the store has no users yet. */
  seed?: boolean;
  /** Demo passwords: random per install, or fixed ones tests know. */
  demoPasswords?: 'random' | 'fixed';
  /** Where the built client lives (default: dist/client of the project). */
  clientDir?: string;
  /** Where faults are reported (default: the console). */
  log?: (message: string, err?: unknown) => void;
}

/** A Penholder server, built but not yet listening. */
export interface Penholder {
  app: Express;
  server: http.Server;
  store: Store;
  collab: Collaboration;
  /** The demo accounts when this start seeded the demo, else null. */
  demoAccounts: DemoAccount[] | null;
  /** Start listening; resolves with the port actually bound (port 0 picks one). */
  listen(port?: number, host?: string): Promise<{ port: number }>;
  /** Close sockets (flushing pending edits), stop the HTTP server, close the store. */
  close(): Promise<void>;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Penholder</title>
<p>The Penholder API is running, but the browser app has not been built. Run <code>npm run build</code>
(or <code>npm start</code>, which builds it) and reload.</p>`;

// The built client: its files, and index.html for every client route (/drafts/…) so deep links work.
function serveClient(app: Express, clientDir: string): void {
  const index = path.join(clientDir, 'index.html');
  app.use(express.static(clientDir, { index: false, fallthrough: true }));
  app.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/collab/')) return next();
    if (existsSync(index)) return res.sendFile(index);
    res.status(200).type('html').send(NOT_BUILT);
  });
}

/** Open the store, build the app and the collaboration endpoint; call `listen` to serve. */
export async function createPenholder(config: Config, opts: PenholderOptions = {}): Promise<Penholder> {
  // Every fault report passes the redactor: no password, token, session id or reset code in logs.
  const log = redacting(opts.log ?? ((message: string, err?: unknown) => console.error(`[penholder] ${message}`, err ?? '')));
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl ?? undefined });
  let demoAccounts: DemoAccount[] | null = null;
  try {
    if (opts.seed && (await store.countUsers()) === 0) demoAccounts = await seedDemo(store, { passwords: opts.demoPasswords });
  } catch (err) {
    await store.close();
    throw err;
  }

  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(securityHeaders(config.cookieSecure));
  // A body declared over its route's limit is refused before anything reads it or signs it in.
  app.use(refuseDeclaredOversize(config.bodyLimitBytes));
  // The collaboration endpoint is created after the server; routes reach it through this.
  let collab: Collaboration | null = null;
  const authenticate = (req: http.IncomingMessage) => authenticateRequest(store, req);
  // What the routes ask of the collaboration endpoint: rights refreshed after a governed change,
  // sockets closed on revocation, who is in a draft, a text written in through its room.
  const apiDeps: ApiDeps = {
    store,
    config,
    log,
    refreshAccess: async (draftId) => collab?.refreshAccess(draftId),
    revokeUser: (userId) => {
      collab?.revokeUser(userId);
      inboxStreams.endUser(userId);
    },
    endSignIns: (hashes) => {
      collab?.endSignIns(hashes);
      inboxStreams.endSignIns(hashes);
    },
    presentIn: (draftId) => collab?.presentIn(draftId) ?? [],
    replaceWorkingText: async (draftId, text, user) => {
      if (!collab) throw new Error('the collaboration server is not running');
      return collab.replaceWorkingText(draftId, text, user);
    },
    readWorkingDoc: async (draftId, read) => {
      if (!collab) throw new Error('the collaboration server is not running');
      return collab.readWorkingDoc(draftId, read);
    },
    applyProposal: async (draftId, proposal, modifiedText, proposer) => {
      if (!collab) throw new Error('the collaboration server is not running');
      return collab.applyProposal(draftId, proposal, modifiedText, proposer);
    },
  };
  if (config.redisUrl && !config.databaseUrl) log('REDIS_URL is ignored without DATABASE_URL: several instances need one shared PostgreSQL log');
  const redisUrl = config.databaseUrl ? config.redisUrl : null;
  // Several instances share their sign-in and write limits in Redis (under the fan-out's
  // prefix); one instance keeps them in memory.
  const counters: Counters = redisUrl ? new RedisCounters({ url: redisUrl, prefix: opts.fanout?.prefix, log: redactingConsole(log) }) : new MemoryCounters();
  app.use('/api', apiRouter(apiDeps, [historyRouter({ store, authenticate })], counters));
  serveClient(app, opts.clientDir ?? projectPath('dist', 'client'));

  const server = http.createServer(app);
  collab = attachCollaboration(server, {
    store,
    authenticate,
    // With PostgreSQL and Redis, other instances serve the same drafts: edits and presence cross
    // over. Alone, a SQLite file is one instance's own log: there is nothing to share then.
    fanout: redisUrl ? new RedisFanout({ url: redisUrl, log: redactingConsole(log), ...opts.fanout }) : undefined,
    options: { log: redactingConsole(log), ...opts.collab },
    foreignOrigin: (req) => foreignOrigin(req, config.publicOrigin),
    // Sockets refused by the policy or the origin check join the audit record.
    onRefused: (req, refusal) => {
      if (refusal.status !== 403) return;
      void authenticate(req)
        .then((user) =>
          store.appendAudit({
            action: AuditActions.permissionRefused,
            userId: user?.id ?? null,
            login: user?.login ?? null,
            ip: req.socket.remoteAddress ?? null,
            target: new URL(req.url ?? '/', 'http://x').pathname,
            detail: { via: 'websocket', status: refusal.status, id: refusal.id, reason: refusal.message },
          }),
        )
        .catch((err) => log('audit: recording a refused socket failed', err));
    },
  });
  const attached = collab;

  let closed: Promise<void> | null = null;
  return {
    app,
    server,
    store,
    collab: attached,
    demoAccounts,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve({ port: (server.address() as AddressInfo).port });
        });
      });
    },
    close() {
      closed ??= (async () => {
        await attached.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        await counters.close();
        await store.close();
      })();
      return closed;
    },
  };
}
