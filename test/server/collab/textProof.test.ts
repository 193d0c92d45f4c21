/**
 * The proving document: every update is tried before it is stored. Valid edits pass and say
 * whether they change anything; updates that would make the text invalid for the schema, or
 * leave structs pending, are refused and leave no trace in the copy.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProvingDoc } from '../../../server/collab/textProof';
import { FRAGMENT, seedText, typeInto } from '../../helpers/collab';

/** A room's document with a seeded text, and a proving copy of it. */
function room(): { doc: Y.Doc; proving: ProvingDoc } {
  const doc = new Y.Doc();
  seedText(doc, 3);
  return { doc, proving: new ProvingDoc(() => ({ doc, queued: [] })) };
}

/** The update `edit` makes on a copy of `doc` (as a client that synced it would send). */
function editOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const element = (name: string, attrs: Record<string, unknown> = {}, children: (Y.XmlElement | Y.XmlText)[] = []): Y.XmlElement => {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  el.insert(0, children);
  return el;
};
const append = (copy: Y.Doc, ...nodes: (Y.XmlElement | Y.XmlText)[]) => {
  const frag = copy.getXmlFragment(FRAGMENT);
  frag.insert(frag.length, nodes);
};

describe('valid edits', () => {
  it('typing, a new paragraph, a footnote, an annex and marks pass and change the text', () => {
    const { doc, proving } = room();
    const edits = [
      editOf(doc, (c) => typeInto(c, 1, 0, 'Recalling ')),
      editOf(doc, (c) => append(c, element('operative', { id: 'p9' }, [new Y.XmlText('New.')]))),
      editOf(doc, (c) => append(c, element('subparagraph', { id: 's1', level: 2 }, [new Y.XmlText('(i)')]))),
      editOf(doc, (c) => append(c, element('plain', { id: 'f0' }, [new Y.XmlText('a'), element('footnote', { id: 'fn1' }, [new Y.XmlText('note')]), new Y.XmlText('b')]))),
      editOf(doc, (c) => append(c, element('annex', { id: 'a1' }, [element('annexHeading', {}, [new Y.XmlText('Annex')]), element('plain', { id: 'a1p' }, [new Y.XmlText('x')])]))),
      editOf(doc, (c) => {
        const t = new Y.XmlText();
        t.insert(0, 'Noting', { em: {} });
        append(c, element('preambular', { id: 'pp1' }, [t]));
      }),
    ];
    for (const u of edits) expect(proving.prove(u)).toEqual({ ok: true, changed: true });
  });

  it('an update the document already holds changes nothing', () => {
    const { doc, proving } = room();
    expect(proving.prove(Y.encodeStateAsUpdate(doc))).toEqual({ ok: true, changed: false });
    const u = editOf(doc, (c) => typeInto(c, 1, 0, 'x'));
    expect(proving.prove(u)).toEqual({ ok: true, changed: true });
    expect(proving.prove(u)).toEqual({ ok: true, changed: false });
  });

  it('deleting a paragraph changes the text; deleting it again does not', () => {
    const { doc, proving } = room();
    const u = editOf(doc, (c) => c.getXmlFragment(FRAGMENT).delete(2, 1));
    expect(proving.prove(u)).toEqual({ ok: true, changed: true });
    expect(proving.prove(u)).toEqual({ ok: true, changed: false });
  });
});

describe('updates that would break the text', () => {
  const cases: [string, (c: Y.Doc) => void, RegExp][] = [
    ['an unknown element', (c) => append(c, element('script', {}, [new Y.XmlText('x')])), /unknown element "script"/],
    ['a doc inside the text', (c) => append(c, element('doc')), /unknown element "doc"/],
    ['a paragraph inside a paragraph', (c) => append(c, element('operative', { id: 'o' }, [element('operative', { id: 'i' })])), /operative is not allowed inside operative/],
    ['text straight in the text', (c) => append(c, new Y.XmlText('loose')), /text directly inside doc/],
    ['an annex inside an annex', (c) => append(c, element('annex', { id: 'a' }, [element('annex', { id: 'b' })])), /annex is not allowed inside annex/],
    ['a subparagraph at level 3', (c) => append(c, element('subparagraph', { id: 's', level: 3 })), /level/],
    ['an unknown attribute', (c) => append(c, element('operative', { id: 'o', onclick: 'x' })), /unknown attribute "onclick"/],
    ['an id that is not a string', (c) => append(c, element('operative', { id: 42 })), /must be string/],
    ['an id far too long', (c) => append(c, element('operative', { id: 'x'.repeat(1000) })), /too long/],
    [
      'an unknown mark',
      (c) => {
        const t = new Y.XmlText();
        t.insert(0, 'x', { blink: true });
        append(c, element('plain', { id: 'p' }, [t]));
      },
      /mark "blink"/,
    ],
    ['a root type beside the text', (c) => c.getMap('settings').set('chair', 'me'), /outside the text/],
    [
      'an attribute on the text itself',
      (c) => (c.getXmlFragment(FRAGMENT) as unknown as Y.XmlElement).setAttribute?.('x', 'y') ?? c.getMap('x').set('a', 1),
      /outside the text|attributes/,
    ],
    ['an attribute on an existing paragraph', (c) => (c.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement).setAttribute('style', 'x'), /unknown attribute "style"/],
    ['a map inside a paragraph', (c) => (c.getXmlFragment(FRAGMENT).get(1) as unknown as Y.Array<unknown>).insert(0, [new Y.Map()]), /not part of a text/],
  ];
  for (const [what, edit, why] of cases) {
    it(`refuses ${what}, and the copy forgets it`, () => {
      const { doc, proving } = room();
      const proof = proving.prove(editOf(doc, edit));
      expect(proof.ok).toBe(false);
      expect(proof.ok === false && proof.problem === 'invalid_text' ? proof.why : '').toMatch(why);
      // The next valid edit is proved against the room's text, not against the refused one.
      const next = editOf(doc, (c) => typeInto(c, 1, 0, 'ok '));
      expect(proving.prove(next)).toEqual({ ok: true, changed: true });
    });
  }

  it('refuses 5,000 nested elements without running out of stack', () => {
    const { doc, proving } = room();
    const u = editOf(doc, (c) => {
      // Built from the outside in: each level is integrated before the next goes in it.
      let outer = element('operative', { id: 'deep' });
      append(c, outer);
      for (let i = 0; i < 5_000; i++) {
        const inner = new Y.XmlElement('operative');
        outer.insert(0, [inner]);
        outer = inner;
      }
    });
    expect(u.length).toBeGreaterThan(20_000);
    const proof = proving.prove(u);
    expect(proof).toMatchObject({ ok: false, problem: 'invalid_text' });
  });
});

describe('updates with missing dependencies', () => {
  it('refuses structs that come after a gap in their client clock', () => {
    const { doc, proving } = room();
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
    typeInto(writer, 1, 0, 'a');
    const sv = Y.encodeStateVector(writer);
    typeInto(writer, 1, 0, 'b');
    // Only the second keystroke: its clock starts past what the server has of that client.
    expect(proving.prove(Y.encodeStateAsUpdate(writer, sv))).toEqual({ ok: false, problem: 'missing_dependencies' });
  });

  it('refuses a deletion of content the server has never seen', () => {
    const { doc, proving } = room();
    const ds = new Y.Doc();
    ds.clientID = 987654;
    const t = ds.getText('x');
    t.insert(0, 'abc');
    const sv = Y.encodeStateVector(ds);
    t.delete(0, 3);
    const onlyDelete = Y.encodeStateAsUpdate(ds, sv);
    expect(proving.prove(onlyDelete)).toEqual({ ok: false, problem: 'missing_dependencies' });
    expect(proving.prove(editOf(doc, (c) => typeInto(c, 1, 0, 'fine')))).toEqual({ ok: true, changed: true });
  });
});
