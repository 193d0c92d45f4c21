/**
 * Property-based hostile updates against a real server: structurally valid Yjs updates that are
 * invalid for the schema (unknown nodes, forbidden nesting, bad attributes, deep nesting, text
 * where paragraphs go), structs under another editor's client id (Skip, GC) or ahead of their
 * client's clock (pending), valid edits mixed in, and forged presence. Each update is labelled
 * by how it was built — the expected answer comes from the construction, not from the code under
 * test — and the server must answer exactly that, store nothing it refuses, and keep serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { CloseReasons } from '../../../shared/protocol';
import { loadDoc } from '../../../server/collab/registry';
import { encodeEntries } from '../../../server/collab/presenceGuard';
import { awarenessFrame, updateFrame } from '../../../server/collab/wire';
import {
  bareStruct,
  connect,
  editOf,
  FRAGMENT,
  nestElements,
  presentNames,
  rawSocket,
  synced,
  textJSON,
  typeInto,
  until,
  type CollabServer,
  type SeededUsers,
  startWithEditor,
  storedLog as storedLogOf,
} from '../../helpers/collab';

const RUNS = 300;
let server: CollabServer;
let draftId: string;
let users: SeededUsers;
let good: { doc: Y.Doc; provider: WebsocketProvider };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ({ server, draftId, users, editor: good } = await startWithEditor());
});

afterAll(async () => {
  good.provider.destroy();
  await server.close();
});

/** The schema's nesting, written out by hand from shared/schema.ts (not computed by the code under test). */
const PARAGRAPHS = ['preambular', 'operative', 'subparagraph', 'plain'];
const MAY_HOLD: Record<string, string[]> = {
  doc: ['title', 'formula', 'annex', ...PARAGRAPHS],
  annex: ['annexHeading', ...PARAGRAPHS],
  footnote: ['#text'],
  ...Object.fromEntries(['title', 'formula', 'annexHeading', ...PARAGRAPHS].map((n) => [n, ['#text', 'footnote']])),
};
const ELEMENTS = Object.keys(MAY_HOLD).filter((n) => n !== 'doc');

/** A subtree to insert, as plain data, and whether it is valid where it goes. */
type Tree = { name: string; attrs: Record<string, unknown>; children: (Tree | string)[] };
type Attack =
  | { kind: 'tree'; tree: Tree; at: 'root' | 'paragraph'; valid: boolean }
  | { kind: 'deep'; depth: number }
  | { kind: 'foreign'; struct: 'skip' | 'gc'; length: number }
  | { kind: 'pending'; gap: number }
  | { kind: 'presence'; clockAhead: number; name: string };

const validAttrs = (name: string): fc.Arbitrary<Record<string, unknown>> => {
  if (name === 'subparagraph') return fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,12}$/), level: fc.constantFrom(1, 2) });
  if (PARAGRAPHS.includes(name) || name === 'annex' || name === 'footnote') return fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,12}$/) });
  return fc.constant({});
};
const text = fc.string({ minLength: 1, maxLength: 12 });

/** A valid paragraph (with maybe a footnote), as a delegate's editor would write it. */
const validParagraph: fc.Arbitrary<Tree> = fc.constantFrom(...PARAGRAPHS).chain((name) =>
  fc.record({
    name: fc.constant(name),
    attrs: validAttrs(name),
    children: fc.array(
      fc.oneof(
        text,
        validAttrs('footnote').map((attrs): Tree => ({ name: 'footnote', attrs, children: ['note'] })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

/** One fault planted in an otherwise valid paragraph. */
const brokenParagraph: fc.Arbitrary<Tree> = fc.tuple(validParagraph, fc.integer({ min: 0, max: 5 }), fc.string({ minLength: 1, maxLength: 8 })).map(([p, fault, junk]): Tree => {
  switch (fault) {
    case 0: // an element the schema does not know
      return { ...p, children: [...p.children, { name: `x-${junk.replace(/[^a-z]/gi, '') || 'bogus'}`, attrs: {}, children: [] }] };
    case 1: // a block inside a paragraph
      return { ...p, children: [{ name: 'operative', attrs: { id: 'nested' }, children: ['in'] }] };
    case 2: // an attribute the node does not have
      return { ...p, attrs: { ...p.attrs, [`on${junk.replace(/[^a-z]/gi, '') || 'click'}`]: junk } };
    case 3: // an id that is not a string
      return { ...p, attrs: { ...p.attrs, id: junk.length } };
    case 4: // a level a subparagraph cannot have
      return { ...p, name: 'subparagraph', attrs: { id: 'lvl', level: 3 + junk.length } };
    default: // an annex inside a paragraph
      return { ...p, children: [{ name: 'annex', attrs: { id: 'a' }, children: [] }] };
  }
});

const attack: fc.Arbitrary<Attack> = fc.oneof(
  validParagraph.map((tree): Attack => ({ kind: 'tree', tree, at: 'root', valid: true })),
  brokenParagraph.map((tree): Attack => ({ kind: 'tree', tree, at: 'root', valid: false })),
  // Blocks where only inline content goes, and inline content where blocks go.
  fc
    .constantFrom(...ELEMENTS.filter((n) => !MAY_HOLD.title!.includes(n)))
    .chain((name) => validAttrs(name).map((attrs): Attack => ({ kind: 'tree', tree: { name, attrs, children: [] }, at: 'paragraph', valid: false }))),
  fc.constant<Attack>({ kind: 'tree', tree: { name: '#text', attrs: {}, children: [] }, at: 'root', valid: false }),
  fc.integer({ min: 5, max: 400 }).map((depth): Attack => ({ kind: 'deep', depth })),
  fc.record({ struct: fc.constantFrom<'skip' | 'gc'>('skip', 'gc'), length: fc.integer({ min: 1, max: 1_000 }) }).map((r): Attack => ({ kind: 'foreign', ...r })),
  fc.integer({ min: 1, max: 50 }).map((gap): Attack => ({ kind: 'pending', gap })),
  fc.record({ clockAhead: fc.integer({ min: 1, max: 1_000 }), name: fc.string({ maxLength: 20 }) }).map((r): Attack => ({ kind: 'presence', ...r })),
);

function build(tree: Tree | string): Y.XmlElement | Y.XmlText {
  if (typeof tree === 'string') return new Y.XmlText(tree);
  if (tree.name === '#text') return new Y.XmlText('loose');
  const el = new Y.XmlElement(tree.name);
  for (const [k, v] of Object.entries(tree.attrs)) el.setAttribute(k, v as string);
  el.insert(0, tree.children.map(build));
  return el;
}

async function storedDoc(): Promise<Y.Doc> {
  return (await loadDoc(server.store, draftId)).doc;
}

const editOnCopy = async (change: (copy: Y.Doc) => void) => editOf(await storedDoc(), change);

/** The frame an attack sends, and the close code it must get (0: accepted, the connection stays open). */
async function frameOf(a: Attack, n: number): Promise<{ frame: Uint8Array; code: number }> {
  switch (a.kind) {
    case 'tree': {
      const update = await editOnCopy((c) => {
        const frag = c.getXmlFragment(FRAGMENT);
        if (a.at === 'root') frag.insert(frag.length, [build(a.tree)]);
        else (frag.get(1) as Y.XmlElement).insert(0, [build(a.tree)]);
      });
      return { frame: updateFrame(update), code: a.valid ? 0 : CloseReasons.invalidText.code };
    }
    case 'deep': {
      const update = await editOnCopy((c) => nestElements(c, 1, a.depth, (level) => (level % 2 ? 'footnote' : 'plain')));
      return { frame: updateFrame(update), code: CloseReasons.invalidText.code };
    }
    case 'foreign':
      // Past everything the good client has written: a range only it may speak for.
      return { frame: updateFrame(bareStruct(a.struct, good.doc.clientID, Y.getState(good.doc.store, good.doc.clientID), a.length)), code: CloseReasons.clientIdTaken.code };
    case 'pending': {
      const writer = new Y.Doc();
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(await storedDoc()));
      writer.clientID = 3_000_000 + n;
      typeInto(writer, 1, 0, 'x'.repeat(a.gap));
      const sv = Y.encodeStateVector(writer);
      typeInto(writer, 1, 0, 'AHEAD');
      // Not stored; the sender is asked to sync (and only cut off if it keeps it up).
      return { frame: updateFrame(Y.encodeStateAsUpdate(writer, sv)), code: 0 };
    }
    case 'presence': {
      const clock = (good.provider.awareness.meta.get(good.doc.clientID)?.clock ?? 0) + a.clockAhead;
      return {
        frame: awarenessFrame(
          encodeEntries([
            { clientId: good.doc.clientID, clock, state: { user: { name: a.name, person: a.name } } },
            { clientId: good.doc.clientID, clock: clock + 1, state: null },
          ]),
        ),
        code: 0,
      };
    }
  }
}

async function send(frame: Uint8Array): Promise<number> {
  const { ws, heard } = await rawSocket(server.wsUrl, draftId, users.sponsor2.token);
  ws.send(frame);
  const code = await Promise.race([heard.closed, pause(250).then(() => 0)]);
  ws.close();
  return code;
}

const storedLog = () => storedLogOf(server.store, draftId);

describe('hostile updates, property-based', () => {
  it(`${RUNS} labelled attacks: each gets exactly the answer its construction calls for; refused ones store nothing`, async () => {
    const attacks = fc.sample(attack, { numRuns: RUNS, seed: 20221021 });
    const tally = new Map<string, number>();
    for (const [n, a] of attacks.entries()) {
      const before = await storedLog();
      const { frame, code: expected } = await frameOf(a, n);
      const code = await send(frame);
      const label = a.kind === 'tree' ? `tree:${a.valid ? 'valid' : 'invalid'}` : a.kind;
      tally.set(label, (tally.get(label) ?? 0) + 1);
      expect(code, `${label} ${JSON.stringify(a).slice(0, 200)}`).toBe(expected);
      if (expected !== 0 || a.kind === 'presence' || a.kind === 'pending') expect(await storedLog(), label).toEqual(before);
      else await until(async () => (await storedLog()).length === before.length + 1, 5_000, 'the valid paragraph stored');
    }
    console.info('[hostile fuzz]', Object.fromEntries(tally));
    // Every kind was tried.
    expect([...tally.keys()].sort()).toEqual(['deep', 'foreign', 'pending', 'presence', 'tree:invalid', 'tree:valid']);

    // The good client never noticed: still connected, still shown as itself, and its edits still go through.
    expect(good.provider.wsconnected).toBe(true);
    const watcher = connect(server.wsUrl, draftId, users.secretariat.token);
    await synced(watcher.provider);
    await until(() => presentNames(watcher.provider).includes('sponsor'), 5_000, 'the good client in presence');
    typeInto(good.doc, 1, 0, 'still here ');
    await until(() => JSON.stringify(textJSON(watcher.doc)) === JSON.stringify(textJSON(good.doc)), 5_000, 'convergence');
    expect(JSON.stringify(textJSON(watcher.doc))).toContain('still here');
    watcher.provider.destroy();
  }, 240_000);
});
