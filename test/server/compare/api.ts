/**
 * Where the compare routes answer in a test. Once the lead mounts `compareRouter` on /api the
 * test server itself answers; until then (and on a branch without the mount) a front app on
 * port 0 serves them over the same store and hands every other request to the real server's app,
 * so the routes are tested the same way either way.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { authenticate } from '../../../server/auth';
import { setAuthentication } from '../../../server/http/context';
import { errorHandler } from '../../../server/http/errors';
import { compareRouter } from '../../../server/http/routes/compare';
import type { TestServer } from '../../helpers/server';

/** A base URL that serves the compare routes and everything else of `server`. */
export interface CompareApi {
  url: string;
  /** Whether the real server mounts the routes (no front app). */
  mounted: boolean;
  close(): Promise<void>;
}

/** Find or make a base URL with the compare routes; `probe` is a readable draft and a token for it. */
export async function compareApi(server: TestServer, probe: { draftId: string; token: string }): Promise<CompareApi> {
  const res = await fetch(`${server.url}/api/drafts/${probe.draftId}/compare?left=%21&right=working`, { headers: { authorization: `Bearer ${probe.token}` } });
  // Mounted: the spec "!" is refused (400). Not mounted: no such route (404).
  if (res.status === 400) return { url: server.url, mounted: true, close: async () => {} };
  const deps = { store: server.store, config: server.config, log: () => {}, refreshAccess: async () => {} };
  const app = express();
  const signIn: RequestHandler = async (req, _res, next) => {
    setAuthentication(req, await authenticate(server.store, req));
    next();
  };
  app.use('/api', signIn, compareRouter(deps), errorHandler());
  app.use(server.penholder.app);
  const front = http.createServer(app);
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    mounted: false,
    close: () => new Promise((resolve) => {
      front.closeAllConnections();
      front.close(() => resolve());
    }),
  };
}
