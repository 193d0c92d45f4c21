/**
 * The whole Penholder app (HTTP API and collaboration endpoint, as `npm start` builds it) on a
 * fresh SQLite store, for bench/proposals.bench.mjs: one draft whose working text is resolution
 * 11/5 of the eleventh session (the demo's fixture, imported) followed by one paragraph per
 * typing client, and PROPOSALS proposals tabled on it through the proposal command (as
 * POST /api/drafts/:id/proposals does), spread over ten delegations and over the resolution's
 * paragraphs, each replacing two characters that no other proposal quotes. Prints one JSON line
 * once listening: `{ port, draftId, tokens, typingBlocks, accept: [{ id, paragraphId, marker }], tabledMs, paragraphs }`.
 *   PROPOSALS=1000 TYPISTS=50 DATA_DIR=/tmp/x node --import tsx bench/proposalsServer.ts
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Node as PMNode } from 'prosemirror-model';
import { createPenholder } from '../server/app';
import { tableProposal } from '../server/commands/proposalCommands';
import { defaultConfig } from '../server/config';
import { occurrenceAt } from '../shared/compare/withProposals';
import { importPlainText } from '../shared/importText';
import { resolutionSchema as schema } from '../shared/schema';
import { seedDraft } from '../test/helpers/collab';
import { setWorkingText } from '../test/server/meeting/helpers';

const PROPOSALS = Number(process.env.PROPOSALS ?? 1000);
const TYPISTS = Number(process.env.TYPISTS ?? 50);
const ACCEPTS = Number(process.env.ACCEPTS ?? 40);

const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ph-proposals-bench-'));
const penholder = await createPenholder({ ...defaultConfig, host: '127.0.0.1', port: 0, dataDir }, { log: (m, e) => console.error(`[server] ${m}`, e ?? '') });
const { store } = penholder;
const { draftId, users } = await seedDraft(store);

// The resolution, then one paragraph per typist at the end, where nobody proposes anything.
const printed = readFileSync(new URL('../server/demo/fixtures/cop11-zh/resolution-11-5.txt', import.meta.url), 'utf8');
const imported = importPlainText(printed, {
  newId: (() => {
    let n = 0;
    return () => `r${++n}`;
  })(),
});
if (!imported.ok) throw new Error(imported.error);
const blocks: PMNode[] = [];
imported.value.doc.forEach((b) => void blocks.push(b));
const typingBlocks = Array.from({ length: TYPISTS }, (_, i) => blocks.length + i);
for (let i = 0; i < TYPISTS; i++) blocks.push(schema.nodes.operative.create({ id: `typing-${i + 1}` }, schema.text(`Typing area ${i + 1}.`)));
const text = schema.nodes.doc.create(null, blocks);
text.check();
await setWorkingText(store, draftId, text, { userId: users.sponsor.id, delegationId: null });

// Ten delegations that do not sponsor the draft, one delegate each.
const tag = Math.random().toString(36).slice(2, 8);
const proposers: { id: string; role: 'delegate'; delegationId: string }[] = [];
for (let d = 0; d < 10; d++) {
  const delegation = await store.createDelegation({ code: `P${d}${tag}`, name: { en: `Delegation ${d + 1} (illustrative)`, zh: `代表团${d + 1}（示例）` }, kind: 'member' });
  const user = await store.createUser({ login: `proposer${d}-${tag}`, displayName: `Proposer ${d + 1}`, role: 'delegate', delegationId: delegation.id, passwordHash: 'x' });
  proposers.push({ id: user.id, role: 'delegate', delegationId: delegation.id });
}

// Where proposals go: two characters at every third place of each paragraph of the resolution with text.
const slots: { paragraphId: string; at: number; words: string; text: string }[] = [];
imported.value.doc.forEach((b) => {
  const id = String(b.attrs.id ?? '');
  if (!id || b.childCount !== 1 || !b.firstChild!.isText) return;
  const t = b.textContent;
  // Only words the proposal model finds there (two characters that cut a number or an English word are not words).
  for (let at = 0; at + 2 <= t.length; at += 3) if (occurrenceAt(t, t.slice(at, at + 2), at) !== null) slots.push({ paragraphId: id, at, words: t.slice(at, at + 2), text: t });
});
// Spread over the paragraphs: the k-th proposal takes the k-th place of its paragraph in turn.
const byParagraph = new Map<string, typeof slots>();
for (const s of slots) byParagraph.set(s.paragraphId, [...(byParagraph.get(s.paragraphId) ?? []), s]);
const order: typeof slots = [];
for (let round = 0; order.length < Math.min(PROPOSALS, slots.length); round++) {
  for (const list of byParagraph.values()) if (list[round]) order.push(list[round]!);
}
if (order.length < PROPOSALS) throw new Error(`only ${order.length} places for ${PROPOSALS} proposals`);

const live = { readWorkingDoc: penholder.collab.readWorkingDoc.bind(penholder.collab), applyProposal: penholder.collab.applyProposal.bind(penholder.collab) };
const accept: { id: string; paragraphId: string; marker: string }[] = [];
const acceptedParagraphs = new Set<string>();
const t0 = performance.now();
for (let k = 0; k < PROPOSALS; k++) {
  const slot = order[k]!;
  const marker = `〔提案${k + 1}〕`;
  const result = await tableProposal(store, live, {
    draftId,
    actor: proposers[k % proposers.length]!,
    amendment: { kind: 'replace_words', paragraphId: slot.paragraphId, words: slot.words, occurrence: occurrenceAt(slot.text, slot.words, slot.at)!, text: marker },
    rationale: `Illustrative proposal ${k + 1} for the benchmark.`,
  });
  // One accepted per paragraph, so that no accepted change moves another's words.
  if (accept.length < ACCEPTS && !acceptedParagraphs.has(slot.paragraphId)) {
    acceptedParagraphs.add(slot.paragraphId);
    accept.push({ id: result.proposal.id, paragraphId: slot.paragraphId, marker });
  }
}
const tabledMs = performance.now() - t0;

const { port } = await penholder.listen(0, '127.0.0.1');
console.log(
  JSON.stringify({
    port,
    draftId,
    tokens: { sponsor: users.sponsor.token, sponsor2: users.sponsor2.token, observer: users.observer.token },
    typingBlocks,
    accept,
    tabledMs,
    paragraphs: byParagraph.size,
  }),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void penholder.close().finally(() => process.exit(0)));
}
