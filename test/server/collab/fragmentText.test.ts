/**
 * Reading a text out of a Y.XmlFragment: every shape the schema allows reads back as written;
 * what the schema does not allow — nesting 5,000 deep, unknown nodes, a footnote in a footnote —
 * is a reason, never a stack overflow, and the fragment is left as it was.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { resolutionSchema } from '../../../shared/schema';
import { deepestNesting, fragmentToText, MAX_TEXT_DEPTH } from '../../../server/collab/fragmentText';
import { pruningUpdates, PRUNE_LEVELS } from '../../../server/collab/serverEdit';
import { doc, examples, fn, op, title } from '../../builders';
import { FRAGMENT } from '../../helpers/collab';

function fragmentOf(text = examples.resolution!): Y.XmlFragment {
  const y = new Y.Doc();
  prosemirrorToYXmlFragment(text, y.getXmlFragment(FRAGMENT));
  return y.getXmlFragment(FRAGMENT);
}

/** Nest `depth` elements named `name` at the end of the fragment, as a client could send them. */
function nest(fragment: Y.XmlFragment, depth: number, name = 'operative'): void {
  fragment.doc!.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < depth; i++) {
      const el = new Y.XmlElement(name);
      parent.insert(parent === fragment ? fragment.length : 0, [el]);
      parent = el;
    }
  });
}

describe('fragmentToText', () => {
  it('knows the deepest nesting of the schema: doc > annex > paragraph > footnote > text', () => {
    expect(deepestNesting(resolutionSchema)).toBe(4);
    expect(MAX_TEXT_DEPTH).toBe(4);
  });

  it('reads every shape the schema allows back as it was written, as a whole text', () => {
    for (const [name, text] of Object.entries(examples)) {
      const read = fragmentToText(fragmentOf(text), { whole: true });
      expect([name, read.ok && read.value.eq(text)]).toEqual([name, true]);
    }
  });

  it('reads an empty fragment as an empty doc (nobody has written yet)', () => {
    const read = fragmentToText(new Y.Doc().getXmlFragment(FRAGMENT));
    expect(read.ok && read.value.childCount).toBe(0);
  });

  it('answers 5,000 nested elements with a reason, not a stack overflow, and leaves them there', () => {
    const fragment = fragmentOf();
    nest(fragment, 5_000);
    const length = fragment.length;
    const read = fragmentToText(fragment);
    expect(read).toEqual({ ok: false, error: expect.stringContaining('nested deeper than a text can be') });
    expect(fragment.length).toBe(length);
  });

  it('answers nodes the schema does not know or allow there with a reason', () => {
    const unknown = fragmentOf();
    nest(unknown, 1, 'script');
    expect(fragmentToText(unknown)).toEqual({ ok: false, error: 'unknown node "script"' });
    const footnoteInFootnote = fragmentOf(doc(title('T'), op('A', fn('B'))));
    const footnote = (footnoteInFootnote.get(1) as Y.XmlElement).toArray()[1] as Y.XmlElement;
    footnote.insert(0, [new Y.XmlElement('footnote')]);
    expect(fragmentToText(footnoteInFootnote).ok).toBe(false);
    const badLevel = fragmentOf(doc(title('T'), op('A')));
    const sub = new Y.XmlElement('subparagraph');
    sub.setAttribute('level', 7 as unknown as string);
    badLevel.insert(2, [sub]);
    expect(fragmentToText(badLevel)).toEqual({ ok: false, error: expect.stringContaining('subparagraph level must be 1 or 2') });
  });

  it('checks the order of the blocks only for a whole text', () => {
    const fragment = fragmentOf(doc(title('T'), op('A')));
    fragment.delete(0, 1);
    expect(fragmentToText(fragment).ok).toBe(true);
    expect(fragmentToText(fragment, { whole: true }).ok).toBe(false);
  });
});

describe('pruningUpdates', () => {
  it('cuts 5,000 nested elements back from the inside, each update at most PRUNE_LEVELS deep, and nothing from a sound text', () => {
    const sound = fragmentOf();
    expect(pruningUpdates(sound.doc!)).toEqual([]);
    const broken = fragmentOf();
    nest(broken, 5_000);
    const updates = pruningUpdates(broken.doc!);
    expect(updates.length).toBe(Math.ceil((5_000 - PRUNE_LEVELS) / PRUNE_LEVELS));
    // Applied one by one, as the room commits them, the structure is left at most PRUNE_LEVELS deep.
    for (const u of updates) Y.applyUpdate(broken.doc!, u);
    let depth = 0;
    for (let t: Y.XmlElement | undefined = broken.get(broken.length - 1) as Y.XmlElement; t; t = t.get(0) as Y.XmlElement | undefined) depth++;
    expect(depth).toBeLessThanOrEqual(PRUNE_LEVELS);
  });
});
