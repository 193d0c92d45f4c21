/**
 * The demo's illustrative draft in negotiation with the whole room at work on it, read over HTTP
 * as a newcomer reads it: proposals pending from several delegations (one accepted, its words in
 * the working text and credited to the proposing delegation; one rejected), comment threads (one
 * resolved), a delegation asking to co-sponsor, the note a member State of the European Union
 * reads. And none of it on a draft of the eleventh session, whose report records no such thing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_TYPES, RecordTypes } from '../../../server/commands/meetingRecord';
import { ILLUSTRATIVE_PREFIX } from '../../../server/demo/illustrative';
import { ILLUSTRATIVE_WORDS } from '../../../server/demo/illustrativeWorkflow';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';

type Json = Record<string, any>;

describe('the demo: the whole room at work on the illustrative draft', () => {
  let server: TestServer;
  const cookies = new Map<string, string>();
  let illustrative: Json;
  let real: Json[];
  const as = async (name: string) => {
    if (!cookies.has(name)) {
      const a = server.penholder.demoAccounts!.find((x) => x.login.startsWith(`${name}@`))!;
      cookies.set(name, (await loginAs(server, a.login, a.password)).cookie);
    }
    return cookies.get(name)!;
  };
  const get = async (path: string, name = 'china') => {
    const res = await call(server, 'GET', path, { cookie: await as(name) });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    const sessions: Json[] = await get('/api/sessions', 'secretariat');
    const ill = sessions.find((s) => s.symbolPrefix === ILLUSTRATIVE_PREFIX)!;
    [illustrative] = await get(`/api/sessions/${ill.id}/drafts`, 'secretariat');
    real = [];
    for (const s of sessions.filter((x) => x.symbolPrefix !== ILLUSTRATIVE_PREFIX)) real.push(...(await get(`/api/sessions/${s.id}/drafts`, 'secretariat')));
  });
  afterAll(async () => server?.close());

  it('writes proposals, comments and requests on the illustrative draft only, none on a draft of the eleventh session', async () => {
    expect(real).toHaveLength(9);
    expect(illustrative).toMatchObject({ symbol: 'ILLUSTRATIVE/L.1/Rev.1', illustrative: true });
    // The draft's own note says the delegations' part is written for the demo too.
    const [note] = (await get(`/api/drafts/${illustrative.id}`)).provenance;
    expect(note.note.en).toContain("the delegations' proposals, comments and requests on it are written for the demo too");
    for (const d of real) {
      const rows = await server.store.listDraftEvents(d.id);
      expect(
        rows.filter((r) => CONVERSATION_TYPES.has(r.type)),
        d.symbol,
      ).toEqual([]);
    }
    const types = new Set((await server.store.listDraftEvents(illustrative.id)).map((r) => r.type));
    for (const t of [RecordTypes.proposalTabled, RecordTypes.proposalDecided, RecordTypes.commentAdded, RecordTypes.commentResolved, RecordTypes.cosponsorRequested]) {
      expect(types, t).toContain(t);
    }
  });

  it('lists no proposal, comment or co-sponsorship request on any draft of the eleventh session', async () => {
    for (const d of real) {
      const { proposals, counts } = await get(`/api/drafts/${d.id}/proposals`);
      expect(proposals, d.symbol).toEqual([]);
      expect(
        Object.values(counts).every((n) => n === 0),
        d.symbol,
      ).toBe(true);
      expect((await get(`/api/drafts/${d.id}/comments`)).threads, d.symbol).toEqual([]);
      expect((await get(`/api/drafts/${d.id}/sponsors/requests`)).requests, d.symbol).toEqual([]);
    }
    expect(real.every((d) => d.pendingProposals === 0)).toBe(true);
  });

  it('shows pending proposals of every kind from at least three delegations, one accepted and one rejected, none stale', async () => {
    const { proposals, counts } = await get(`/api/drafts/${illustrative.id}/proposals`);
    expect(counts).toMatchObject({ pending: 4, accepted: 1, rejected: 1, stale: 0 });
    const pending = proposals.filter((p: Json) => p.state === 'pending');
    expect(new Set(pending.map((p: Json) => p.delegation.code)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(pending.map((p: Json) => p.amendment.kind))).toEqual(new Set(['replace_words', 'insert_words', 'delete_words', 'insert_paragraph']));
    for (const p of proposals) {
      expect(p.rationale.startsWith(ILLUSTRATIVE_WORDS), p.rationale).toBe(true);
      expect(p.stale, p.described).toBe(false);
    }
    const decided = proposals.filter((p: Json) => p.state !== 'pending');
    expect(decided.map((p: Json) => [p.state, p.delegation.code, p.decidedBy?.displayName]).sort()).toEqual([
      ['accepted', 'USA', 'Delegate of Chile'],
      ['rejected', 'EU', 'Delegate of Chile'],
    ]);
    for (const p of decided) expect(p.note.startsWith(ILLUSTRATIVE_WORDS), p.note).toBe(true);
    // The drafts list counts them too.
    expect(illustrative.pendingProposals).toBe(4);
  });

  it("has the accepted proposal's words in the working text, written as one change credited to the proposing delegation", async () => {
    const rows = await server.store.listDraftEvents(illustrative.id);
    const decided = rows.filter((r) => r.type === RecordTypes.proposalDecided).map((r) => r.payload as Json);
    const accepted = decided.find((p) => p.state === 'accepted')!;
    expect(accepted.logSeq).toEqual(expect.any(Number));
    const [change] = await server.store.listUpdates(illustrative.id, accepted.logSeq - 1, accepted.logSeq);
    const usa = (await server.store.getUserByLogin('usa@demo.penholder'))!;
    expect(change).toMatchObject({ seq: accepted.logSeq, userId: usa.id, delegationId: usa.delegationId });
    expect(await server.store.lastSeq(illustrative.id)).toBe(accepted.logSeq);
    const working = await get(`/api/drafts/${illustrative.id}/compare?left=L.1/Rev.1&right=working`);
    const op1 = working.paragraphs.find((p: Json) => p.right?.text.includes('training programmes'));
    expect(op1.right.text).toContain('good practices on national training programmes[, including through regional networks];');
  });

  it('compares the working text with its pending proposals, each change credited to the delegation that proposed it', async () => {
    const cmp = await get(`/api/drafts/${illustrative.id}/compare?left=working&right=proposals`);
    const by = cmp.paragraphs.filter((p: Json) => p.status !== 'unchanged' && p.status !== 'renumbered-only').map((p: Json) => p.by.map((b: Json) => b.name).join());
    expect(by.sort()).toEqual(['China', 'Germany', 'India', 'Mexico']);
    expect(cmp.notes).toEqual([]);
  });

  it('shows comment threads from several delegations, one resolved, every word labelled illustrative', async () => {
    const { threads } = await get(`/api/drafts/${illustrative.id}/comments`);
    expect(threads).toHaveLength(2);
    expect(threads.map((t: Json) => t.resolved).sort()).toEqual([false, true]);
    const writers = new Set(threads.flatMap((t: Json) => t.comments.map((c: Json) => c.delegation?.code)));
    expect([...writers].sort()).toEqual(['CHL', 'CHN', 'DEU']);
    for (const t of threads) {
      expect(t.comments.length).toBeGreaterThanOrEqual(2);
      for (const c of t.comments) expect(c.body.startsWith(ILLUSTRATIVE_WORDS), c.body).toBe(true);
    }
    expect(threads.find((t: Json) => t.quote === '[compile / compile and publish]')).toMatchObject({ resolved: false, paragraphId: 'ill-op2' });
  });

  it('shows a pending request to co-sponsor from a delegation that is not a sponsor', async () => {
    const { requests } = await get(`/api/drafts/${illustrative.id}/sponsors/requests`, 'chile');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ kind: 'join', state: 'pending', delegation: expect.objectContaining({ code: 'IND' }) });
    const { sponsors } = await get(`/api/drafts/${illustrative.id}`, 'chile');
    expect(sponsors.text.en).toContain('Chile');
    expect(sponsors.text.en).not.toContain('India');
  });

  it("puts it in the inboxes of those it concerns: the penholder's, the proposers'", async () => {
    const chile = await get('/api/inbox?limit=50', 'chile');
    expect(chile.unread).toBeGreaterThan(0);
    expect(chile.items.every((i: Json) => i.draftId === illustrative.id)).toBe(true);
    const kinds = new Set(chile.items.map((i: Json) => i.kind));
    for (const k of ['proposal_tabled', 'comment_added', 'cosponsor_requested']) expect(kinds, k).toContain(k);
    const usa = await get('/api/inbox?limit=50', 'usa');
    expect(usa.items.filter((i: Json) => i.kind === 'proposal_decided')).toHaveLength(1);
    const eu = await get('/api/inbox?limit=50', 'eu');
    expect(eu.items.filter((i: Json) => i.kind === 'proposal_decided')).toHaveLength(1);
  });

  it('records the European Union as speaking for the demo delegations that are its member States', async () => {
    const members = await server.store.listGroupMembers();
    const codes = new Map((await server.store.listDelegations()).map((d) => [d.id, d.code]));
    expect(members.map((m) => [codes.get(m.groupId), codes.get(m.memberId)]).sort()).toEqual([
      ['EU', 'DEU'],
      ['EU', 'FRA'],
    ]);
  });

  it("tells Germany's delegate on the illustrative draft that the European Union sponsors on behalf of its member States", async () => {
    const page = await get(`/api/drafts/${illustrative.id}`, 'germany');
    expect(page.sponsorshipNote).toBe('Germany is not a sponsor; the European Union sponsors on behalf of its member States');
    expect((await get(`/api/drafts/${illustrative.id}`, 'china')).sponsorshipNote).toBeNull();
  });

  it("says it on a draft of the eleventh session only where the report lists the Union 'also on behalf of its member States'", async () => {
    const bySymbol = (symbol: string) => real.find((d) => d.symbol === `CTOC/COP/2022/${symbol}`)!;
    expect((await get(`/api/drafts/${bySymbol('L.9/Rev.1').id}`, 'germany')).sponsorshipNote).toBe(
      'Germany is not a sponsor; the European Union sponsors on behalf of its member States',
    );
    // L.6/Rev.1 lists the European Union without it (and France in its own name).
    expect((await get(`/api/drafts/${bySymbol('L.6/Rev.1').id}`, 'germany')).sponsorshipNote).toBeNull();
  });
});
