/**
 * The session's report paragraphs of the demo, from its record: the three recorded votes and
 * their explanations as the report prints paras 15–20, and every draft's action paragraph as
 * the report prints it (test/fixtures/cop11Report.ts), L.9/Rev.1's deferral and the President's
 * conclusion as two paragraphs (paras 50 and 62), L.3/Rev.1 with the word on financial
 * implications (para. 142) — all through GET /api/sessions/:id/report on the seeded demo.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGLISH, houseStyle, PRINTED } from '../../fixtures/cop11Report';
import { ENGLISH_VOTE_PARAGRAPHS, printedVoteParagraphs, VOTE_DEVIATIONS } from '../../helpers/cop11Votes';
import { call, loginAs, startTestServer, type SignedIn, type TestServer } from '../../helpers/server';

interface Paragraph {
  kind: string;
  meeting: number | null;
  symbol: string | null;
  text: string;
}

describe('the demo session report, from its record', () => {
  let server: TestServer;
  let reader: SignedIn;
  let sessionId: string;

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    reader = await loginAs(server, 'secretariat@demo.penholder', 'secretariat-cop11-demo');
    sessionId = (await call<{ id: string }[]>(server, 'GET', '/api/sessions', { cookie: reader.cookie })).body[0]!.id;
  }, 120_000);
  afterAll(() => server?.close());

  const report = async (lang: 'en' | 'zh') => {
    const res = await call<{ paragraphs: Paragraph[]; pending: unknown[] }>(server, 'GET', `/api/sessions/${sessionId}/report?lang=${lang}`, { cookie: reader.cookie });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('opens with the three votes and their explanations, as paras 15–20 print them', async () => {
    const zh = (await report('zh')).paragraphs;
    const expected = printedVoteParagraphs().map((p, i) => VOTE_DEVIATIONS.filter(([para]) => para === 15 + i).reduce((text, [, from, to]) => text.replace(from, to), p));
    expect(zh.slice(0, 6).map((p) => p.text)).toEqual(expected);
    expect(zh.slice(0, 6).every((p) => p.meeting === 2)).toBe(true);
    const en = (await report('en')).paragraphs;
    expect(en.slice(0, 6).map((p) => p.text)).toEqual(ENGLISH_VOTE_PARAGRAPHS);
  });

  it("gives every draft's action paragraph as the report prints it, in session order, nothing pending", async () => {
    const zh = await report('zh');
    const en = await report('en');
    expect(zh.pending).toEqual([]);
    const actions = (r: { paragraphs: Paragraph[] }) => new Map(r.paragraphs.filter((p) => p.kind === 'action').map((p) => [p.symbol!, p.text]));
    const [zhActions, enActions] = [actions(zh), actions(en)];
    expect([...zhActions.keys()].sort()).toEqual(PRINTED.map((p) => p.symbol).sort());
    for (const p of PRINTED) {
      // In session order L.7/Rev.2 follows L.6/Rev.1 on the same item at the same meeting, as in para. 112.
      expect(zhActions.get(p.symbol), p.symbol).toBe(houseStyle(p));
      const english = p.symbol.endsWith('L.9/Rev.1') ? ENGLISH[p.symbol]!.replace(/ The Conference took no action.*$/, '') : ENGLISH[p.symbol];
      expect(enActions.get(p.symbol), p.symbol).toBe(english);
    }
    const meetings = zh.paragraphs.map((p) => p.meeting ?? 0);
    expect(meetings).toEqual([...meetings].sort((a, b) => a - b));
  });

  it('gives the same paragraphs in the action-taken section, with the word on financial implications after L.3/Rev.1', async () => {
    const res = await call<{ paragraphs: { symbol: string; text: string }[] }>(server, 'GET', `/api/sessions/${sessionId}/action-taken?lang=zh`, { cookie: reader.cookie });
    expect(res.status).toBe(200);
    const l3 = PRINTED.find((p) => p.symbol.endsWith('L.3/Rev.1'))!;
    expect(res.body.paragraphs.find((p) => p.symbol === l3.symbol)?.text).toBe(houseStyle(l3));
  });

  it("puts the President's conclusion on L.9/Rev.1 in a paragraph of its own after the deferral, as para. 62 prints it", async () => {
    const zh = (await report('zh')).paragraphs;
    const para62 = /^62\. (.*)$/m.exec(readFileSync(new URL('../../../bench/fixtures/cop11-report.zh.txt', import.meta.url), 'utf8'))![1]!;
    const deferral = zh.findIndex((p) => p.kind === 'action' && p.symbol?.endsWith('L.9/Rev.1'));
    const conclusion = zh.findIndex((p) => p.kind === 'conclusion');
    expect(zh[conclusion]!.text).toBe(para62);
    expect(conclusion).toBeGreaterThan(deferral);
    expect(zh.slice(deferral + 1, conclusion).every((p) => p.symbol?.endsWith('L.9/Rev.1'))).toBe(true);
  });
});
