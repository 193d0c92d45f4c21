import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LocalizedText } from '../../shared/delegations';
import type { NewSponsorshipEvent, SponsorshipEventRow } from '../../server/storage/types';
import {
  checkSponsorshipChange,
  currentSponsors,
  formatJoinedAfter,
  formatSponsorList,
  formatSponsoredBy,
  formatSubmittedBy,
  joinList,
  sortByEnglishName,
  splitAtIssue,
  sponsorRole,
  sponsorsAsOf,
  type ProposedSponsorshipEvent,
  type SponsorEntry,
  type SponsorList,
  type SponsorshipEvent,
} from '../../shared/sponsorship';

// Stored rows and new rows are sponsorship events as they are (checked by tsc).
const fromRow = (r: SponsorshipEventRow): SponsorshipEvent => r;
const fromNew = (r: NewSponsorshipEvent): ProposedSponsorshipEvent => r;

const EU_MEMBERS: LocalizedText = { en: 'also on behalf of its member States', zh: '也代表其成员国' };

/** A record from lines "DATE TYPE CODE…"; a code ending in * acts on behalf of its member States. */
function rec(...lines: string[]): SponsorshipEvent[] {
  const events: SponsorshipEvent[] = [];
  for (const line of lines) {
    const [date, type, ...codes] = line.split(' ');
    if (date === undefined || type === undefined) throw new Error(`"${line}" is not "DATE TYPE CODE…"`);
    for (const code of codes) {
      const behalf = code.endsWith('*');
      events.push({
        seq: events.length + 1,
        date,
        type: type as SponsorshipEvent['type'],
        delegationId: behalf ? code.slice(0, -1) : code,
        onBehalfOf: behalf ? EU_MEMBERS : null,
      });
    }
  }
  return events;
}
const ids = (list: SponsorList) => currentSponsors(list).map((s) => s.delegationId);
const change = (line: string): ProposedSponsorshipEvent => {
  const [first] = rec(line);
  if (first === undefined) throw new Error(`"${line}" records no change`);
  const { seq: _seq, ...e } = first;
  return e;
};
const names: Record<string, string> = { CHL: 'Chile', AUS: 'Australia', PER: 'Peru' };
const nameOf = (id: string) => names[id] ?? id;
/** Entries from "English/中文" pairs; a trailing * acts on behalf of its member States. */
const entries = (...pairs: string[]): SponsorEntry[] =>
  pairs.map((p) => {
    const [en, zh] = p.replace(/\*$/, '').split('/');
    if (en === undefined || zh === undefined) throw new Error(`"${p}" is not "English/中文"`);
    return { name: { en, zh }, onBehalfOf: p.endsWith('*') ? EU_MEMBERS : null };
  });

describe('the sponsor list as of a date', () => {
  const events = rec('2022-10-17 main CHL', '2022-10-18 join AUS PER EU*', '2022-10-19 withdraw PER', '2022-10-20 join PER');

  it('derives main sponsor, co-sponsors with their joining date, and withdrawals', () => {
    const at19 = sponsorsAsOf(events, '2022-10-19');
    expect(at19.main).toEqual({ delegationId: 'CHL', since: '2022-10-17', seq: 1, onBehalfOf: null });
    expect(at19.coSponsors.map((s) => [s.delegationId, s.since])).toEqual([
      ['AUS', '2022-10-18'],
      ['EU', '2022-10-18'],
    ]);
    expect(at19.coSponsors[1]?.onBehalfOf).toEqual(EU_MEMBERS);
    expect(at19.withdrawn).toEqual([{ delegationId: 'PER', since: '2022-10-18', withdrawn: '2022-10-19', seq: 5 }]);
  });

  it('lets a delegation join, withdraw and join again', () => {
    const now = sponsorsAsOf(events);
    expect(ids(now)).toEqual(['CHL', 'AUS', 'EU', 'PER']);
    expect(now.coSponsors.at(-1)).toMatchObject({ delegationId: 'PER', since: '2022-10-20' });
    expect(now.withdrawn).toEqual([]);
  });

  it('counts the date itself, and nothing before the first change', () => {
    expect(ids(sponsorsAsOf(events, '2022-10-18'))).toEqual(['CHL', 'AUS', 'PER', 'EU']);
    expect(sponsorsAsOf(events, '2022-10-16')).toEqual({ main: null, coSponsors: [], withdrawn: [] });
    expect(sponsorsAsOf([...events].reverse())).toEqual(sponsorsAsOf(events));
  });

  it('hands the draft over when another main sponsor is named', () => {
    const list = sponsorsAsOf(rec('2022-10-17 main CHL', '2022-10-18 join AUS', '2022-10-19 main AUS'));
    expect(list.main).toMatchObject({ delegationId: 'AUS', since: '2022-10-18' });
    expect(list.coSponsors.map((s) => s.delegationId)).toEqual(['CHL']);
  });

  it('accepts stored rows as they are', () => {
    const row: SponsorshipEventRow = {
      seq: 1,
      draftId: 'd',
      delegationId: 'CHL',
      type: 'main',
      date: '2022-10-17',
      onBehalfOf: null,
      recordedBy: null,
      recordedAt: '2022-10-17T09:00:00.000Z',
    };
    expect(sponsorsAsOf([fromRow(row)]).main?.delegationId).toBe('CHL');
    expect(fromNew({ ...row, draftId: 'd' }).type).toBe('main');
  });

  it('throws on a malformed date or a corrupt record (programmer errors)', () => {
    expect(() => sponsorsAsOf(events, '21/10/2022')).toThrow(RangeError);
    expect(() => sponsorsAsOf(rec('2022-10-17 join AUS', '2022-10-18 join AUS'))).toThrow(/seq 2: AUS already sponsors/);
  });
});

describe('checking a change', () => {
  const events = rec('2022-10-17 main CHL', '2022-10-18 join AUS PER', '2022-10-19 withdraw PER');
  const refusal = (line: string) => {
    const r = checkSponsorshipChange(events, change(line), nameOf);
    return r.ok ? null : r.error;
  };

  it('gives the list after an accepted change', () => {
    const r = checkSponsorshipChange(events, change('2022-10-19 join EU*'), nameOf);
    expect(r.ok && ids(r.value)).toEqual(['CHL', 'AUS', 'EU']);
    expect(r.ok && r.value).toEqual(sponsorsAsOf([...events, { ...change('2022-10-19 join EU*'), seq: 5 }]));
  });

  it('refuses with a message a user can read', () => {
    expect(refusal('2022-10-20 join AUS')).toBe('Australia already sponsors this draft');
    expect(refusal('2022-10-20 join CHL')).toBe('Chile is the main sponsor of this draft');
    expect(refusal('2022-10-20 main CHL')).toBe('Chile is already the main sponsor of this draft');
    expect(refusal('2022-10-20 withdraw CHL')).toBe('Chile is the main sponsor and cannot withdraw; the draft itself is withdrawn instead');
    expect(refusal('2022-10-20 withdraw JPN')).toBe('JPN does not sponsor this draft');
    expect(refusal('2022-10-20 withdraw PER')).toBe('Peru already withdrew from sponsoring this draft on 2022-10-19');
    expect(refusal('2022-10-18 join JPN')).toBe('a change to the sponsors cannot be dated 2022-10-18: the last one is dated 2022-10-19');
    expect(refusal('2022-02-30 join JPN')).toBe('"2022-02-30" is not a date (YYYY-MM-DD)');
  });

  it('refuses joining twice with the delegation named ("Chile already sponsors this draft")', () => {
    const r = checkSponsorshipChange(rec('2022-10-17 join CHL'), change('2022-10-18 join CHL'), nameOf);
    expect(r).toEqual({ ok: false, error: 'Chile already sponsors this draft' });
  });

  it('accepts a change dated the same day as the last one, and a withdrawn sponsor joining again', () => {
    expect(refusal('2022-10-19 join PER')).toBeNull();
  });

  it('keeps the record consistent whatever changes are proposed', () => {
    const codes = ['CHL', 'AUS', 'PER', 'EU'];
    const proposal = fc.record({
      delegationId: fc.constantFrom(...codes),
      type: fc.constantFrom('main' as const, 'join' as const, 'withdraw' as const),
      day: fc.integer({ min: 17, max: 21 }),
    });
    fc.assert(
      fc.property(fc.array(proposal, { maxLength: 30 }), (proposals) => {
        const log: SponsorshipEvent[] = [];
        for (const p of proposals) {
          const next = { delegationId: p.delegationId, type: p.type, date: `2022-10-${p.day}`, onBehalfOf: null };
          const r = checkSponsorshipChange(log, next);
          if (!r.ok) continue;
          log.push({ ...next, seq: log.length + 1 });
          const list = sponsorsAsOf(log);
          expect(r.value).toEqual(list);
          const now = ids(list);
          expect(new Set(now).size).toBe(now.length);
          for (const w of list.withdrawn) expect(now).not.toContain(w.delegationId);
        }
        // Every date's list is the list of the events up to that date.
        for (const e of log) {
          expect(sponsorsAsOf(log, e.date)).toEqual(sponsorsAsOf(log.filter((x) => x.date <= e.date)));
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe('order and form of the lists', () => {
  it('sorts by the English name in every language, accents aside', () => {
    const sorted = sortByEnglishName(entries('Croatia/克罗地亚', "Côte d'Ivoire/科特迪瓦", 'Costa Rica/哥斯达黎加', 'Turkmenistan/土库曼斯坦', 'Türkiye/土耳其'));
    expect(sorted.map((e) => e.name.en)).toEqual(['Costa Rica', "Côte d'Ivoire", 'Croatia', 'Türkiye', 'Turkmenistan']);
    const zh = formatSponsorList(entries('United Kingdom/联合王国', 'State of Palestine/巴勒斯坦国', 'Algeria/阿尔及利亚'), 'zh');
    expect(zh).toBe('阿尔及利亚、巴勒斯坦国和联合王国');
  });

  it('joins the last two with "and" / 和, without a serial comma', () => {
    expect([0, 1, 2, 3].map((n) => joinList(['A', 'B', 'C'].slice(0, n), 'en'))).toEqual(['', 'A', 'A and B', 'A, B and C']);
    expect([0, 1, 2, 3].map((n) => joinList(['甲', '乙', '丙'].slice(0, n), 'zh'))).toEqual(['', '甲', '甲和乙', '甲、乙和丙']);
  });

  it('writes "on behalf of" with the parentheses of each language', () => {
    const eu = entries('European Union/欧洲联盟*');
    expect(formatSponsorList(eu, 'en')).toBe('European Union (also on behalf of its member States)');
    expect(formatSponsorList(eu, 'zh')).toBe('欧洲联盟（也代表其成员国）');
  });
});

// The eleventh session of the Conference of the Parties to UNTOC (fixtures/cop11-session.json;
// expected strings copied from the Chinese report, cop11-report.zh.txt).
describe('the drafts of COP 11', () => {
  const L4 = entries('United States/美国', 'United Kingdom/联合王国');
  const wgChair: LocalizedText = {
    en: 'Chair of the Working Group on International Cooperation',
    zh: '国际合作工作组主席',
  };

  it('L.4: submitted by the Chair, sponsored by the United Kingdom and the United States', () => {
    expect(formatSponsorList(L4, 'en')).toBe('United Kingdom and United States');
    expect(formatSponsorList(L4, 'zh')).toBe('联合王国和美国');
    expect(formatSubmittedBy(wgChair, 'en')).toBe('submitted by the Chair of the Working Group on International Cooperation');
    expect(formatSubmittedBy(wgChair, 'zh')).toBe('国际合作工作组主席提交的');
    // Report, para. 124, rebuilt from the pieces.
    const para = `缔约方会议在 2022 年 10 月 21 日第 11 次会议上通过了${formatSubmittedBy(wgChair, 'zh')}决议草案（CTOC/COP/2022/L.4），${formatSponsoredBy(L4, 'zh')}。`;
    expect(para).toBe('缔约方会议在 2022 年 10 月 21 日第 11 次会议上通过了国际合作工作组主席提交的决议草案（CTOC/COP/2022/L.4），提案国有：联合王国和美国。');
    expect(`the draft resolution ${formatSubmittedBy(wgChair, 'en')} (CTOC/COP/2022/L.4), ${formatSponsoredBy(L4, 'en')}`).toBe(
      'the draft resolution submitted by the Chair of the Working Group on International Cooperation (CTOC/COP/2022/L.4), sponsored by United Kingdom and United States',
    );
  });

  it('L.5: a single sponsor, "提案国是美国"', () => {
    expect(formatSponsoredBy(entries('United States/美国'), 'zh')).toBe('提案国是美国');
    expect(formatSponsoredBy([], 'zh')).toBe('');
  });

  it("L.6/Rev.1 and L.10/Rev.2, in the report's order", () => {
    const L6 = entries('United States/美国', 'France/法国', 'European Union/欧洲联盟', 'United Kingdom/联合王国');
    expect(formatSponsorList(L6, 'zh')).toBe('欧洲联盟、法国、联合王国和美国');
    const L10 = entries(
      'Paraguay/巴拉圭',
      'Mexico/墨西哥',
      'Jamaica/牙买加',
      'Honduras/洪都拉斯',
      'Guatemala/危地马拉',
      'France/法国',
      'El Salvador/萨尔瓦多',
      'Ecuador/厄瓜多尔',
      'Brazil/巴西',
    );
    expect(formatSponsorList(L10, 'zh')).toBe('巴西、厄瓜多尔、萨尔瓦多、法国、危地马拉、洪都拉斯、牙买加、墨西哥和巴拉圭');
  });

  it('L.7/Rev.2: 14 sponsors, the State of Palestine under S in Chinese too', () => {
    // Given in Chinese-dictionary order on purpose: the output must follow the English names.
    const L7 = sortByEnglishName(
      entries(
        'Yemen/也门',
        'Sudan/苏丹',
        'State of Palestine/巴勒斯坦国',
        'Saudi Arabia/沙特阿拉伯',
        'Qatar/卡塔尔',
        'Pakistan/巴基斯坦',
        'Mexico/墨西哥',
        'Lebanon/黎巴嫩',
        'Kuwait/科威特',
        'Jordan/约旦',
        'Honduras/洪都拉斯',
        'El Salvador/萨尔瓦多',
        'Egypt/埃及',
        'Algeria/阿尔及利亚',
      ),
    ).sort((a, b) => (a.name.zh ?? '').localeCompare(b.name.zh ?? '', 'zh'));
    expect(L7).toHaveLength(14);
    expect(formatSponsorList(L7, 'zh')).toBe('阿尔及利亚、埃及、萨尔瓦多、洪都拉斯、约旦、科威特、黎巴嫩、墨西哥、巴基斯坦、卡塔尔、沙特阿拉伯、巴勒斯坦国、苏丹和也门');
    expect(formatSponsorList(L7, 'en')).toBe(
      'Algeria, Egypt, El Salvador, Honduras, Jordan, Kuwait, Lebanon, Mexico, Pakistan, Qatar, Saudi Arabia, State of Palestine, Sudan and Yemen',
    );
  });

  it('L.8/Rev.2: the European Union also on behalf of its member States', () => {
    const L8 = entries(
      'Andorra/安道尔',
      'Australia/澳大利亚',
      'Brazil/巴西',
      'Canada/加拿大',
      'Chile/智利',
      'Colombia/哥伦比亚',
      'Costa Rica/哥斯达黎加',
      'Ecuador/厄瓜多尔',
      'El Salvador/萨尔瓦多',
      'European Union/欧洲联盟*',
      'Guatemala/危地马拉',
      'Honduras/洪都拉斯',
      'Israel/以色列',
      'Mexico/墨西哥',
      'New Zealand/新西兰',
      'Norway/挪威',
      'Panama/巴拿马',
      'Paraguay/巴拉圭',
      'State of Palestine/巴勒斯坦国',
      'Switzerland/瑞士',
      'Thailand/泰国',
      'United Kingdom/联合王国',
      'United States/美国',
    ).reverse();
    expect(formatSponsoredBy(L8, 'zh')).toBe(
      '提案国有：安道尔、澳大利亚、巴西、加拿大、智利、哥伦比亚、哥斯达黎加、厄瓜多尔、萨尔瓦多、欧洲联盟（也代表其成员国）、危地马拉、洪都拉斯、以色列、墨西哥、新西兰、挪威、巴拿马、巴拉圭、巴勒斯坦国、瑞士、泰国、联合王国和美国',
    );
    expect(formatSponsorList(L8, 'en')).toContain('El Salvador, European Union (also on behalf of its member States), Guatemala');
    expect(formatSponsorList(L8, 'en')).toMatch(/Paraguay, State of Palestine, Switzerland, Thailand, United Kingdom and United States$/);
  });

  describe('L.9/Rev.1: main sponsor Chile, co-sponsors joining after issue', () => {
    // The report's footnote lists the 13 sponsors of the issued text; at the meeting Chile
    // thanked 42 other co-sponsors, adding Canada, Ecuador, Guatemala and the EU member States
    // one by one. Dates are modelled: issued on 19 October, joins on the 20th and 21st.
    const directory: Record<string, LocalizedText> = {};
    const put = (code: string, en: string, zh: string) => (directory[code] = { en, zh });
    put('CHL', 'Chile', '智利');
    const atIssue =
      'AUS Australia 澳大利亚|COL Colombia 哥伦比亚|CRI Costa_Rica 哥斯达黎加|DOM Dominican_Republic 多米尼加共和国|EU European_Union 欧洲联盟|HND Honduras 洪都拉斯|JPN Japan 日本|NOR Norway 挪威|PER Peru 秘鲁|CHE Switzerland 瑞士|GBR United_Kingdom_of_Great_Britain_and_Northern_Ireland 大不列颠及北爱尔兰联合王国|USA United_States_of_America 美利坚合众国';
    const others = 'CAN Canada 加拿大|ECU Ecuador 厄瓜多尔|GTM Guatemala 危地马拉';
    const euMembers =
      'AUT Austria 奥地利|BEL Belgium 比利时|BGR Bulgaria 保加利亚|HRV Croatia 克罗地亚|CYP Cyprus 塞浦路斯|CZE Czechia 捷克|DNK Denmark 丹麦|EST Estonia 爱沙尼亚|FIN Finland 芬兰|FRA France 法国|DEU Germany 德国|GRC Greece 希腊|HUN Hungary 匈牙利|IRL Ireland 爱尔兰|ITA Italy 意大利|LVA Latvia 拉脱维亚|LTU Lithuania 立陶宛|LUX Luxembourg 卢森堡|MLT Malta 马耳他|NLD Netherlands 荷兰|POL Poland 波兰|PRT Portugal 葡萄牙|ROU Romania 罗马尼亚|SVK Slovakia 斯洛伐克|SVN Slovenia 斯洛文尼亚|ESP Spain 西班牙|SWE Sweden 瑞典';
    const codes = (table: string) =>
      table.split('|').map((row) => {
        const [code, en, zh] = row.split(' ');
        if (code === undefined || en === undefined || zh === undefined) throw new Error(`"${row}" is not "CODE English 中文"`);
        put(code, en.replaceAll('_', ' '), zh);
        return code;
      });
    const [issued, late, members] = [codes(atIssue), codes(others), codes(euMembers)];
    const events = rec(
      '2022-10-18 main CHL',
      `2022-10-18 join ${issued.map((c) => (c === 'EU' ? 'EU*' : c)).join(' ')}`,
      `2022-10-20 join ${late.join(' ')} ${members.slice(0, 10).join(' ')}`,
      `2022-10-21 join ${members.slice(10).join(' ')}`,
    );
    const named = (list: readonly { delegationId: string; onBehalfOf: LocalizedText | null }[]) =>
      list.map((s) => {
        const name = directory[s.delegationId];
        if (name === undefined) throw new Error(`no name for ${s.delegationId} in the directory`);
        return { name, onBehalfOf: s.onBehalfOf };
      });
    const split = splitAtIssue(events, { date: '2022-10-19' }, '2022-10-21');

    it('the issued text lists its 13 sponsors, as the footnote does', () => {
      expect(split.atIssue.map((s) => s.delegationId)[0]).toBe('CHL');
      expect(formatSponsorList(named(split.atIssue), 'zh')).toBe(
        // The footnote prints "、" before the last name too; the house joins it with 和.
        '澳大利亚、智利、哥伦比亚、哥斯达黎加、多米尼加共和国、欧洲联盟（也代表其成员国）、洪都拉斯、日本、挪威、秘鲁、瑞士、大不列颠及北爱尔兰联合王国和美利坚合众国',
      );
      expect(splitAtIssue(events, { seq: 13 }).atIssue).toEqual(split.atIssue);
    });

    it('by the meeting Chile had 42 co-sponsors; those who joined after issue are listed apart', () => {
      expect(currentSponsors(split.now).filter((s) => s.delegationId !== 'CHL')).toHaveLength(42);
      expect(split.joinedAfter).toHaveLength(30);
      expect(split.withdrawnAfter).toEqual([]);
      expect(split.joinedAfter.map((s) => s.delegationId)).not.toContain('AUS');
      expect(formatJoinedAfter(named(split.joinedAfter), 'zh')).toBe(
        '随后，奥地利、比利时、保加利亚、加拿大、克罗地亚、塞浦路斯、捷克、丹麦、厄瓜多尔、爱沙尼亚、芬兰、法国、德国、希腊、危地马拉、匈牙利、爱尔兰、意大利、拉脱维亚、立陶宛、卢森堡、马耳他、荷兰、波兰、葡萄牙、罗马尼亚、斯洛伐克、斯洛文尼亚、西班牙和瑞典加入提案国行列。',
      );
      expect(formatJoinedAfter(named(split.joinedAfter.slice(0, 2)), 'en')).toBe('Subsequently, Canada and Ecuador joined the sponsors.');
    });

    it('as of the 20th, only those who had joined by then', () => {
      expect(splitAtIssue(events, { seq: 13 }, '2022-10-20').joinedAfter).toHaveLength(13);
    });

    it('a sponsor who withdraws after issue is shown as such', () => {
      const later = [...events, { seq: 50, date: '2022-10-21', type: 'withdraw' as const, delegationId: 'JPN', onBehalfOf: null }];
      const s = splitAtIssue(later, { seq: 13 });
      expect(s.withdrawnAfter.map((w) => [w.delegationId, w.withdrawn])).toEqual([['JPN', '2022-10-21']]);
      expect(s.atIssue).toHaveLength(13);
    });
  });
});

describe('sponsorRole', () => {
  it('says how a delegation sponsors a list: main, co-sponsor, or not at all', () => {
    const list = sponsorsAsOf([
      { seq: 1, delegationId: 'CHL', type: 'main', date: '2022-10-17', onBehalfOf: null },
      { seq: 2, delegationId: 'PER', type: 'join', date: '2022-10-17', onBehalfOf: null },
      { seq: 3, delegationId: 'USA', type: 'join', date: '2022-10-17', onBehalfOf: null },
      { seq: 4, delegationId: 'USA', type: 'withdraw', date: '2022-10-18', onBehalfOf: null },
    ]);
    expect(['CHL', 'PER', 'USA', 'FRA'].map((d) => sponsorRole(list, d))).toEqual(['main', 'co-sponsor', null, null]);
    expect(sponsorRole(list, null)).toBeNull();
  });
});
