/**
 * The comparison of the working text with its pending proposals (spec `proposals`, issue #17):
 * every pending proposal applied in the order tabled, each change credited to the delegation
 * that tabled it — `by` in the JSON, the author of the tracked change in the Word redline — and
 * a proposal that no longer applies left out and named in the notes. Real server on port 0.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, synced, until } from '../helpers/collab';
import { TEST_PASSWORD } from '../helpers/factories';
import { loginAs, startTestServer, type TestServer } from '../helpers/server';
import { meetingWorld, type MeetingWorld } from './meeting/helpers';

let server: TestServer;
let w: MeetingWorld;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  w = await meetingWorld(server);
});

const table = async (who: keyof MeetingWorld['as'] | 'third', amendment: Record<string, unknown>): Promise<string> => {
  const res =
    who === 'third'
      ? await fetch(`${server.url}${w.draftPath('/proposals')}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${(await loginAs(server, w.users.third.login, TEST_PASSWORD)).token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ amendment }),
        }).then(async (r) => ({ status: r.status, body: await r.json() }))
      : await w.api(who, 'POST', w.draftPath('/proposals'), { amendment });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};

// Peru (the non-sponsor) rewords OP 2; Austria inserts words in OP 1; the chair deletes OP 3,
// after which Peru's proposal on OP 3 no longer applies; a withdrawn proposal is not pending.
async function tableProposals() {
  const withdrawn = await table('nonSponsor', { kind: 'delete_words', paragraph: 'OP 1', words: 'Decides' });
  expect((await w.api('nonSponsor', 'POST', w.draftPath(`/proposals/${withdrawn}/withdraw`), {})).status).toBe(200);
  await table('nonSponsor', { kind: 'replace_words', paragraph: 'OP 2', words: 'twelfth session', text: 'thirteenth session' });
  await table('third', { kind: 'insert_words', paragraph: 'OP 1', words: 'work', position: 'before', text: 'important' });
  await table('chair', { kind: 'delete_paragraph', paragraph: 'OP 3' });
  await table('nonSponsor', { kind: 'replace_words', paragraph: 'OP 3', words: 'Member States', text: 'States' });
}

const tracked = (xml: string, tag: 'ins' | 'del') =>
  [...xml.matchAll(new RegExp(`<w:${tag}\\b([^>]*)>([\\s\\S]*?)</w:${tag}>`, 'g'))].map((m) => ({
    author: /w:author="([^"]*)"/.exec(m[1]!)?.[1],
    text: [...m[2]!.matchAll(/<w:(?:t|delText)\b[^>]*>([^<]*)<\/w:(?:t|delText)>/g)].map((t) => t[1]).join(''),
  }));

describe('comparing the working text with its pending proposals', () => {
  it('the Word redline signs each tracked change with the delegation that proposed it', async () => {
    await tableProposals();
    const res = await fetch(`${server.url}${w.draftPath('/compare.docx?left=working&right=proposals&lang=en')}`, {
      headers: { authorization: `Bearer ${w.as.sponsor.token}` },
    });
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
    const ins = tracked(xml, 'ins').filter((c) => c.text !== '');
    const del = tracked(xml, 'del').filter((c) => c.text !== '');
    // OP 2's new words by Peru, its old ones struck by Peru; OP 1's insertion by Austria.
    expect(
      ins
        .filter((c) => c.author === 'Peru')
        .map((c) => c.text)
        .join(''),
    ).toMatch(/hirteen/);
    expect(
      del
        .filter((c) => c.author === 'Peru')
        .map((c) => c.text)
        .join(''),
    ).toMatch(/welf/);
    expect(
      ins
        .filter((c) => c.author === 'Austria')
        .map((c) => c.text)
        .join(''),
    ).toContain('important');
    // OP 3 deleted whole by the chair's proposal; Peru's proposal on it left out, so "Member" is not struck by Peru.
    expect(
      del
        .filter((c) => c.author === 'the chair or the secretariat')
        .map((c) => c.text)
        .join(''),
    ).toContain('Invites Member States to contribute.');
    expect(del.some((c) => c.author === 'Peru' && c.text.includes('Member'))).toBe(false);
    // Every change here came from a proposal: none is left to the default author.
    expect([...ins, ...del].filter((c) => c.author === 'Penholder')).toEqual([]);
    // The withdrawn proposal is not applied: "Decides" stands.
    expect(del.some((c) => c.text.includes('Decides'))).toBe(false);
  });

  it('the comparison names who proposed each change, and which proposal it left out', async () => {
    await tableProposals();
    const res = await w.api('nonSponsor', 'GET', w.draftPath('/compare?left=working&right=proposals'));
    expect(res.status).toBe(200);
    expect(res.body.right).toMatchObject({ spec: 'proposals', label: 'working text with pending proposals' });
    const rows = res.body.paragraphs as { status: string; left?: { id: string; text: string }; right?: { id: string; text: string }; by?: { name: string; chars: number }[] }[];
    const op1 = rows.find((r) => r.right?.id === 'op1')!;
    const op2 = rows.find((r) => r.right?.id === 'op2')!;
    expect(op1).toMatchObject({ status: 'changed', right: { text: 'Decides to continue its important work;' } });
    expect(op1.by?.map((b) => b.name)).toEqual(['Austria']);
    expect(op2.right?.text).toBe('Requests the Secretariat to report to the Conference at its thirteenth session;');
    expect(op2.by?.map((b) => b.name)).toEqual(['Peru']);
    expect(op2.by?.[0]?.chars).toBeGreaterThan(0);
    expect(rows.find((r) => r.left?.id === 'op3')?.status).toBe('deleted');
    expect(res.body.notes).toEqual(['The proposal of Peru on OP 3 is not included: the proposal of the chair or the secretariat tabled before it deletes that paragraph.']);
  });

  it('leaves out a proposal whose quoted words a sponsor changed since (stale by its anchor), and says why', async () => {
    const editor = connect(`${server.wsUrl}/collab`, w.draft.id, w.as.sponsor.token);
    try {
      await synced(editor.provider);
      await table('nonSponsor', { kind: 'replace_words', paragraph: 'OP 2', words: 'twelfth', text: 'thirteenth' });
      await table('third', { kind: 'insert_words', paragraph: 'OP 1', words: 'work', position: 'before', text: 'important' });
      // The sponsor types inside "twelfth" (OP 2 is the fourth block: title, PP 1, OP 1, OP 2).
      const op2 = editor.doc.getXmlFragment('prosemirror').get(3) as unknown as { get(i: number): { insert(at: number, s: string): void } };
      op2.get(0).insert('Requests the Secretariat to report to the Conference at its '.length + 5, 'X');
      const answers: Awaited<ReturnType<MeetingWorld['api']>>[] = [];
      await until(
        async () => {
          answers.push(await w.api('chair', 'GET', w.draftPath('/compare?left=working&right=proposals')));
          return answers.at(-1)!.body.notes?.length === 1;
        },
        5_000,
        'the stale proposal left out',
      );
      const res = answers.at(-1)!;
      expect(res.body.notes).toEqual(['The proposal of Peru on OP 2 is not included: the words "twelfth" it quotes now read "twelfXth".']);
      const rows = res.body.paragraphs as { status: string; right?: { id: string }; by?: { name: string }[] }[];
      expect(rows.find((r) => r.right?.id === 'op2')?.status).toBe('unchanged');
      expect(rows.find((r) => r.right?.id === 'op1')?.by?.map((b) => b.name)).toEqual(['Austria']);
    } finally {
      editor.provider.destroy();
    }
  });

  it('is the working text itself while no proposal is pending', async () => {
    const res = await w.api('sponsor', 'GET', w.draftPath('/compare?left=working&right=proposals'));
    expect(res.status).toBe(200);
    expect(res.body.counts.unchanged).toBe(res.body.paragraphs.length);
    expect(res.body.notes).toEqual([]);
  });
});
