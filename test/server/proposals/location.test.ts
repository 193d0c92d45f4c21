/**
 * Where proposals stand in a live document (server/commands/proposalLocation.ts): what was found
 * is kept per paragraph and found again exactly when its paragraph, a move's target or the
 * paragraphs' order changed — never served stale after an edit.
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { describe, expect, it } from 'vitest';
import { anchorAmendment } from '../../../server/collab/anchors';
import { proposalsInText } from '../../../server/commands/proposalLocation';
import type { OralAmendment } from '../../../shared/oralAmendments';
import { proposalsOf, type Proposal } from '../../../shared/proposals';
import { doc, op, title } from '../../builders';
import { FRAGMENT } from '../../helpers/collab';

function world() {
  const y = new Y.Doc();
  prosemirrorToYXmlFragment(
    doc(
      title('T'),
      op({ id: 'op1' }, 'Decides to continue its work;'),
      op({ id: 'op2' }, 'Requests a report at its twelfth session;'),
      op({ id: 'op3' }, 'Invites States to contribute.'),
    ),
    y.getXmlFragment(FRAGMENT),
  );
  let seq = 0;
  const rows = (amendments: Record<string, unknown>[]) =>
    amendments.map((raw, i) => {
      const a = { proposedBy: 'PER', accepted: false, ...raw } as OralAmendment;
      const anchored = anchorAmendment(y, a);
      if (!anchored.ok) throw new Error(anchored.error);
      return {
        seq: ++seq,
        type: 'proposal_tabled',
        userId: 'u',
        at: '2026-12-05T10:00:00Z',
        payload: { proposalId: `p${i + 1}`, amendment: a, quoted: anchored.value.quoted, anchor: anchored.value.anchor, paragraphTextHash: '' },
      };
    });
  const typeAt = (index: number, at: number, text: string) => ((y.getXmlFragment(FRAGMENT).get(index) as Y.XmlElement).get(0) as Y.XmlText).insert(at, text);
  return { y, rows, typeAt };
}

const staleOf = (y: Y.Doc, list: Proposal[]) => Object.fromEntries([...proposalsInText(y, list).staleness].map(([id, s]) => [id, s.stale]));

describe('proposals in a live document', () => {
  it('finds them again when their paragraph changes, keeps them when another does, and numbers paragraphs as printed now', () => {
    const { y, rows, typeAt } = world();
    const list = proposalsOf(
      rows([
        { kind: 'replace_words', paragraphId: 'op2', words: 'twelfth', text: 'thirteenth' },
        { kind: 'delete_words', paragraphId: 'op1', words: 'continue' },
        { kind: 'move_paragraph', paragraphId: 'op1', position: 'after', targetId: 'op3' },
      ]),
    );
    expect(staleOf(y, list)).toEqual({ p1: false, p2: false, p3: false });
    expect(proposalsInText(y, list).refOf('op3')).toBe('OP 3');
    // Words typed in OP 1 outside the quote: still fresh; inside "twelfth" in OP 2: stale at once.
    typeAt(1, 0, 'Also ');
    expect(staleOf(y, list)).toEqual({ p1: false, p2: false, p3: false });
    typeAt(2, 'Requests a report at its twel'.length, 'X');
    expect(proposalsInText(y, list).staleness.get('p1')).toEqual({ stale: true, why: 'the words "twelfth" it quotes now read "twelXfth"' });
    // The move's target deleted: the paragraphs changed, every proposal is found again.
    y.getXmlFragment(FRAGMENT).delete(3, 1);
    expect(staleOf(y, list)).toEqual({ p1: true, p2: false, p3: true });
    expect(proposalsInText(y, list).refOf('op3')).toBeNull();
    // Decided proposals are not judged.
    expect(proposalsInText(y, [{ ...list[0]!, state: 'rejected' }]).staleness.size).toBe(0);
  });
});
