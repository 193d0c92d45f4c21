/**
 * The permission matrix: each row is one write, run once per role on a fresh world; the answer
 * must be the row's status for that role, and a refused request must leave the store (and the
 * draft's update log) exactly as it was.
 */
import { expect, it } from 'vitest';
import { issueSecret } from '../../../server/auth/sessions';
import type { Store } from '../../../server/storage/types';
import { makeWorld, type World } from '../../helpers/factories';
import { call } from '../../helpers/server';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

/** The roles of the matrix, in the order of a row's expected statuses. */
export type RoleName = 'secretariat' | 'chair' | 'sponsor' | 'nonSponsor';
export const ROLES: RoleName[] = ['secretariat', 'chair', 'sponsor', 'nonSponsor'];

/** One write of the matrix. */
export interface Row {
  name: string;
  /** Bring the world into the state the write needs (as the secretariat, through the store). */
  setup?: (w: World, store: Store) => Promise<void>;
  request: (w: World) => { method: string; path: string; body: unknown };
  /** Expected status per role: secretariat, chair, sponsor delegate, non-sponsor delegate. */
  expect: [number, number, number, number];
}

/** Run every row for every role, on each backend. */
export async function permissionMatrix(suite: string, rows: Row[]): Promise<void> {
  await describeOnBackends(suite, ({ server }) => {
    for (const row of rows) {
      it(`${row.name}: ${ROLES.map((r, i) => `${r} ${row.expect[i]}`).join(', ')}`, async () => {
        const store = server().store;
        for (const [i, role] of ROLES.entries()) {
          const w = await makeWorld(store);
          await row.setup?.(w, store);
          const { secret } = await issueSecret(store, w.users[role].id, 'cookie', 60_000);
          const { method, path, body } = row.request(w);
          const before = await snapshot(store);
          const log = await store.lastSeq(w.draft.id);
          const res = await call(server(), method, path, { cookie: `ph_session=${secret}`, body });
          expect(res.status, `${role}: ${JSON.stringify(res.body)}`).toBe(row.expect[i]);
          if (res.status >= 400) {
            expect(await snapshot(store), role).toEqual(before);
            expect(await store.lastSeq(w.draft.id), role).toBe(log);
          }
        }
      });
    }
  });
}
