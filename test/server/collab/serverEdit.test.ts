/**
 * dropCharacters (server/collab/serverEdit.ts): where a server-written text only drops characters,
 * they are deleted in place and every character that stays keeps its Yjs item (so its author);
 * anything else is left to y-prosemirror, and the text always ends equal to the target.
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { dropCharacters } from '../../../server/collab/serverEdit';
import { resolutionSchema } from '../../../shared/schema';
import { doc, em, fn, op, title } from '../../builders';

const FRAGMENT = 'prosemirror';

// A document holding `text` written by client 1, then `target` written over it by client 2 the way the server writes it.
function rewrite(text: PMNode, target: PMNode): { json: unknown; byClient: Map<number, string> } {
  const y = new Y.Doc();
  y.clientID = 1;
  y.transact(() => prosemirrorToYXmlFragment(text, y.getXmlFragment(FRAGMENT)));
  y.clientID = 2;
  y.transact(() => {
    const fragment = y.getXmlFragment(FRAGMENT);
    dropCharacters(fragment, target, 0);
    prosemirrorToYXmlFragment(target, fragment);
  });
  // Which client wrote each live character.
  const byClient = new Map<number, string>();
  const visit = (type: Y.AbstractType<unknown>) => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentString) byClient.set(item.id.client, (byClient.get(item.id.client) ?? '') + item.content.str);
      if (item.content instanceof Y.ContentType) visit(item.content.type);
    }
  };
  visit(y.getXmlFragment(FRAGMENT) as unknown as Y.AbstractType<unknown>);
  return { json: resolutionSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(y.getXmlFragment(FRAGMENT))).toJSON(), byClient };
}

// The same text, compared as ProseMirror nodes (a mark read back from Yjs carries `attrs: {}`).
const asJSON = (node: PMNode) => resolutionSchema.nodeFromJSON(node.toJSON()).toJSON();

describe('dropCharacters', () => {
  it('deletes only the bracket characters, in a paragraph with formatting and a footnote', () => {
    const before = doc(title('T'), op({ id: 'p1' }, em('[Urges]'), ' all States [to act]', fn('See [note] 1.'), ' now.'));
    const after = doc(title('T'), op({ id: 'p1' }, em('Urges'), ' all States to act', fn('See note 1.'), ' now.'));
    const { json, byClient } = rewrite(before, after);
    expect(json).toEqual(asJSON(after));
    expect(byClient.get(2)).toBeUndefined();
  });

  it('never cuts half of a character outside the basic plane', () => {
    const before = doc(title('T'), op({ id: 'p1' }, 'Keeps 🌍 and [🌊] apart.'));
    const after = doc(title('T'), op({ id: 'p1' }, 'Keeps 🌍 and 🌊 apart.'));
    const { json, byClient } = rewrite(before, after);
    expect(json).toEqual(asJSON(after));
    expect(byClient.get(2)).toBeUndefined();
  });

  it('leaves a paragraph with inserted words to y-prosemirror, and still ends on the target', () => {
    const before = doc(title('T'), op({ id: 'p1' }, 'Invites States to contribute.'), op({ id: 'p2' }, 'Decides [to remain] seized.'));
    const after = doc(title('T'), op({ id: 'p1' }, 'Invites all States to contribute.'), op({ id: 'p2' }, 'Decides to remain seized.'));
    const { json, byClient } = rewrite(before, after);
    expect(json).toEqual(asJSON(after));
    // The inserted word is the only text the server wrote.
    expect(byClient.get(2)).toBe('all ');
  });

  it('does nothing when the shapes differ; y-prosemirror makes the text equal', () => {
    const before = doc(title('T'), op({ id: 'p1' }, '[One.]'));
    const after = doc(title('T'), op({ id: 'p1' }, 'One.'), op({ id: 'p2' }, 'Two.'));
    expect(rewrite(before, after).json).toEqual(asJSON(after));
  });
});
