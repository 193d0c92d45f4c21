/**
 * What a member of a sponsoring group reads on the draft (sponsorshipNote), the secretariat's
 * route for a group's members, and the sponsor list as text in English and Chinese.
 */
import { beforeEach, expect, it } from 'vitest';
import type { DelegationRow } from '../../../server/storage/types';
import { makeDelegation, makeUser, makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from '../http/backends';
import { snapshot } from '../http/snapshot';
import { draftText, setWorkingText } from '../meeting/helpers';

const EU_MEMBERS = { en: 'also on behalf of its member States', zh: '也代表其成员国' };

await describeOnBackends('sponsorship note and the sponsor list as text', ({ server }) => {
  let w: World;
  let officer: SignedIn;
  let germany: SignedIn;
  let peru: SignedIn;
  let eu: DelegationRow;
  let deu: DelegationRow;
  beforeEach(async () => {
    const store = server().store;
    w = await makeWorld(store);
    eu = await makeDelegation(store, { en: 'European Union', zh: '欧洲联盟' }, 'regional');
    deu = await makeDelegation(store, { en: 'Germany', zh: '德国' });
    const german = await makeUser(store, 'delegate', { delegationId: deu.id });
    [officer, germany, peru] = await Promise.all([
      loginAs(server(), w.users.secretariat.login, TEST_PASSWORD),
      loginAs(server(), german.login, TEST_PASSWORD),
      loginAs(server(), w.users.nonSponsor.login, TEST_PASSWORD),
    ]);
  });
  const as = (who: SignedIn, method: string, path: string, body?: unknown) => call(server(), method, path, { cookie: who.cookie, body });
  const draftPath = (rest = '') => `/api/drafts/${w.draft.id}${rest}`;
  const addSponsor = (d: DelegationRow, onBehalfOf: typeof EU_MEMBERS | null = null) => as(officer, 'POST', draftPath('/sponsors'), { delegationId: d.id, onBehalfOf });

  it("tells Germany's delegate that the European Union sponsors on behalf of its member States, and nobody else", async () => {
    const members = await as(officer, 'PUT', `/api/delegations/${eu.id}/members`, { memberIds: [deu.id, deu.id] });
    expect(members.status).toBe(200);
    expect(members.body).toEqual({ groupId: eu.id, members: [{ id: deu.id, code: deu.code, name: { en: 'Germany', zh: '德国' }, kind: 'member' }] });
    expect((await as(peru, 'GET', `/api/delegations/${eu.id}/members`)).body.members.map((m: { id: string }) => m.id)).toEqual([deu.id]);
    expect((await as(germany, 'GET', draftPath())).body.sponsorshipNote).toBeNull(); // the EU does not sponsor yet
    expect((await addSponsor(eu, EU_MEMBERS)).status).toBe(201);

    const page = (await as(germany, 'GET', draftPath())).body;
    expect(page.sponsorshipNote).toBe('Germany is not a sponsor; the European Union sponsors on behalf of its member States');
    expect(page.yourSponsorship).toBeNull();
    expect(page.permissions.editText.allowed).toBe(false);
    // The proposal path and the request to co-sponsor stay open to Germany.
    expect(page.permissions.requestCosponsorship.allowed).toBe(true);
    expect((await as(peru, 'GET', draftPath())).body.sponsorshipNote).toBeNull();
    expect((await as(officer, 'GET', draftPath())).body.sponsorshipNote).toBeNull();
    // Once Germany sponsors in its own right, the note goes.
    expect((await addSponsor(deu)).status).toBe(201);
    expect((await as(germany, 'GET', draftPath())).body.sponsorshipNote).toBeNull();
  });

  it('says nothing when the European Union sponsors in its own name', async () => {
    await as(officer, 'PUT', `/api/delegations/${eu.id}/members`, { memberIds: [deu.id] });
    expect((await addSponsor(eu)).status).toBe(201);
    expect((await as(germany, 'GET', draftPath())).body.sponsorshipNote).toBeNull();
  });

  it("lets only the secretariat set a group's members, of a group, from known delegations", async () => {
    const before = await snapshot(server().store);
    const refused = await as(germany, 'PUT', `/api/delegations/${eu.id}/members`, { memberIds: [deu.id] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe('forbidden');
    const notGroup = await as(officer, 'PUT', `/api/delegations/${deu.id}/members`, { memberIds: [w.delegations.other.id] });
    expect(notGroup.status).toBe(422);
    expect(notGroup.body.error.message).toBe('Germany is not a group or a regional organization: it speaks for no members');
    expect((await as(officer, 'PUT', `/api/delegations/${eu.id}/members`, { memberIds: ['no-such-delegation'] })).status).toBe(422);
    expect((await as(officer, 'PUT', `/api/delegations/${eu.id}/members`, { memberIds: [eu.id] })).status).toBe(422);
    expect((await as(officer, 'PUT', `/api/delegations/${eu.id}/members`, { members: [] })).status).toBe(400);
    expect((await as(officer, 'PUT', '/api/delegations/no-such-group/members', { memberIds: [] })).status).toBe(404);
    expect(await snapshot(server().store)).toEqual(before);
    expect(await server().store.listGroupMembers()).not.toContainEqual({ groupId: eu.id, memberId: w.delegations.other.id });
  });

  it('exports the sponsor list as text in the six languages, in the English order of the report, names not recorded in a language in brackets', async () => {
    const palestine = await makeDelegation(server().store, { en: 'State of Palestine', zh: '巴勒斯坦国' }, 'observer');
    const saudi = await makeDelegation(server().store, { en: 'Saudi Arabia', zh: '沙特阿拉伯' });
    for (const d of [palestine, eu, saudi]) expect((await addSponsor(d, d === eu ? EU_MEMBERS : null)).status).toBe(201);
    const en = await as(peru, 'GET', draftPath('/sponsors.txt?lang=en'));
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const symbol = `${w.session.symbolPrefix}/L.1`;
    expect(en.body).toBe(
      `${symbol}\nStrengthening international cooperation\nSponsors: Chile, European Union (also on behalf of its member States), Saudi Arabia and State of Palestine\n`,
    );
    const zh = await as(peru, 'GET', draftPath('/sponsors.txt?lang=zh'));
    expect(zh.body).toBe(`${symbol}\n加强国际合作\n提案国：智利、欧洲联盟（也代表其成员国）、沙特阿拉伯和巴勒斯坦国\n`);
    expect((await as(peru, 'GET', draftPath('/sponsors.txt'))).body).toBe(en.body);
    // The factories record names in English and Chinese only: French prints them in brackets, in the English order still.
    const fr = await as(peru, 'GET', draftPath('/sponsors.txt?lang=fr'));
    expect(fr.status).toBe(200);
    expect(fr.body).toBe(
      `${symbol}\n[Strengthening international cooperation]\nAuteurs\u00a0: [Chile], [European Union] (également au nom de ses États membres), [Saudi Arabia] et [State of Palestine]\n`,
    );
    const ar = await as(peru, 'GET', draftPath('/sponsors.txt?lang=ar'));
    expect(ar.body).toBe(
      `${symbol}\n[Strengthening international cooperation]\nمقدمو المشروع: [Chile]، و[European Union] (باسم دوله الأعضاء أيضا)، و[Saudi Arabia]، و[State of Palestine]\n`,
    );
    expect((await as(peru, 'GET', draftPath('/sponsors.txt?lang=de'))).status).toBe(400);
    expect((await call(server(), 'GET', draftPath('/sponsors.txt'))).status).toBe(401);
    expect((await as(peru, 'GET', '/api/drafts/00000000-0000-4000-8000-000000000000/sponsors.txt')).status).toBe(404);
  });

  it('names apart, as the report does, those who joined after the text was issued', async () => {
    await setWorkingText(server().store, w.draft.id, draftText(), { userId: w.users.sponsor.id, delegationId: w.delegations.main.id });
    expect((await as(officer, 'POST', draftPath('/revisions'), { symbol: `${w.session.symbolPrefix}/L.1` })).status).toBe(201);
    // Peru asks and the penholder confirms: it joined after L.1 was issued.
    const asked = await as(peru, 'POST', draftPath('/sponsors/requests'), { kind: 'join' });
    const penholder = await loginAs(server(), w.users.sponsor.login, TEST_PASSWORD);
    expect((await as(penholder, 'POST', draftPath(`/sponsors/requests/${asked.body.id}/decision`), { decision: 'confirmed' })).status).toBe(200);
    const lines = async (lang: string) => ((await as(peru, 'GET', draftPath(`/sponsors.txt?lang=${lang}`))).body as string).split('\n').slice(2);
    expect(await lines('en')).toEqual(['Sponsors: Chile', 'Subsequently, Peru joined the sponsors.', '']);
    expect(await lines('zh')).toEqual(['提案国：智利', '随后，秘鲁加入提案国行列。', '']);
    expect(await lines('es')).toEqual(['Patrocinadores: [Chile]', 'Posteriormente, la siguiente delegación se sumó a los patrocinadores: [Peru].', '']);
    expect(await lines('ru')).toEqual(['Авторы: [Chile]', 'Впоследствии к числу авторов присоединилась следующая делегация: [Peru].', '']);
  });
});
