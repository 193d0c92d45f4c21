import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { applyOralAmendments, type OralAmendment } from '../../../shared/oralAmendments';
import { resolutionSchema as schema } from '../../../shared/schema';
import { anchorAmendment, paragraphElement, paragraphText } from '../../../server/collab/anchors';
import { docText, TEXT_FRAGMENT } from '../../../server/collab/fragmentText';
import { dropMirror, locateProposal, locateProposals, proposalUpdate, type PlacedProposal } from '../../../server/collab/proposalApply';

const em = schema.marks.em.create();
/** An amendment as tabled, before who and whether (kept per kind). */
type Tabled = OralAmendment extends infer A ? (A extends OralAmendment ? Omit<A, 'proposedBy' | 'accepted'> : never) : never;
type Inline = Parameters<typeof schema.text>[0] | ReturnType<typeof schema.text> | ReturnType<typeof schema.node>;

function docWith(paragraphs: Record<string, Inline[]>, clientID = 1): Y.Doc {
  const node = schema.node('doc', null, [
    schema.node('title', null, [schema.text('Draft resolution')]),
    ...Object.entries(paragraphs).map(([id, content]) =>
      schema.node(
        'operative',
        { id },
        content.map((c) => (typeof c === 'string' ? schema.text(c) : c)),
      ),
    ),
  ]);
  const doc = new Y.Doc();
  doc.clientID = clientID;
  prosemirrorToYXmlFragment(node, doc.getXmlFragment(TEXT_FRAGMENT));
  return doc;
}

/** Table a proposal on `doc` as the route would: its words found and anchored in the live text. */
function table(doc: Y.Doc, amendment: Tabled, id = 'prop1'): PlacedProposal {
  const a = { proposedBy: 'deleg', accepted: false, ...amendment } as OralAmendment;
  const anchored = anchorAmendment(doc, a);
  if (!anchored.ok) throw new Error(anchored.error);
  return { proposalId: id, amendment: a, quoted: anchored.value.quoted, anchor: anchored.value.anchor };
}

/** Accept a proposal on a doc as the room would: the update built on a copy, then applied. Returns the writer's client id. */
function accept(doc: Y.Doc, p: PlacedProposal, modified: string | null = null): number {
  const where = locateProposal(doc, p);
  if (where.stale) throw new Error(`stale: ${where.why}`);
  const change = proposalUpdate(doc, p, where, modified);
  if (!change) throw new Error('no change');
  Y.applyUpdate(doc, change.update);
  return change.clientId;
}

/** Who wrote each character of a paragraph (the client id of its Yjs item), footnotes as '*'. */
function writers(doc: Y.Doc, id: string): string[] {
  const out: string[] = [];
  for (const child of paragraphElement(doc, id)!.toArray()) {
    if (!(child instanceof Y.XmlText)) {
      out.push('*');
      continue;
    }
    for (let item = child._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      for (let i = 0; i < item.length; i++) out.push(String(item.id.client));
    }
  }
  return out;
}

/** The text the shared model makes of the same amendment (accepted) on the same live text. */
function modelText(doc: Y.Doc, a: OralAmendment, id: string): string {
  const text = docText(doc);
  if (!text.ok) throw new Error(text.error);
  const out = applyOralAmendments(text.value, [{ ...a, accepted: true } as OralAmendment]);
  if (!out.ok) throw new Error(out.error);
  const copy = new Y.Doc();
  prosemirrorToYXmlFragment(out.value, copy.getXmlFragment(TEXT_FRAGMENT));
  return paragraphText(copy, id)!;
}

describe('applying a words proposal in place', () => {
  const cases: [string, Tabled][] = [
    ['replace', { kind: 'replace_words', paragraphId: 'p1', words: 'twelfth', text: 'thirteenth' }],
    ['delete, taking one space', { kind: 'delete_words', paragraphId: 'p1', words: 'all' }],
    ['delete at the start', { kind: 'delete_words', paragraphId: 'p1', words: 'Urges' }],
    ['insert before', { kind: 'insert_words', paragraphId: 'p1', position: 'before', words: 'States', text: 'Member' }],
    ['insert after', { kind: 'insert_words', paragraphId: 'p1', position: 'after', words: 'session', text: 'and beyond' }],
    ['insert at the start', { kind: 'insert_words', paragraphId: 'p1', position: 'start', text: 'Also' }],
    ['insert at the end', { kind: 'insert_words', paragraphId: 'p1', position: 'end', text: 'without delay' }],
  ];
  for (const [name, amendment] of cases) {
    it(`${name}: the text the shared model gives, and only the changed characters written anew`, () => {
      const doc = docWith({ p1: ['Urges all States at its twelfth session'], p2: ['Decides to remain seized.'] });
      const before = writers(doc, 'p1');
      const p = table(doc, amendment);
      const expected = modelText(doc, p.amendment, 'p1');
      const writer = accept(doc, p);
      expect(paragraphText(doc, 'p1')).toBe(expected);
      const after = writers(doc, 'p1');
      // The characters kept are the original writer's, and exactly as many as the text kept.
      const kept = after.filter((w) => w === '1').length;
      const fresh = after.filter((w) => w === String(writer)).length;
      expect(kept + fresh).toBe(after.length);
      expect(kept).toBeLessThanOrEqual(before.length);
      expect(fresh).toBe(Math.max(0, expected.length - kept));
      expect(fresh).toBeLessThan(name.startsWith('delete') ? 1 : 20);
      expect(paragraphText(doc, 'p2')).toBe('Decides to remain seized.');
    });
  }

  it('keeps the marks the model gives inserted words (the run it goes into), and an accepted-as-modified text', () => {
    const doc = docWith({ p1: ['Takes note of ', schema.text('the report', [em]), ' with thanks'] });
    const p = table(doc, { kind: 'insert_words', paragraphId: 'p1', position: 'after', words: 'report', text: 'of the Secretariat' });
    accept(doc, p, 'of the Secretary-General');
    const text = docText(doc);
    expect(text.ok && text.value.child(1).toJSON()).toEqual(
      (() => {
        const copy = docWith({ p1: ['Takes note of ', schema.text('the report of the Secretary-General', [em]), ' with thanks'] });
        const t = docText(copy);
        return t.ok && t.value.child(1).toJSON();
      })(),
    );
  });

  it('works across footnotes (several text runs) and in Chinese with characters outside the BMP', () => {
    const note = schema.nodes.footnote.create({ id: 'fn1' }, schema.text('See annex.'));
    const doc = docWith({ p1: ['Recalls resolution 10/4', note, ' and its twelfth session'], p2: ['回顾𠀀儿童权利公约'] });
    const after = table(doc, { kind: 'replace_words', paragraphId: 'p1', words: 'twelfth', text: 'thirteenth' }, 'a');
    const start = table(doc, { kind: 'insert_words', paragraphId: 'p1', position: 'after', words: '10/4', text: 'of 2020' }, 'b');
    const zh = table(doc, { kind: 'insert_words', paragraphId: 'p2', position: 'after', words: '𠀀儿童', text: '😀和青年' }, 'c');
    for (const p of [after, start, zh]) {
      const expected = modelText(doc, p.amendment, p.amendment.paragraphId);
      accept(doc, p);
      expect(paragraphText(doc, p.amendment.paragraphId)).toBe(expected);
    }
    expect(paragraphText(doc, 'p1')).toBe('Recalls resolution 10/4 of 2020\uFFFC and its thirteenth session');
    expect(paragraphText(doc, 'p2')).toBe('回顾𠀀儿童😀和青年权利公约');
    // The footnote is still the same element, its text untouched.
    const text = docText(doc);
    expect(text.ok && text.value.child(1).child(1).toJSON()).toEqual(note.toJSON());
  });

  it('changes the anchored occurrence, not an equal one that came before it since', () => {
    const doc = docWith({ p1: ['Invites States to report'] });
    const p = table(doc, { kind: 'replace_words', paragraphId: 'p1', words: 'States', text: 'Parties' });
    // Someone adds a second "States" before the anchored one: findWords alone would now be ambiguous.
    (paragraphElement(doc, 'p1')!.get(0) as Y.XmlText).insert(0, 'States and ');
    expect(paragraphText(doc, 'p1')).toBe('States and Invites States to report');
    accept(doc, p);
    expect(paragraphText(doc, 'p1')).toBe('States and Invites Parties to report');
  });

  it('two proposals on one paragraph, accepted in turn, both apply', () => {
    const doc = docWith({ p1: ['Requests the Secretariat to report at its twelfth session.'] });
    const first = table(doc, { kind: 'replace_words', paragraphId: 'p1', words: 'the Secretariat', text: 'UNODC' }, 'a');
    const second = table(doc, { kind: 'replace_words', paragraphId: 'p1', words: 'twelfth', text: 'thirteenth' }, 'b');
    accept(doc, first);
    expect(locateProposals(doc, [second]).get('b')).toMatchObject({ stale: false, quotedNow: 'twelfth' });
    accept(doc, second);
    expect(paragraphText(doc, 'p1')).toBe('Requests UNODC to report at its thirteenth session.');
  });

  it('builds the next change on the text as stored once a change the room refused is thrown away', () => {
    const doc = docWith({ p1: ['Calls upon States to cooperate.'] });
    // Both at the end: the second, built on a mirror still holding the first, would follow its words.
    const first = table(doc, { kind: 'insert_words', paragraphId: 'p1', position: 'end', text: 'Parties' }, 'f');
    const second = table(doc, { kind: 'insert_words', paragraphId: 'p1', position: 'end', text: 'fully' }, 's');
    // The room refuses the first (never applied to the document): its mirror is thrown away.
    expect(proposalUpdate(doc, first, locateProposal(doc, first), null)).not.toBeNull();
    dropMirror(doc);
    accept(doc, second);
    expect(doc.store.pendingStructs).toBeNull();
    expect(paragraphText(doc, 'p1')).toBe('Calls upon States to cooperate. fully');
  });

  it('is stale when the quoted words were changed or deleted, or the paragraph went', () => {
    const doc = docWith({ p1: ['Requests the Secretariat to report.'], p2: ['Decides.'] });
    const p = table(doc, { kind: 'replace_words', paragraphId: 'p1', words: 'Secretariat', text: 'Executive Director' }, 'x');
    const d = table(doc, { kind: 'delete_paragraph', paragraphId: 'p2' }, 'y');
    const run = paragraphElement(doc, 'p1')!.get(0) as Y.XmlText;
    run.insert('Requests the Secre'.length, 'X');
    expect(locateProposal(doc, p)).toMatchObject({ stale: true, quotedNow: 'SecreXtariat' });
    run.delete('Requests the '.length, 'SecreXtariat'.length);
    expect(locateProposal(doc, p)).toMatchObject({ stale: true, quotedNow: null });
    expect(() => accept(doc, p)).toThrow(/stale/);
    doc.getXmlFragment(TEXT_FRAGMENT).delete(2, 1);
    expect(locateProposal(doc, d)).toMatchObject({ stale: true, why: 'its paragraph was deleted' });
  });
});

describe('applying a paragraph proposal', () => {
  it('inserts, moves and deletes paragraphs as the shared model does, other paragraphs keeping their writers', () => {
    const doc = docWith({ p1: ['First.'], p2: ['Second.'], p3: ['Third.'] });
    const ins = table(doc, { kind: 'insert_paragraph', paragraphId: 'p1', position: 'after', paragraphType: 'operative', text: 'New one.', newId: 'pn' }, 'i');
    const mov = table(doc, { kind: 'move_paragraph', paragraphId: 'p3', position: 'before', targetId: 'p1' }, 'm');
    const del = table(doc, { kind: 'delete_paragraph', paragraphId: 'p2' }, 'd');
    const rep = table(doc, { kind: 'replace_paragraph', paragraphId: 'p1', text: 'First, rewritten.' }, 'r');
    const order = () => {
      const t = docText(doc);
      if (!t.ok) throw new Error(t.error);
      const ids: string[] = [];
      t.value.forEach((n) => n.attrs.id && ids.push(`${n.attrs.id}:${n.textContent}`));
      return ids;
    };
    accept(doc, ins);
    expect(order()).toEqual(['p1:First.', 'pn:New one.', 'p2:Second.', 'p3:Third.']);
    expect(writers(doc, 'p2').every((w) => w === '1')).toBe(true);
    accept(doc, mov);
    expect(order()).toEqual(['p3:Third.', 'p1:First.', 'pn:New one.', 'p2:Second.']);
    // The paragraphs it passed keep their writers; the moved one is written anew (Yjs has no move).
    expect([...writers(doc, 'p1'), ...writers(doc, 'p2')].every((w) => w === '1')).toBe(true);
    expect(writers(doc, 'p3').some((w) => w === '1')).toBe(false);
    accept(doc, del);
    expect(order()).toEqual(['p3:Third.', 'p1:First.', 'pn:New one.']);
    accept(doc, rep);
    expect(order()).toEqual(['p3:Third.', 'p1:First, rewritten.', 'pn:New one.']);
    // Only what changed is new: "First" and the final "." keep their writer.
    expect(writers(doc, 'p1').filter((w) => w === '1').length).toBe('First.'.length);
  });

  it('finds the words of a moved paragraph again (its anchors went with the old elements)', () => {
    const doc = docWith({ p1: ['First words.'], p2: ['Second words.'] });
    const words = table(doc, { kind: 'replace_words', paragraphId: 'p2', words: 'Second', text: 'Other' }, 'w');
    accept(doc, table(doc, { kind: 'move_paragraph', paragraphId: 'p2', position: 'before', targetId: 'p1' }, 'm'));
    expect(locateProposal(doc, words)).toMatchObject({ stale: false, quotedNow: 'Second' });
    accept(doc, words);
    expect(paragraphText(doc, 'p2')).toBe('Other words.');
  });
});
