/**
 * The note for a member of a sponsoring group in the six languages (shared/sponsorship.ts
 * sponsorshipNotes): English as sponsorshipNote says it, the others said to the reader's
 * delegation, the group named as that language names it; no note where English has none.
 */
import { describe, expect, it } from 'vitest';
import type { DelegationKind } from '../../shared/delegations';
import { LANGUAGES } from '../../shared/languages';
import { sponsorsAsOf, sponsorshipNote, sponsorshipNotes, type NamedDelegation, type SponsorshipEvent } from '../../shared/sponsorship';

const EU = { en: 'European Union', fr: 'Union européenne', es: 'Unión Europea', ru: 'Европейский союз', ar: 'الاتحاد الأوروبي', zh: '欧洲联盟' };
const G77 = {
  en: 'Group of 77 and China',
  fr: 'Groupe des 77 et la Chine',
  es: 'Grupo de los 77 y China',
  ru: 'Группа 77 и Китай',
  ar: 'مجموعة الـ 77 والصين',
  zh: '77国集团和中国',
};
const named = (name: NamedDelegation['name'], kind: DelegationKind = 'member'): NamedDelegation => ({ name, kind });
const delegations = new Map<string, NamedDelegation>([
  ['EU', named(EU, 'regional')],
  ['G77', named(G77, 'group')],
  ['DEU', named({ en: 'Germany', fr: 'Allemagne' })],
  ['BRA', named({ en: 'Brazil' })],
  ['CHL', named({ en: 'Chile' })],
]);
const members = [
  { groupId: 'EU', memberId: 'DEU' },
  { groupId: 'G77', memberId: 'BRA' },
  { groupId: 'G77', memberId: 'DEU' },
];
const list = (...joined: string[]) => {
  const events: SponsorshipEvent[] = [{ seq: 1, delegationId: 'CHL', type: 'main', date: '2022-10-17', onBehalfOf: null }];
  for (const code of joined)
    events.push({
      seq: events.length + 1,
      delegationId: code.replace('*', ''),
      type: 'join',
      date: '2022-10-18',
      onBehalfOf: code.endsWith('*') ? { en: 'on behalf of its members' } : null,
    });
  return sponsorsAsOf(events);
};

describe('sponsorshipNotes', () => {
  it('says the note in the six languages, English as sponsorshipNote', () => {
    const notes = sponsorshipNotes(list('EU*'), members, 'DEU', delegations)!;
    expect(Object.keys(notes).sort()).toEqual([...LANGUAGES].sort());
    expect(notes.en).toBe(sponsorshipNote(list('EU*'), members, 'DEU', delegations));
    expect(notes.fr).toBe('Votre délégation ne figure pas parmi les auteurs ; auteur au nom de ses États membres : Union européenne');
    expect(notes.es).toBe('Su delegación no figura entre los patrocinadores; patrocina en nombre de sus Estados miembros: Unión Europea');
    expect(notes.ru).toBe('Ваша делегация не входит в число авторов; автор от имени своих государств-членов: Европейский союз');
    expect(notes.ar).toBe('وفدكم ليس من مقدمي المشروع؛ مقدم المشروع باسم الدول الأعضاء فيه: الاتحاد الأوروبي');
    expect(notes.zh).toBe('贵代表团不是提案国；代表其成员国提出草案的是：欧洲联盟');
  });

  it('names a group of States by its members, and several groups together', () => {
    expect(sponsorshipNotes(list('G77*'), members, 'BRA', delegations)?.fr).toBe(
      'Votre délégation ne figure pas parmi les auteurs ; auteur au nom de ses membres : Groupe des 77 et la Chine',
    );
    const both = sponsorshipNotes(list('EU*', 'G77*'), members, 'DEU', delegations)!;
    expect(both.es).toBe('Su delegación no figura entre los patrocinadores; patrocinan en nombre de sus miembros: Unión Europea y Grupo de los 77 y China');
    expect(both.zh).toBe('贵代表团不是提案国；代表其成员提出草案的是：欧洲联盟和77国集团和中国');
  });

  it('says nothing where English says nothing', () => {
    expect(sponsorshipNotes(list('EU*', 'DEU'), members, 'DEU', delegations)).toBeNull();
    expect(sponsorshipNotes(list('EU'), members, 'DEU', delegations)).toBeNull();
    expect(sponsorshipNotes(list('EU*'), members, null, delegations)).toBeNull();
  });
});
