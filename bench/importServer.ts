/**
 * The whole Penholder app (HTTP API and collaboration endpoint, as `npm start` builds it) on a
 * fresh SQLite store, with one seeded draft and its users, for bench/import.bench.mjs. Prints
 * one JSON line once listening: `{ "port", "draftId", "tokens": { sponsor, sponsor2, secretariat } }`.
 *   DATA_DIR=/tmp/x node --import tsx bench/importServer.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPenholder } from '../server/app';
import { defaultConfig } from '../server/config';
import { seedDraft } from '../test/helpers/collab';

const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ph-import-bench-'));
const penholder = await createPenholder({ ...defaultConfig, host: '127.0.0.1', port: 0, dataDir }, { log: () => {} });
const { draftId, users } = await seedDraft(penholder.store);
const { port } = await penholder.listen(0, '127.0.0.1');
console.log(JSON.stringify({ port, draftId, tokens: { sponsor: users.sponsor.token, sponsor2: users.sponsor2.token, secretariat: users.secretariat.token } }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void penholder.close().finally(() => process.exit(0)));
}
