import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { inlineText } from '../../../shared/oralAmendments';
import { resolutionSchema as schema } from '../../../shared/schema';
import { anchorAmendment, anchorWords, paragraphElement, paragraphText, resolveAnchor } from '../../../server/collab/anchors';
import { docText, TEXT_FRAGMENT } from '../../../server/collab/fragmentText';

const em = schema.marks.em.create();
const note = (text: string, id = 'fn1') => schema.nodes.footnote.create({ id }, schema.text(text));

/** A doc holding a title and the given operative paragraphs (id → inline content). */
function docWith(paragraphs: Record<string, (string | ReturnType<typeof note> | ReturnType<typeof schema.text>)[]>): Y.Doc {
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
  prosemirrorToYXmlFragment(node, doc.getXmlFragment(TEXT_FRAGMENT));
  return doc;
}

/** The paragraph's inline text as the ProseMirror side counts it (shared/oralAmendments.ts inlineText). */
function pmText(doc: Y.Doc, id: string): string {
  const text = docText(doc);
  if (!text.ok) throw new Error(text.error);
  let found = '';
  text.value.descendants((node, pos) => {
    if (node.attrs.id === id && node.isTextblock) found = inlineText(node, pos).text;
    return !node.isTextblock;
  });
  return found;
}

/** The text run of a paragraph holding inline offset `at`, and the index in it. */
function runAt(doc: Y.Doc, id: string, at: number): { run: Y.XmlText; index: number } {
  const el = paragraphElement(doc, id)!;
  let offset = 0;
  for (const child of el.toArray()) {
    const length = child instanceof Y.XmlText ? child.length : 1;
    if (child instanceof Y.XmlText && at >= offset && at <= offset + length) return { run: child, index: at - offset };
    offset += length;
  }
  throw new Error(`no run at ${at}`);
}

/** Type `text` at an inline offset of a paragraph, as y-prosemirror would. */
function typeAt(doc: Y.Doc, id: string, at: number, text: string): void {
  const { run, index } = runAt(doc, id, at);
  run.insert(index, text);
}

function deleteAt(doc: Y.Doc, id: string, at: number, length: number): void {
  const { run, index } = runAt(doc, id, at);
  run.delete(index, length);
}

/** Exchange every update between two docs, both ways. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const words = (text: string, w: string): [number, number] => {
  const at = text.indexOf(w);
  if (at < 0) throw new Error(`${w} not in ${text}`);
  return [at, at + w.length];
};

describe('anchorWords and resolveAnchor', () => {
  it('count offsets exactly as inlineText does, across marks, footnotes, CJK and surrogate pairs', () => {
    const doc = docWith({
      p1: ['Recalls ', schema.text('its', [em]), ' resolution', note('See 😀 note'), ' of 2020 😀 and 保护儿童', note('二', 'fn2'), '.'],
    });
    const text = paragraphText(doc, 'p1')!;
    expect(text).toBe(pmText(doc, 'p1'));
    expect(text).toContain('\uFFFC');
    // Every range that does not cut a surrogate pair round-trips to the same characters.
    const cuts = Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => !/[\uDC00-\uDFFF]/.test(text[i] ?? ''));
    for (const from of cuts) {
      for (const to of cuts) {
        if (to < from) continue;
        const anchor = anchorWords(doc, 'p1', from, to)!;
        const range = resolveAnchor(doc, 'p1', anchor);
        expect(range, `[${from}, ${to})`).toEqual({ from, to, text: text.slice(from, to) });
      }
    }
  });

  it('follow the words through edits before them, and keep words typed at either edge outside', () => {
    const doc = docWith({ p1: ['Urges all States to act without delay.'] });
    const [from, to] = words(paragraphText(doc, 'p1')!, 'all States');
    const anchor = anchorWords(doc, 'p1', from, to)!;
    typeAt(doc, 'p1', 0, 'Strongly ');
    expect(resolveAnchor(doc, 'p1', anchor)?.text).toBe('all States');
    // Just before the first quoted character and just after the last.
    const now = resolveAnchor(doc, 'p1', anchor)!;
    typeAt(doc, 'p1', now.to, ' Parties');
    typeAt(doc, 'p1', now.from, 'of ');
    const after = resolveAnchor(doc, 'p1', anchor)!;
    expect(paragraphText(doc, 'p1')).toBe('Strongly Urges of all States Parties to act without delay.');
    expect(after.text).toBe('all States');
    expect(paragraphText(doc, 'p1')!.slice(after.from, after.to)).toBe('all States');
  });

  it('see an edit inside the words, and answer null once every quoted character is deleted', () => {
    const doc = docWith({ p1: ['Urges all States to act.'] });
    const [from, to] = words(paragraphText(doc, 'p1')!, 'all States');
    const anchor = anchorWords(doc, 'p1', from, to)!;
    typeAt(doc, 'p1', from + 4, 'Member ');
    expect(resolveAnchor(doc, 'p1', anchor)?.text).toBe('all Member States');
    deleteAt(doc, 'p1', from, 'all Member States'.length);
    expect(paragraphText(doc, 'p1')).toBe('Urges  to act.');
    expect(resolveAnchor(doc, 'p1', anchor)).toBeNull();
  });

  it('see the words replaced the way an editor replaces a selection (delete, then type)', () => {
    const doc = docWith({ p1: ['At its twelfth session.'] });
    const [from, to] = words(paragraphText(doc, 'p1')!, 'twelfth');
    const anchor = anchorWords(doc, 'p1', from, to)!;
    const { run } = runAt(doc, 'p1', from);
    doc.transact(() => {
      run.delete(from, to - from);
      run.insert(from, 'thirteenth');
    });
    expect(resolveAnchor(doc, 'p1', anchor)).toBeNull();
  });

  it('hold on replicas editing concurrently: both resolve to the same words', () => {
    const a = docWith({ p1: ['Requests the Secretariat to report.'], p2: ['Decides to remain seized.'] });
    const b = replica(a);
    const [from, to] = words(paragraphText(a, 'p1')!, 'the Secretariat');
    const anchor = anchorWords(a, 'p1', from, to)!;
    // Concurrently: a types before the words and at their end; b at their start and inside the other paragraph.
    typeAt(a, 'p1', 0, 'Also ');
    typeAt(a, 'p1', from + 5 + 'the Secretariat'.length, ' and UNODC');
    typeAt(b, 'p1', from, 'further ');
    typeAt(b, 'p2', 0, 'Finally, ');
    sync(a, b);
    expect(paragraphText(a, 'p1')).toBe(paragraphText(b, 'p1'));
    for (const doc of [a, b]) {
      const range = resolveAnchor(doc, 'p1', anchor)!;
      expect(range.text).toBe('the Secretariat');
      expect(paragraphText(doc, 'p1')!.slice(range.from, range.to)).toBe('the Secretariat');
    }
    // b now changes a quoted character; a hears of it.
    const now = resolveAnchor(b, 'p1', anchor)!;
    deleteAt(b, 'p1', now.from + 4, 1);
    sync(a, b);
    expect(resolveAnchor(a, 'p1', anchor)?.text).toBe('the ecretariat');
  });

  it('anchor CJK words and characters outside the BMP, with edges that stay outside', () => {
    const doc = docWith({ p1: ['保护𠀀儿童免受😀侵害'] });
    const text = paragraphText(doc, 'p1')!;
    const [from, to] = words(text, '𠀀儿童');
    const anchor = anchorWords(doc, 'p1', from, to)!;
    typeAt(doc, 'p1', from, '所有');
    typeAt(doc, 'p1', from + 2 + '𠀀儿童'.length, '🧒');
    expect(paragraphText(doc, 'p1')).toBe('保护所有𠀀儿童🧒免受😀侵害');
    expect(resolveAnchor(doc, 'p1', anchor)?.text).toBe('𠀀儿童');
    expect(pmText(doc, 'p1')).toBe(paragraphText(doc, 'p1'));
  });

  it('keep an insertion point after the character before it', () => {
    const doc = docWith({ p1: ['Invites States to contribute.'] });
    const at = paragraphText(doc, 'p1')!.indexOf(' to');
    const point = anchorWords(doc, 'p1', at, at)!;
    expect(point.start).toBe(point.end);
    typeAt(doc, 'p1', 0, 'Also ');
    expect(resolveAnchor(doc, 'p1', point)).toEqual({ from: at + 5, to: at + 5, text: '' });
    // Words typed at the point go after it: it stays stuck to "States".
    typeAt(doc, 'p1', at + 5, ' Parties');
    expect(resolveAnchor(doc, 'p1', point)).toEqual({ from: at + 5, to: at + 5, text: '' });
    const start = anchorWords(doc, 'p1', 0, 0)!;
    typeAt(doc, 'p1', 0, 'Once more, ');
    expect(resolveAnchor(doc, 'p1', start)?.from).toBe('Once more, '.length);
  });

  it('answer null for a deleted paragraph, an unknown one, or an anchor of another paragraph', () => {
    const doc = docWith({ p1: ['First paragraph.'], p2: ['Second paragraph.'] });
    const anchor = anchorWords(doc, 'p2', 0, 6)!;
    expect(resolveAnchor(doc, 'p1', anchor)).toBeNull();
    expect(anchorWords(doc, 'nope', 0, 1)).toBeNull();
    expect(resolveAnchor(doc, 'nope', anchor)).toBeNull();
    expect(resolveAnchor(doc, 'p2', { start: 'garbage', end: 'garbage!' })).toBeNull();
    const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
    fragment.delete(2, 1);
    expect(resolveAnchor(doc, 'p2', anchor)).toBeNull();
    expect(() => anchorWords(doc, 'p1', 3, 99)).toThrow(RangeError);
  });

  it('take a null start or end as the paragraph start or end', () => {
    const doc = docWith({ p1: ['Notes with appreciation.'] });
    expect(resolveAnchor(doc, 'p1', { start: null, end: null })).toEqual({ from: 0, to: 24, text: 'Notes with appreciation.' });
  });
});

describe('anchorAmendment', () => {
  it('quotes and anchors the words an amendment names, and refuses words that are not there or ambiguous', () => {
    const doc = docWith({ p1: ['Urges States and all States Parties to act.'] });
    const anchored = anchorAmendment(doc, { kind: 'replace_words', paragraphId: 'p1', words: 'States', occurrence: 2 });
    expect(anchored.ok).toBe(true);
    if (!anchored.ok) return;
    expect(anchored.value.quoted).toBe('States');
    expect(resolveAnchor(doc, 'p1', anchored.value.anchor)).toEqual({ from: 21, to: 27, text: 'States' });
    expect(anchorAmendment(doc, { kind: 'delete_words', paragraphId: 'p1', words: 'States' })).toMatchObject({ ok: false, error: expect.stringContaining('2 times') });
    expect(anchorAmendment(doc, { kind: 'delete_words', paragraphId: 'p1', words: 'tate' })).toMatchObject({ ok: false });
    expect(anchorAmendment(doc, { kind: 'delete_words', paragraphId: 'p9', words: 'States' })).toMatchObject({ ok: false });
    const start = anchorAmendment(doc, { kind: 'insert_words', paragraphId: 'p1', position: 'start' });
    expect(start).toMatchObject({ ok: true, value: { quoted: null, anchor: { start: null, end: null } } });
  });
});
