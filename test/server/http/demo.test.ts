/**
 * The server started as `npm start` starts it: the demo seeded into an empty store, read over
 * HTTP as a newcomer reads it — the session's drafts, what is not in the record refused as such,
 * the final texts frozen, the report's paragraphs written from the record, and the illustrative
 * draft on which comparison, oral amendments and freezing can be tried.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPenholder } from '../../../server/app';
import { ENGLISH, houseStyle, PRINTED } from '../../fixtures/cop11Report';
import { ENGLISH_VOTE_PARAGRAPHS, printedVoteParagraphs, VOTE_DEVIATIONS } from '../../helpers/cop11Votes';
import { connect, plainText, synced, typeInto, until } from '../../helpers/collab';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';

type Json = Record<string, any>;

describe('a server with the demo', () => {
  let server: TestServer;
  let cookie: string;
  let cop: Json;
  let drafts: Json[];
  const get = async (path: string, as = cookie) => call(server, 'GET', path, { cookie: as });
  const signIn = async (role: string, name?: string) => {
    const a = server.penholder.demoAccounts!.find((x) => x.role === role && (name === undefined || x.login.startsWith(`${name}@`)))!;
    return (await loginAs(server, a.login, a.password)).cookie;
  };
  const bySymbol = (symbol: string) => drafts.find((d) => d.symbol === `CTOC/COP/2022/${symbol}`)!;

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    cookie = await signIn('secretariat');
    const sessions = await get('/api/sessions');
    cop = sessions.body.find((s: Json) => s.symbolPrefix === 'CTOC/COP/2022');
    drafts = (await get(`/api/sessions/${cop.id}/drafts`)).body;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('returns the demo accounts it created, and they can sign in', async () => {
    const accounts = server.penholder.demoAccounts!;
    expect(accounts.map((a) => a.role)).toEqual(expect.arrayContaining(['secretariat', 'chair', 'delegate']));
    for (const a of accounts.slice(0, 3)) {
      const { user } = await loginAs(server, a.login, a.password);
      expect(user.role).toBe(a.role);
    }
  });

  it("lists the session's drafts with their symbols, statuses and sponsors", async () => {
    expect(drafts).toHaveLength(9);
    for (const d of drafts) {
      expect(d.symbol).toMatch(/^CTOC\/COP\/2022\/L\.\d+(\/Rev\.\d+)?$/);
      expect(d.status.label.en).toEqual(expect.any(String));
      expect(d.illustrative).toBe(false);
    }
    const l9 = drafts.find((d) => d.lNumber === 9)!;
    expect(l9.status.state).toBe('deferred');
    const page = await get(`/api/drafts/${l9.id}`);
    expect(page.status).toBe(200);
    expect(page.body.lineage.map((l: Json) => l.symbol)).toEqual(['CTOC/COP/2022/L.9', 'CTOC/COP/2022/L.9/Rev.1']);
  });

  it('refuses the text of every earlier revision as not in the record, and gives the last', async () => {
    let refused = 0;
    for (const d of drafts) {
      const page = (await get(`/api/drafts/${d.id}`)).body;
      const last = page.lineage.at(-1);
      expect(last).toMatchObject({ symbol: d.symbol, textInRecord: true });
      for (const earlier of page.lineage.slice(0, -1)) {
        expect(earlier.textInRecord, earlier.symbol).toBe(false);
        const short = earlier.symbol.slice('CTOC/COP/2022/'.length);
        const compared = await get(`/api/drafts/${d.id}/compare?left=${encodeURIComponent(short)}&right=${encodeURIComponent(last.symbol)}`);
        expect(compared.status, earlier.symbol).toBe(404);
        expect(compared.body.error.id).toBe('text_not_in_record');
        const revision = await get(`/api/drafts/${d.id}/revisions/${earlier.revision}`);
        expect(revision.body).toMatchObject({ textInRecord: false, text: null });
        refused++;
      }
      expect((await get(`/api/drafts/${d.id}/revisions/${last.revision}`)).body.text).not.toBeNull();
    }
    expect(refused).toBe(10);
  });

  it('shows each draft frozen on its final text, L.10/Rev.2 as orally amended with the words of the amendment not in the record', async () => {
    for (const d of drafts) {
      const page = (await get(`/api/drafts/${d.id}`)).body;
      expect(page.status.frozen, d.symbol).toBe(true);
      expect(page.finalText, d.symbol).toMatchObject({ symbol: d.symbol, hash: page.status.frozenHash });
      expect(page.textReadOnly.reason).toBe('frozen');
      expect(page.finalText.asOrallyAmended).toBe(d.lNumber === 10);
    }
    const l10 = bySymbol('L.10/Rev.2');
    const amendments = (await get(`/api/drafts/${l10.id}/amendments`)).body;
    expect(amendments).toHaveLength(1);
    expect(amendments[0]).toMatchObject({ symbol: l10.symbol, amendment: { kind: 'words_not_in_record', accepted: true } });
    const page = (await get(`/api/drafts/${l10.id}`)).body;
    expect(page.provenance.find((p: Json) => p.kind === 'printed_version' && p.symbol === l10.symbol).note.en).toMatch(/as adopted, orally amended/);
    expect(page.provenance.filter((p: Json) => p.kind === 'original_language_not_in_record')).toHaveLength(1);
  });

  it('names no main sponsor but Chile, on L.9/Rev.1', async () => {
    const mains = [];
    for (const d of drafts) {
      const page = (await get(`/api/drafts/${d.id}`)).body;
      const main = page.sponsors.main;
      if (main) mains.push([d.symbol, main.name.en]);
    }
    expect(mains).toEqual([['CTOC/COP/2022/L.9/Rev.1', 'Chile']]);
  });

  it("writes the report's paragraphs 15–20 from the three recorded votes and their explanations", async () => {
    const zh = await get(`/api/sessions/${cop.id}/report?lang=zh`);
    expect(zh.status, JSON.stringify(zh.body)).toBe(200);
    const atMeeting2 = zh.body.paragraphs.filter((p: Json) => p.meeting === 2);
    const printed = printedVoteParagraphs().map((p, i) => VOTE_DEVIATIONS.filter(([para]) => para === 15 + i).reduce((text, [, from, to]) => text.replace(from, to), p));
    expect(atMeeting2.map((p: Json) => p.text)).toEqual(printed);
    expect(atMeeting2.map((p: Json) => p.kind)).toEqual(['vote', 'statement', 'vote', 'statement', 'vote', 'statement']);
    const en = await get(`/api/sessions/${cop.id}/report?lang=en`);
    expect(en.body.paragraphs.filter((p: Json) => p.meeting === 2).map((p: Json) => p.text)).toEqual(ENGLISH_VOTE_PARAGRAPHS);
  });

  it("writes every draft's action paragraph as the report prints it, and the President's conclusion on L.9/Rev.1 (para. 62)", async () => {
    const zh = (await get(`/api/sessions/${cop.id}/report?lang=zh`)).body;
    expect(zh.pending).toEqual([]);
    const actions = new Map(zh.paragraphs.filter((p: Json) => p.kind === 'action').map((p: Json) => [p.symbol, p.text]));
    expect([...actions.keys()].sort()).toEqual(drafts.map((d) => d.symbol).sort());
    // L.9/Rev.1's paragraph stops at the deferral (para. 50): the conclusion is a paragraph of its own.
    for (const p of PRINTED) expect(actions.get(p.symbol), p.symbol).toBe(houseStyle(p));
    const report = readFileSync(new URL('../../../bench/fixtures/cop11-report.zh.txt', import.meta.url), 'utf8');
    const para62 = report
      .split('\n')
      .find((l) => l.startsWith('62. '))!
      .slice('62. '.length)
      .trim();
    const conclusion = zh.paragraphs.find((p: Json) => p.kind === 'conclusion');
    expect(conclusion).toMatchObject({ meeting: 11, symbol: 'CTOC/COP/2022/L.9/Rev.1', text: para62 });
    // Chile's statement after the deferral, with the 42 co-sponsors it thanked (para. 51).
    const chile = zh.paragraphs.find((p: Json) => p.kind === 'statement' && p.meeting === 11);
    expect(chile.text).toMatch(/^智利代表.*他特别感谢其他42个共同提案国。$/);
    const en = (await get(`/api/sessions/${cop.id}/report?lang=en`)).body;
    const enActions = new Map(en.paragraphs.filter((p: Json) => p.kind === 'action').map((p: Json) => [p.symbol, p.text]));
    for (const [symbol, text] of Object.entries(ENGLISH)) {
      if (symbol.includes('L.9')) expect(text.startsWith(enActions.get(symbol) as string), symbol).toBe(true);
      else expect(enActions.get(symbol), symbol).toBe(text);
    }
  });

  describe('the illustrative draft', () => {
    let session: Json;
    let draft: Json;
    beforeAll(async () => {
      const chile = await signIn('delegate', 'chile');
      session = (await get('/api/sessions', chile)).body.find((s: Json) => s.symbolPrefix === 'ILLUSTRATIVE');
      [draft] = (await get(`/api/sessions/${session.id}/drafts`, chile)).body;
    });

    it('is listed in a session of its own, labelled illustrative, not part of the real session', async () => {
      expect(session.title.en).toMatch(/^Illustrative/);
      expect(draft).toMatchObject({ symbol: 'ILLUSTRATIVE/L.1/Rev.1', illustrative: true });
      expect(draft.title.en).toMatch(/^Illustrative draft \(not a real text\)/);
      expect(drafts.some((d) => d.id === draft.id)).toBe(false);
      const page = (await get(`/api/drafts/${draft.id}`)).body;
      expect(page.provenance).toEqual([expect.objectContaining({ kind: 'illustrative', symbol: null })]);
      expect(page.finalText).toBeNull();
      expect(page.status).toMatchObject({ state: 'revised', frozen: false });
    });

    it("lets the main sponsor's delegate edit it, and not a delegate of a non-sponsor", async () => {
      const asChile = (await get(`/api/drafts/${draft.id}`, await signIn('delegate', 'chile'))).body;
      expect(asChile.permissions.editText.allowed).toBe(true);
      const asChina = (await get(`/api/drafts/${draft.id}`, await signIn('delegate', 'china'))).body;
      expect(asChina.permissions.editText.allowed).toBe(false);
    });

    it('compares its original, Rev.1 and working text: reworded, inserted, deleted and moved paragraphs, brackets', async () => {
      const revisions = await get(`/api/drafts/${draft.id}/compare?left=L.1&right=L.1/Rev.1`);
      expect(revisions.status, JSON.stringify(revisions.body)).toBe(200);
      const statuses = revisions.body.paragraphs.map((p: Json) => p.status);
      for (const s of ['changed', 'inserted', 'deleted']) expect(statuses, s).toContain(s);
      expect(statuses.some((s: string) => s.startsWith('moved'))).toBe(true);
      const working = await get(`/api/drafts/${draft.id}/compare?left=L.1/Rev.1&right=working`);
      expect(working.status).toBe(200);
      const changed = working.body.paragraphs.filter((p: Json) => p.status === 'changed');
      expect(changed).toHaveLength(2);
      expect(changed.map((p: Json) => p.right.text).join(' ')).toContain('[compile / compile and publish]');
    });

    it('has two paragraphs marked by the chair, unchanged since they were marked', async () => {
      const states = (await get(`/api/drafts/${draft.id}/paragraph-states`)).body.states;
      expect(Object.keys(states).sort()).toEqual(['ill-op4', 'ill-pp1']);
      expect(states['ill-pp1']).toMatchObject({
        state: 'agreed',
        changedSinceAgreed: false,
        markedBy: expect.objectContaining({ displayName: 'Chair of informal consultations' }),
      });
      expect(states['ill-op4']).toMatchObject({ state: 'agreed_ad_ref', changedSinceAgreed: false });
      expect(states['ill-pp1'].textHash).toEqual(expect.any(String));
    });

    it("opens in the editor on its working text for Chile's delegate, who can type in it at once", async () => {
      const chile = server.penholder.demoAccounts!.find((a) => a.login.startsWith('chile@'))!;
      const { token } = await loginAs(server, chile.login, chile.password);
      const before = await server.store.lastSeq(draft.id);
      const { doc, provider } = connect(`${server.wsUrl}/collab`, draft.id, token);
      try {
        await synced(provider);
        expect(plainText(doc)).toContain('[compile / compile and publish]');
        // Block 3 is OP 1 (title, PP 1, PP 2 before it).
        typeInto(doc, 3, 0, 'Strongly ');
        await until(async () => (await server.store.lastSeq(draft.id)) > before, 5_000, "the delegate's words to be stored");
      } finally {
        provider.destroy();
      }
      const working = await get(`/api/drafts/${draft.id}/compare?left=L.1/Rev.1&right=working`);
      expect(working.body.paragraphs.find((p: Json) => p.right?.text.startsWith('Strongly Encourages'))).toBeDefined();
    });

    it('takes an oral amendment, an adoption as orally amended and a freeze on the amended text', async () => {
      const amended = await call(server, 'POST', `/api/drafts/${draft.id}/amendments`, {
        cookie,
        body: { paragraph: 'OP 1', kind: 'replace_words', words: 'good practices', text: 'lessons learned', proposedBy: null, accepted: true },
      });
      expect(amended.status, JSON.stringify(amended.body)).toBe(201);
      const adopted = await call(server, 'POST', `/api/drafts/${draft.id}/events`, {
        cookie,
        body: { type: 'adopted', payload: { meeting: 1, date: session.opens, vote: { kind: 'without_vote' }, orallyAmended: true } },
      });
      expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
      const frozen = await call(server, 'POST', `/api/drafts/${draft.id}/freeze`, { cookie, body: {} });
      expect(frozen.status, JSON.stringify(frozen.body)).toBeLessThan(300);
      const page = (await get(`/api/drafts/${draft.id}`)).body;
      expect(page.finalText).toMatchObject({ asOrallyAmended: true, hash: page.status.frozenHash });
      const final = await get(`/api/drafts/${draft.id}/compare?left=L.1/Rev.1&right=final`);
      expect(final.status).toBe(200);
      expect(final.body.paragraphs.find((p: Json) => p.status === 'changed').right.text).toContain('lessons learned');
    });
  });

  it('does not seed twice: a second start on the same data keeps what is there', async () => {
    const usersBefore = await server.store.countUsers();
    const again = await createPenholder(server.config, { seed: true, demoPasswords: 'fixed', log: () => undefined });
    try {
      expect(again.demoAccounts).toBeNull();
      expect(await again.store.countUsers()).toBe(usersBefore);
      expect((await again.store.listSessions()).map((s) => s.symbolPrefix)).toEqual(['CTOC/COP/2022', 'ILLUSTRATIVE']);
    } finally {
      await again.close();
    }
  });
});
