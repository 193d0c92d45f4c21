/**
 * Comparisons a chair would read wrongly if the rows came out in another order or paired
 * otherwise: a paragraph replaced in place, one of two paragraphs that open and close with the
 * same words deleted from a pasted text, a paragraph moved next to a new one. The words are
 * made for these tests, in the style of the eleventh session's texts.
 */
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../shared/compare';
import { annex, doc, formula, heading, op, plain, title } from '../../builders';
import { checkInvariants, edit, imported } from './helpers';

const text = (...ops: [string, string][]) => doc(title('Countering trafficking in persons'), formula('The Conference of the Parties,'), ...ops.map(([id, t]) => op({ id }, t)));
const statuses = (c: ReturnType<typeof compareTexts>) => c.paragraphs.filter((r) => r.status !== 'unchanged').map((r) => `${r.label} ${r.status}`);

describe('a paragraph replaced in place by an unrelated one', () => {
  it('lists the deletion before the insertion, in the rows and in the summary', () => {
    const left = text(['o1', 'Urges States to act;'], ['o2', 'Invites States to share information;'], ['o3', 'Decides to remain seized of the matter.']);
    const right = text(
      ['n1', 'Strongly condemns all forms of trafficking in persons;'],
      ['o2', 'Invites States to share information;'],
      ['o3', 'Decides to remain seized of the matter.'],
    );
    const c = compareTexts(left, right);
    checkInvariants(left, right, c);
    expect(statuses(c)).toEqual(['OP 1 (deleted) deleted', 'OP 1 (new) inserted']);
    expect(c.summary.en).toBe('OP 1 deleted; OP 1 inserted');
  });

  it('keeps a deletion after an insertion where the left text has it later', () => {
    const left = text(['o1', 'Urges States to act;'], ['o2', 'Invites States to share information;'], ['o3', 'Decides to remain seized of the matter.']);
    const right = text(['n1', 'Strongly condemns all forms of trafficking in persons;'], ['o1', 'Urges States to act;'], ['o3', 'Decides to remain seized of the matter.']);
    const c = compareTexts(left, right);
    checkInvariants(left, right, c);
    expect(statuses(c)).toEqual(['OP 1 (new) inserted', 'OP 1 → OP 2 renumbered-only', 'OP 2 (deleted) deleted']);
  });
});

describe('pasted texts whose paragraphs open and close with the same words', () => {
  const pre =
    'Requests the United Nations Office on Drugs and Crime, within existing resources and in close cooperation with Member States and relevant regional organizations, to ';
  const end = ', and to report thereon to the Conference of the Parties at its twelfth session;';
  const extradition = `${pre}provide technical assistance on extradition${end}`;
  const digest = `${pre}develop a digest of cases on mutual legal assistance${end}`;
  const head = 'Implementation of the provisions on international cooperation\n\nThe Conference of the Parties,\n\n';
  const printed = (...ops: string[]) => head + ops.map((t, i) => `${i + 1}. ${t}`).join('\n\n');
  const first = 'Urges all States parties to make full use of the Convention;';
  const last = 'Decides to remain seized of the matter.';

  it('pairs the paragraph that stayed, not the first of the two, when the other is deleted', () => {
    const left = imported(printed(first, extradition, digest, last), 'L');
    const right = imported(printed(first, digest.replace('assistance,', 'assistance and confiscation,'), last), 'R');
    const c = compareTexts(left, right);
    checkInvariants(left, right, c);
    expect(statuses(c)).toEqual(['OP 2 (deleted) deleted', 'OP 3 → OP 2 changed', 'OP 4 → OP 3 renumbered-only']);
    const changed = c.paragraphs.find((r) => r.status === 'changed')!;
    expect(changed.left!.text).toBe(digest);
  });

  it('pairs the paragraph that stayed when a new one like it is inserted before it', () => {
    const left = imported(printed(first, digest, last), 'L');
    const right = imported(printed(first, extradition, digest, last), 'R');
    const c = compareTexts(left, right);
    checkInvariants(left, right, c);
    expect(statuses(c)).toEqual(['OP 2 (new) inserted', 'OP 2 → OP 3 renumbered-only', 'OP 3 → OP 4 renumbered-only']);
  });
});

describe('a paragraph moved next to a new one', () => {
  it('says where it went in the left text’s numbers, never a number only the right text has', () => {
    const o = (id: string) =>
      [id, `${id === 'o1' ? 'Urges States to act' : id === 'o2' ? 'Invites States to share information' : 'Requests the Secretariat to assist'};`] as [string, string];
    const left = text(o('o1'), o('o2'), o('o3'));
    const right = text(o('o2'), o('o3'), ['n1', 'Welcomes the report of the Executive Director;'], ['n2', 'Notes the contributions made by donors;'], o('o1'));
    const c = compareTexts(left, right);
    checkInvariants(left, right, c);
    // The left text has three operative paragraphs: OP 1 went after its OP 3 (and the two new ones).
    expect(c.summary.en).toContain('OP 1 moved after OP 3');
    expect(c.summary.en).not.toMatch(/after OP [45]/);
  });
});

describe('unnumbered paragraphs that open alike', () => {
  it('are told apart by their order, the same on both sides when only their later words changed', () => {
    const left = doc(
      title('Countering trafficking in persons'),
      formula('The Conference of the Parties,'),
      op({ id: 'o1' }, 'Adopts the recommendations contained in the annex to the present resolution.'),
      annex(
        { id: 'a1' },
        heading('Recommendations of the working group'),
        plain({ id: 'x1' }, 'Recommendations on international cooperation in criminal matters'),
        plain({ id: 'x2' }, 'Recommendations on international cooperation in civil matters'),
        plain({ id: 'x3' }, 'To be completed.'),
        plain({ id: 'x4' }, 'To be completed.'),
      ),
    );
    const right = edit(left, (blocks) =>
      blocks.map((b) =>
        b.type.name === 'annex'
          ? annex(
              { id: 'a1' },
              heading('Recommendations of the working group'),
              plain({ id: 'x1' }, 'Recommendations on international cooperation in criminal matters'),
              plain({ id: 'x2' }, 'Recommendations on international cooperation in civil and commercial matters'),
              plain({ id: 'x3' }, 'To be completed.'),
              plain({ id: 'x4' }, 'To be completed later.'),
            )
          : b,
      ),
    );
    const c = compareTexts(left, right);
    checkInvariants(left, right, c);
    const labels = c.paragraphs.filter((r) => r.left?.ref.includes('“')).map((r) => r.left!.ref);
    expect(labels).toEqual(['Annex, “Recommendations on i…”', 'Annex, “Recommendations on i…” (2)', 'Annex, “To be completed.”', 'Annex, “To be completed.” (2)']);
    // The summary says which of two paragraphs that open alike changed.
    expect(c.summary.en).toBe('Annex, “Recommendations on i…” (2) changed; Annex, “To be completed.” (2) (now Annex, “To be completed later.”) changed');
  });
});

describe('an unnumbered paragraph whose order among others opening alike moves', () => {
  it('is unchanged when the one before it is deleted: its "(2)" going is no renumbering', () => {
    const body = (...texts: [string, string][]) =>
      doc(
        title('T'),
        formula('The Conference of the Parties,'),
        op({ id: 'o1' }, 'Adopts the annex.'),
        annex({ id: 'a1' }, heading('Recommendations'), ...texts.map(([id, t]) => plain({ id }, t))),
      );
    const left = body(['x1', 'To be completed by the working group.'], ['x2', 'To be completed by the secretariat.']);
    const right = body(['x2', 'To be completed by the secretariat.']);
    const c = compareTexts(left, right);
    checkInvariants(left, right, c);
    expect(statuses(c)).toEqual(['Annex, “To be completed by t…” (deleted) deleted']);
    expect(c.summary.en).toBe('Annex, “To be completed by t…” deleted');
  });
});
