/**
 * The eleventh session replayed through the API on a fresh server (not the demo seed): the
 * session, its delegations and nine drafts, each draft's sponsors, texts issued L.n → Rev.n,
 * the action taken, the numbers, the report's wording; then the report paragraphs the server
 * writes, in English and Chinese, are those of the report (test/fixtures/cop11Report.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlainText } from '../../../shared/importText';
import { parseSymbol } from '../../../shared/symbols';
import { ENGLISH_TITLES, loadDraftText, loadSessionFacts, type DraftFacts, type SessionFacts } from '../../../server/demo/sessionFacts';
import { ENGLISH, EXTRA, houseStyle, L9_AFTER, PRINTED } from '../../fixtures/cop11Report';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { call, loginAs, startTestServer, type SignedIn, type TestServer } from '../../helpers/server';

const expectedZh = (p: (typeof PRINTED)[number]) => houseStyle(p) + (p.symbol.includes('L.9') ? L9_AFTER : '');

describe('the eleventh session, replayed through the API', () => {
  let server: TestServer;
  let officer: SignedIn;
  let facts: SessionFacts;
  let sessionId: string;
  const draftIds = new Map<string, string>();
  const api = async (method: string, path: string, body?: unknown, expected = [200, 201]) => {
    const res = await call(server, method, path, { cookie: officer.cookie, body });
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  // One delegation per name as the fixture gives it (the report names some States differently from draft to draft).
  async function delegations(): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const late = [
      { en: 'Canada', zh: '加拿大' },
      { en: 'Ecuador', zh: '厄瓜多尔' },
      { en: 'Guatemala', zh: '危地马拉' },
    ];
    const all = [...facts.drafts.flatMap((d) => [...(d.sponsors ?? []), ...(d.mainSponsor ? [d.mainSponsor] : [])]), ...late];
    for (const s of all) {
      const key = `${s.en}|${s.zh}`;
      if (ids.has(key)) continue;
      const kind = s.en === 'European Union' ? 'regional' : s.en === 'State of Palestine' ? 'observer' : 'member';
      const made = await api('POST', '/api/delegations', { code: `D${ids.size + 1}`, name: { en: s.en, zh: s.zh }, kind });
      ids.set(key, made.id);
    }
    return ids;
  }

  async function putForward(d: DraftFacts, ids: Map<string, string>): Promise<string> {
    const symbol = parseSymbol(d.symbol);
    if (!symbol.ok) throw new Error(symbol.error);
    const main = d.mainSponsor ? ids.get(`${d.mainSponsor.en}|${d.mainSponsor.zh}`)! : null;
    const draft = await api('POST', `/api/sessions/${sessionId}/drafts`, {
      kind: d.kind,
      title: { en: ENGLISH_TITLES[d.symbol], zh: d.title.zh },
      agendaItem: d.agendaItem,
      language: 'zh',
      lNumber: symbol.value.lNumber,
      mainSponsorId: main,
      submittedBy: d.submittedBy ?? null,
      date: '2022-10-17',
    });
    for (const s of d.sponsors ?? []) {
      const id = ids.get(`${s.en}|${s.zh}`)!;
      if (id !== main) await api('POST', `/api/drafts/${draft.id}/sponsors`, { delegationId: id, date: '2022-10-17', onBehalfOf: s.onBehalfOf ?? null });
    }
    const imported = importPlainText(await loadDraftText(d));
    if (!imported.ok) throw new Error(imported.error);
    await api('POST', `/api/drafts/${draft.id}/import`, { text: imported.value.doc.toJSON() });
    const short = d.symbol.slice(`${facts.session.symbolPrefix}/`.length).replace(/\/Rev\.\d+$/, '');
    for (let rev = 0; rev <= symbol.value.revision; rev++) {
      await api('POST', `/api/drafts/${draft.id}/revisions`, { symbol: rev === 0 ? short : `${short}/Rev.${rev}` });
    }
    return draft.id;
  }

  async function act(d: DraftFacts, draftId: string): Promise<void> {
    const a = d.action;
    const payload =
      a.type === 'adopted'
        ? { meeting: a.meeting, date: a.date, vote: { kind: 'without_vote' }, orallyAmended: a.orallyAmended === true }
        : { meeting: a.meeting, date: a.date, decidedBy: a.decidedBy, toSession: null, noAction: a.noAction, annexedToReport: a.annexedToReport };
    await api('POST', `/api/drafts/${draftId}/events`, { type: a.type, payload });
    const extra = EXTRA[d.symbol];
    if (extra) await api('POST', `/api/drafts/${draftId}/report-details`, { describedAs: extra.describedAs ?? null, remarks: extra.remarks ?? null });
  }

  beforeAll(async () => {
    server = await startTestServer();
    const user = await makeUser(server.store, 'secretariat');
    officer = await loginAs(server, user.login, TEST_PASSWORD);
    facts = await loadSessionFacts();
    const session = await api('POST', '/api/sessions', {
      body: { name: facts.body },
      number: facts.session.number,
      title: { en: 'Eleventh session', zh: '第十一届会议' },
      symbolPrefix: facts.session.symbolPrefix,
      place: facts.session.place,
      opens: facts.session.opens,
      closes: facts.session.closes,
    });
    sessionId = session.id;
    const ids = await delegations();
    for (const d of facts.drafts) {
      const id = await putForward(d, ids);
      draftIds.set(d.symbol, id);
      await act(d, id);
    }
    // The secretariat numbers the adopted texts in sequence, each kind on its own; the server suggests each number.
    const adopted = facts.drafts.flatMap((d) => (d.action.type === 'adopted' ? [{ d, becomes: d.action.becomes }] : []));
    for (const { d, becomes } of adopted.sort((a, b) => a.becomes.localeCompare(b.becomes, 'en', { numeric: true }))) {
      const numbered = await api('POST', `/api/drafts/${draftIds.get(d.symbol)}/number`, {});
      expect(`${numbered.kind} ${numbered.number}`).toBe(becomes);
    }
    // Three co-sponsors joined L.9/Rev.1 on the day of action, after its text was issued.
    for (const name of [
      { en: 'Canada', zh: '加拿大' },
      { en: 'Ecuador', zh: '厄瓜多尔' },
      { en: 'Guatemala', zh: '危地马拉' },
    ]) {
      await api('POST', `/api/drafts/${draftIds.get('CTOC/COP/2022/L.9/Rev.1')}/sponsors`, { delegationId: ids.get(`${name.en}|${name.zh}`), date: '2022-10-21' });
    }
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  for (const p of PRINTED) {
    it(`${p.symbol}: the paragraph in Chinese and in English`, async () => {
      const id = draftIds.get(p.symbol)!;
      const zh = await api('GET', `/api/drafts/${id}/report-paragraph?lang=zh`);
      expect(zh.paragraph).toBe(expectedZh(p));
      const en = await api('GET', `/api/drafts/${id}/report-paragraph?lang=en`);
      expect(en.paragraph).toBe(ENGLISH[p.symbol]);
    });
  }

  it('writes the whole "action taken" section in the report\'s order', async () => {
    const zh = await api('GET', `/api/sessions/${sessionId}/action-taken?lang=zh&firstNumber=1`);
    expect(zh.paragraphs.map((x: { text: string }) => x.text)).toEqual(PRINTED.map((p, i) => `${i + 1}. ${expectedZh(p)}`));
    const en = await api('GET', `/api/sessions/${sessionId}/action-taken?lang=en`);
    expect(en.paragraphs.map((x: { symbol: string; text: string }) => [x.symbol, x.text])).toEqual(PRINTED.map((p) => [p.symbol, ENGLISH[p.symbol]]));
    expect(en.pending).toEqual([]);
  });

  it('shows the co-sponsors who joined L.9/Rev.1 after it was issued apart from its 13 sponsors', async () => {
    const page = await api('GET', `/api/drafts/${draftIds.get('CTOC/COP/2022/L.9/Rev.1')}`);
    expect(page.sponsorsSinceIssue.atIssue).toHaveLength(13);
    expect(page.sponsorsSinceIssue.text.en).toBe('Subsequently, Canada, Ecuador and Guatemala joined the sponsors.');
    expect(page.sponsors.count).toBe(16);
  });

  it("suggests, after the session's numbers, the next of each kind", async () => {
    const numbers = await api('GET', `/api/sessions/${sessionId}/numbers`);
    expect(numbers.next).toEqual({ resolution: '11/7', decision: '11/3' });
  });
});
