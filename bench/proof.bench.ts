/**
 * What the checks of a hostile-proof room cost per edit (`npm run bench:proof`): the whole
 * 150 KB report as a working text, 2,000 keystrokes of four writers in the y-prosemirror shape,
 * each one inspected (inspect.ts), proved on the room's copy (textProof.ts) and applied, as the
 * room does; then the one-off cost of building the copy, and what proving a hostile update of
 * 5,000 nested elements costs before it is refused. Prints p50 / p99 / max in ms.
 *   npx tsx bench/proof.bench.ts [keystrokes=2000]
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { importPlainText } from '../shared/importText';
import { TEXT_FRAGMENT } from '../shared/protocol';
import { inspectUpdate } from '../server/collab/inspect';
import { ProvingDoc } from '../server/collab/textProof';
import { random } from './seeded';

const keystrokes = Number(process.argv[2] ?? 2_000);
const report = readFileSync(new URL('./fixtures/cop11-report.zh.txt', import.meta.url), 'utf8');
const imported = importPlainText(report);
if (!imported.ok) throw new Error(imported.error);

const room = new Y.Doc();
prosemirrorToYXmlFragment(imported.value.doc, room.getXmlFragment(TEXT_FRAGMENT));
const bytes = Y.encodeStateAsUpdate(room).length;
const blocks = room.getXmlFragment(TEXT_FRAGMENT).length;

function stats(name: string, ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
  return `${name.padEnd(34)} p50 ${at(0.5).toFixed(3)}  p99 ${at(0.99).toFixed(3)}  max ${at(1).toFixed(3)} ms`;
}

// Four writers, each typing at a cursor of its own, as clients would send it.
const rand = random(20221021);
const writers = Array.from({ length: 4 }, () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
  return doc;
});
const updates: Uint8Array[] = [];
for (let i = 0; i < keystrokes; i++) {
  const doc = writers[i % writers.length]!;
  let update: Uint8Array | null = null;
  const grab = (u: Uint8Array) => (update = u);
  doc.on('update', grab);
  const frag = doc.getXmlFragment(TEXT_FRAGMENT);
  const block = frag.get(1 + Math.floor(rand() * (frag.length - 1))) as Y.XmlElement;
  const text = block.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
  if (text) text.insert(Math.floor(rand() * (text.length + 1)), 'x');
  doc.off('update', grab);
  if (update) {
    updates.push(update);
    for (const other of writers) if (other !== doc) Y.applyUpdate(other, update);
  }
}

const proving = new ProvingDoc(() => ({ doc: room, queued: [] }));
let t = performance.now();
proving.prove(updates[0]!);
const firstProof = performance.now() - t;
Y.applyUpdate(room, updates[0]!);

const inspect: number[] = [];
const prove: number[] = [];
const apply: number[] = [];
for (const u of updates.slice(1)) {
  t = performance.now();
  const facts = inspectUpdate(room, u);
  inspect.push(performance.now() - t);
  t = performance.now();
  const proof = proving.prove(u, facts.firstClocks);
  prove.push(performance.now() - t);
  if (!proof.ok) throw new Error(`a keystroke was refused: ${JSON.stringify(proof)}`);
  t = performance.now();
  Y.applyUpdate(room, u);
  apply.push(performance.now() - t);
}

// A hostile update: 5,000 nested elements, refused.
const hostileDoc = new Y.Doc();
Y.applyUpdate(hostileDoc, Y.encodeStateAsUpdate(room));
const sv = Y.encodeStateVector(hostileDoc);
let outer = new Y.XmlElement('operative');
hostileDoc.getXmlFragment(TEXT_FRAGMENT).insert(1, [outer]);
for (let i = 0; i < 5_000; i++) {
  const inner = new Y.XmlElement('operative');
  outer.insert(0, [inner]);
  outer = inner;
}
const hostile = Y.encodeStateAsUpdate(hostileDoc, sv);
t = performance.now();
inspectUpdate(room, hostile);
const hostileInspect = performance.now() - t;
t = performance.now();
const refused = proving.prove(hostile);
const hostileProve = performance.now() - t;
t = performance.now();
proving.prove(updates[1]!); // the copy is rebuilt after a refusal
const rebuild = performance.now() - t;

console.log(`working text: the 150 KB report, ${blocks} blocks, ${(bytes / 1024).toFixed(0)} KB of Yjs state; ${updates.length} keystrokes of 4 writers`);
console.log(stats('inspect (decode, client ids)', inspect));
console.log(stats('prove on the copy (schema, pending)', prove));
console.log(stats('apply to the room (for scale)', apply));
console.log(`first proof, building the copy        ${firstProof.toFixed(1)} ms (once per loaded room)`);
console.log(
  `hostile update, ${(hostile.length / 1024).toFixed(0)} KB of 5,000 nested elements: inspect ${hostileInspect.toFixed(1)} ms, prove ${hostileProve.toFixed(1)} ms -> ${refused.ok ? 'ACCEPTED (wrong)' : refused.problem}; rebuilding the copy after it ${rebuild.toFixed(1)} ms`,
);
