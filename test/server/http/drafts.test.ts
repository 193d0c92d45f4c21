import { beforeAll, expect, it } from 'vitest';
import { makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { draftText, setWorkingText } from '../meeting/helpers';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

const draftBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'decision',
  title: { en: 'Review mechanism', zh: '审议机制' },
  agendaItem: '2',
  language: 'zh',
  ...extra,
});

await describeOnBackends('drafts routes', ({ server }) => {
  let world: World;
  let officer: SignedIn;
  let chair: SignedIn;
  let sponsor: SignedIn;
  let nonSponsor: SignedIn;
  beforeAll(async () => {
    world = await makeWorld(server().store);
    officer = await loginAs(server(), world.users.secretariat.login, TEST_PASSWORD);
    chair = await loginAs(server(), world.users.chair.login, TEST_PASSWORD);
    sponsor = await loginAs(server(), world.users.sponsor.login, TEST_PASSWORD);
    nonSponsor = await loginAs(server(), world.users.nonSponsor.login, TEST_PASSWORD);
  });
  const prefix = () => world.session.symbolPrefix;
  const create = (who: SignedIn, body: Record<string, unknown>, sessionId = world.session.id) =>
    call(server(), 'POST', `/api/sessions/${sessionId}/drafts`, { cookie: who.cookie, body });

  it("lists a session's drafts with symbol, title, kind, status, sponsor count and last change", async () => {
    const res = await call(server(), 'GET', `/api/sessions/${world.session.id}/drafts`, { cookie: nonSponsor.cookie });
    expect(res.status).toBe(200);
    const l1 = res.body.find((d: { id: string }) => d.id === world.draft.id);
    expect(l1).toMatchObject({
      lNumber: 1,
      symbol: `${prefix()}/L.1`,
      kind: 'resolution',
      title: { en: 'Strengthening international cooperation', zh: '加强国际合作' },
      status: { state: 'drafted', label: { en: 'being drafted', zh: '起草中' } },
      sponsorCount: 1,
    });
    expect(Date.parse(l1.lastChangeAt)).not.toBeNaN();
  });

  it('tells each reader whether their delegation sponsors each draft, and how', async () => {
    const row = async (who: SignedIn) => {
      const res = await call(server(), 'GET', `/api/sessions/${world.session.id}/drafts`, { cookie: who.cookie });
      return res.body.find((d: { id: string }) => d.id === world.draft.id);
    };
    expect((await row(sponsor)).yourSponsorship).toBe('main');
    expect((await row(nonSponsor)).yourSponsorship).toBeNull();
    expect((await row(officer)).yourSponsorship).toBeNull();
  });

  it("sends each reader's permissions with the draft and with its row, as the policy decides them", async () => {
    const allowed = { allowed: true };
    const expected = [
      [officer, { editText: allowed, issueRevision: allowed, setParagraphState: allowed, recordEvent: { withdrawn: allowed } }],
      [chair, { editText: allowed, setParagraphState: allowed, issueRevision: { allowed: false, reason: "only the secretariat records this in the draft's record" } }],
      // The main sponsor's delegate may withdraw the draft — never issued, the table allows it — but not set states.
      [sponsor, { editText: allowed, recordEvent: { withdrawn: allowed, introduced: { allowed: false } }, setParagraphState: { allowed: false } }],
      [
        nonSponsor,
        {
          editText: { allowed: false, reason: 'only delegates of the sponsors, the chair and the secretariat may edit this text' },
          recordEvent: { withdrawn: { allowed: false } },
        },
      ],
    ] as const;
    for (const [who, permissions] of expected) {
      const page = await call(server(), 'GET', `/api/drafts/${world.draft.id}`, { cookie: who.cookie });
      expect(page.body.permissions, who.user.login).toMatchObject(permissions);
      const list = await call(server(), 'GET', `/api/sessions/${world.session.id}/drafts`, { cookie: who.cookie });
      expect(list.body.find((d: { id: string }) => d.id === world.draft.id).permissions, who.user.login).toEqual(page.body.permissions);
    }
  });

  it('refuses every write in the permissions of a frozen draft, with the reason', async () => {
    const w = await makeWorld(server().store);
    const { store } = server();
    await store.appendDraftEvent({ draftId: w.draft.id, type: 'issued', payload: { symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 }, userId: null });
    await store.appendDraftEvent({
      draftId: w.draft.id,
      type: 'adopted',
      payload: { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false },
      userId: null,
    });
    expect((await call(server(), 'GET', `/api/drafts/${w.draft.id}`, { cookie: officer.cookie })).body.permissions).toMatchObject({
      freeze: { allowed: true },
      issueRevision: { allowed: false, reason: 'cannot issue a text of a draft that has already been adopted' },
    });
    await store.appendDraftEvent({ draftId: w.draft.id, type: 'frozen', payload: { hash: 'abc' }, userId: null });
    const { permissions } = (await call(server(), 'GET', `/api/drafts/${w.draft.id}`, { cookie: officer.cookie })).body;
    expect(permissions.editText).toEqual({ allowed: false, reason: 'the text is frozen: nobody can change it' });
    expect(permissions.issueRevision).toEqual({ allowed: false, reason: 'the draft is frozen: its text is final' });
    expect(permissions.freeze).toEqual({ allowed: false, reason: 'the draft is already frozen' });
    expect(Object.values(permissions.recordEvent).every((p) => !(p as { allowed: boolean }).allowed)).toBe(true);
  });

  it('shows the symbol of the latest issued text, and counts sponsors as of today', async () => {
    const { draft, session, users, delegations } = await makeWorld(server().store);
    await setWorkingText(server().store, draft.id, draftText(), { userId: users.sponsor.id, delegationId: delegations.main.id });
    const issue = async (revision: number) => {
      const symbol = `${session.symbolPrefix}/L.1${revision ? `/Rev.${revision}` : ''}`;
      const res = await call(server(), 'POST', `/api/drafts/${draft.id}/revisions`, { cookie: officer.cookie, body: { symbol } });
      expect(res.status).toBe(201);
    };
    await issue(0);
    await issue(1);
    const [delegation] = await server().store.listDelegations();
    if (delegation === undefined) throw new Error('the world has no delegation');
    const future = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    expect((await call(server(), 'POST', `/api/drafts/${draft.id}/sponsors`, { cookie: officer.cookie, body: { delegationId: delegation.id, date: future } })).status).toBe(201);
    const list = await call(server(), 'GET', `/api/sessions/${session.id}/drafts`, { cookie: officer.cookie });
    const row = list.body.find((d: { id: string }) => d.id === draft.id);
    expect(row.symbol).toBe(`${session.symbolPrefix}/L.1/Rev.1`);
    expect(row.status.state).toBe('revised');
    // The join takes effect next week: today the main sponsor is alone.
    expect(row.sponsorCount).toBe(1);
    const detail = await call(server(), 'GET', `/api/drafts/${draft.id}`, { cookie: officer.cookie });
    expect(detail.body.lineage.map((l: { symbol: string }) => l.symbol)).toEqual([`${session.symbolPrefix}/L.1`, `${session.symbolPrefix}/L.1/Rev.1`]);
  });

  it('shows a draft with status, lineage, sponsors now, submitted by and chair', async () => {
    const res = await call(server(), 'GET', `/api/drafts/${world.draft.id}`, { cookie: sponsor.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: world.draft.id,
      symbol: `${prefix()}/L.1`,
      agendaItem: '4 (a)',
      language: 'en',
      lineage: [],
      submittedBy: null,
      chair: { id: world.users.chair.id, displayName: world.users.chair.displayName },
      session: { id: world.session.id, symbolPrefix: prefix() },
    });
    expect(res.body.sponsors.main).toMatchObject({ delegationId: world.delegations.main.id, name: { en: 'Chile', zh: '智利' }, since: '2022-10-17' });
    // The list printed in the six languages; a name not recorded in one is printed in brackets (shared/reportLanguage.ts).
    expect(res.body.sponsors.text).toEqual({ ar: '[Chile]', zh: '智利', en: 'Chile', fr: '[Chile]', ru: '[Chile]', es: '[Chile]' });
    expect(res.body.chair).not.toHaveProperty('login');
  });

  it('lets the secretariat put a draft forward with a main sponsor, numbered next in the session', async () => {
    const res = await create(officer, draftBody({ mainSponsorId: world.delegations.other.id, date: '2022-10-18' }));
    expect(res.status).toBe(201);
    const max = Math.max(...(await server().store.listDrafts(world.session.id)).map((d) => d.lNumber));
    expect(res.body.lNumber).toBe(max);
    expect(res.body.symbol).toBe(`${prefix()}/L.${max}`);
    expect(res.body.sponsors.main).toMatchObject({ delegationId: world.delegations.other.id, since: '2022-10-18' });
    expect(res.body).toMatchObject({ kind: 'decision', language: 'zh', status: { state: 'drafted' } });
  });

  it('lets the secretariat file a draft an officer submits, with no sponsor and a chosen L-number', async () => {
    const submittedBy = { en: 'the Chair of the Working Group on International Cooperation', zh: '国际合作工作组主席' };
    const res = await create(officer, draftBody({ lNumber: 40, submittedBy, chairUserId: world.users.chair.id }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ lNumber: 40, symbol: `${prefix()}/L.40`, submittedBy, sponsorCount: 0, chair: { id: world.users.chair.id } });
    expect(res.body.sponsors.main).toBeNull();
  });

  it("makes a delegate's own delegation the main sponsor", async () => {
    const res = await create(sponsor, draftBody());
    expect(res.status).toBe(201);
    expect(res.body.sponsors.main.delegationId).toBe(world.delegations.main.id);
    const named = await create(sponsor, draftBody({ mainSponsorId: world.delegations.main.id }));
    expect(named.status).toBe(201);
  });

  it('refuses a delegate putting a draft forward for another delegation, or setting what the secretariat sets', async () => {
    const before = await snapshot(server().store);
    for (const body of [
      draftBody({ mainSponsorId: world.delegations.other.id }),
      draftBody({ lNumber: 77 }),
      draftBody({ chairUserId: world.users.chair.id }),
      draftBody({ submittedBy: { en: 'the Chair', zh: '主席' } }),
    ]) {
      const res = await create(sponsor, body);
      expect(res.status, JSON.stringify(body)).toBe(403);
      expect(res.body.error.id).toBe('forbidden');
    }
    const byChair = await create(chair, draftBody());
    expect(byChair.status).toBe(403);
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('answers an L-number already used with 409, storing nothing', async () => {
    const before = await snapshot(server().store);
    const res = await create(officer, draftBody({ lNumber: 1, mainSponsorId: world.delegations.other.id }));
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ id: 'conflict', message: `${prefix()}/L.1 is already used in this session` });
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('numbers drafts put forward at the same moment one after another', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create(officer, draftBody())));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const numbers = results.map((r) => r.body.lNumber as number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(8);
    const [lowest = 0] = numbers;
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => lowest + i));
  });

  it('validates the body (400), refuses unknown references (422), unknown sessions (404)', async () => {
    const before = await snapshot(server().store);
    for (const body of [
      {},
      draftBody({ kind: 'treaty' }),
      draftBody({ lNumber: 0 }),
      draftBody({ title: 'x' }),
      draftBody({ language: 'Chinese' }),
      draftBody({ date: '21/10/2022' }),
      draftBody({ extra: 1 }),
    ]) {
      const res = await create(officer, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
    }
    expect((await create(officer, draftBody({ chairUserId: 'no-such-user' }))).status).toBe(422);
    expect((await create(officer, draftBody({ mainSponsorId: 'no-such-delegation' }))).status).toBe(422);
    expect((await create(officer, draftBody(), '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await snapshot(server().store)).toEqual(before);
  });

  it("takes a title in any of the six languages, requires only the draft's own language's (422), and stores nothing when refused", async () => {
    const french = await create(officer, draftBody({ language: 'fr', title: { fr: 'Mécanisme d’examen' } }));
    expect(french.status).toBe(201);
    expect(french.body.title).toEqual({ fr: 'Mécanisme d’examen' });
    // A Chinese draft with its title in Arabic and Chinese only: no English title is needed.
    const chinese = await create(officer, draftBody({ title: { ar: 'آلية الاستعراض', zh: '审议机制' } }));
    expect(chinese.status).toBe(201);
    expect((await call(server(), 'GET', `/api/drafts/${chinese.body.id}`, { cookie: nonSponsor.cookie })).body.title).toEqual({ ar: 'آلية الاستعراض', zh: '审议机制' });
    // A draft in a language outside the six needs a title in some language of the six.
    expect((await create(officer, draftBody({ language: 'de', title: { en: 'Review mechanism' } }))).status).toBe(201);

    const before = await snapshot(server().store);
    const noSpanish = await create(officer, draftBody({ language: 'es-419', title: { en: 'Review mechanism', fr: 'Mécanisme d’examen' } }));
    expect(noSpanish.status).toBe(422);
    expect(noSpanish.body.error.id).toBe('refused');
    expect(noSpanish.body.error.message).toContain('the title must be given in Spanish');
    const noChinese = await create(officer, draftBody({ title: { en: 'Review mechanism' } }));
    expect(noChinese.status).toBe(422);
    expect(noChinese.body.error.message).toContain('Chinese');
    for (const title of [{}, { de: 'Überprüfungsmechanismus' }, { zh: '审议机制', en: ' ' }]) {
      const res = await create(officer, draftBody({ title }));
      expect(res.status, JSON.stringify(title)).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it("serves the working text's history beside the draft (mounted from the collaboration unit)", async () => {
    const res = await call(server(), 'GET', `/api/drafts/${world.draft.id}/text`, { cookie: nonSponsor.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ draftId: world.draft.id, seq: 0 });
    expect((await call(server(), 'GET', `/api/drafts/${world.draft.id}/text`)).status).toBe(401);
  });

  it('serves exports and import previews on the same API, imports past the general JSON limit', async () => {
    const txt = await call(server(), 'GET', `/api/drafts/${world.draft.id}/export.txt`, { cookie: nonSponsor.cookie });
    expect(txt.status).toBe(200);
    const preview = await call(server(), 'POST', '/api/imports/preview', { cookie: sponsor.cookie, body: { text: 'Draft resolution\n\nThe Conference,\n\n1. Decides;' } });
    expect(preview.status).toBe(200);
    // A 1.5 MB Word file as base64 is over the 1 MB JSON limit but within the import's own.
    const docx = Buffer.alloc(1.5 * 1024 * 1024, 1).toString('base64');
    const big = await call(server(), 'POST', '/api/imports/preview', { cookie: sponsor.cookie, body: { docx } });
    expect(big.status).not.toBe(413);
  });

  it('needs a signed-in user', async () => {
    expect((await call(server(), 'GET', `/api/drafts/${world.draft.id}`)).status).toBe(401);
    expect((await call(server(), 'GET', `/api/sessions/${world.session.id}/drafts`)).status).toBe(401);
    expect((await call(server(), 'POST', `/api/sessions/${world.session.id}/drafts`, { body: draftBody() })).status).toBe(401);
  });
});
