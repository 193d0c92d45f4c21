import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveStatus, type DraftEvent, type DraftStatus, type FinalAction } from '../../shared/lifecycle';
import type { ActionParagraphInput } from '../../shared/reportActionFacts';
import { actionTakenSection, englishName, englishSponsoredBy, reportParagraph } from '../../shared/reportParagraph';
import { CONFERENCE, ENGLISH, EXTRA, houseStyle, L9_AFTER, L9_TITLE_EN, PRINTED } from '../fixtures/cop11Report';

// The facts of the eleventh session's nine drafts.
const session = JSON.parse(readFileSync(new URL('../../server/demo/fixtures/cop11-session.json', import.meta.url), 'utf8'));
const REPORT = new URL('../../bench/fixtures/cop11-report.zh.txt', import.meta.url);

function actionOf(fact: any): FinalAction {
  const a = fact.action;
  if (a.type === 'deferred')
    return { type: 'deferred', meeting: a.meeting, date: a.date, decidedBy: a.decidedBy, toSession: null, noAction: a.noAction, annexedToReport: a.annexedToReport };
  const [kind, number] = a.becomes.split(' ');
  return { type: 'adopted', meeting: a.meeting, date: a.date, vote: { kind: 'without_vote' }, orallyAmended: a.orallyAmended === true, becomes: { kind, number } };
}

function inputOf(symbol: string): ActionParagraphInput {
  const fact = session.drafts.find((d: any) => d.symbol === symbol);
  return {
    body: CONFERENCE,
    symbol,
    kind: fact.kind,
    title: { en: symbol.includes('L.9') ? L9_TITLE_EN : '', zh: fact.title.zh },
    submittedBy: fact.submittedBy ?? null,
    sponsors: (fact.sponsors ?? []).map((s: any) => ({ name: { en: s.en, zh: s.zh }, onBehalfOf: s.onBehalfOf ?? null })),
    action: actionOf(fact),
    printedIn: { chapter: 1, section: fact.kind === 'resolution' ? 'A' : 'B' },
    session: session.session.number,
    agendaItem: fact.agendaItem,
    ...EXTRA[symbol],
  };
}

const value = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('the nine drafts of the eleventh session', () => {
  it('quotes the report verbatim', () => {
    const report = readFileSync(REPORT, 'utf8');
    for (const p of PRINTED) expect(report, `para. ${p.para}`).toContain(`${p.para}. ${p.text}`);
    expect(report).toContain('该决定修订草案案文将作为第十一届会议报告的附件');
  });

  it('covers every draft of the fixture', () => {
    expect(PRINTED.map((p) => p.symbol).sort()).toEqual(session.drafts.map((d: any) => d.symbol).sort());
  });

  for (const p of PRINTED) {
    it(`${p.symbol}: Chinese as the report prints it (para. ${p.para}), in house style`, () => {
      const zh = value(reportParagraph(inputOf(p.symbol), 'zh', { continues: p.continues }));
      expect(zh).toBe(p.symbol.includes('L.9') ? houseStyle(p) + L9_AFTER : houseStyle(p));
    });
    it(`${p.symbol}: English`, () => {
      expect(value(reportParagraph(inputOf(p.symbol), 'en', { continues: p.continues }))).toBe(ENGLISH[p.symbol]);
    });
  }

  it('the whole section, in the report order, numbered, says "also" where the report does', () => {
    const inputs = PRINTED.map((p) => inputOf(p.symbol));
    const zh = value(actionTakenSection(inputs, 'zh', { firstNumber: 1 }));
    expect(zh).toEqual(PRINTED.map((p, i) => `${i + 1}. ${houseStyle(p)}${p.symbol.includes('L.9') ? L9_AFTER : ''}`));
    expect(value(actionTakenSection(inputs, 'en'))).toEqual(PRINTED.map((p) => ENGLISH[p.symbol]));
  });

  it('a paragraph on another agenda item at the same meeting does not continue', () => {
    const [l7, l4] = [inputOf('CTOC/COP/2022/L.7/Rev.2'), inputOf('CTOC/COP/2022/L.4')];
    expect(value(actionTakenSection([l7, l4], 'zh'))[1]).toContain('在 2022 年 10 月 21 日第 11 次会议上通过了');
  });
});

const base = (action: FinalAction | DraftStatus, more: Partial<ActionParagraphInput> = {}): ActionParagraphInput => ({
  body: CONFERENCE,
  symbol: 'CTOC/COP/2022/L.11',
  kind: 'resolution',
  sponsors: [{ name: { en: 'Russian Federation', zh: '俄罗斯联邦' } }, { name: { en: 'Philippines', zh: '菲律宾' } }, { name: { en: 'Chile', zh: '智利' } }],
  action,
  ...more,
});
const both = (input: ActionParagraphInput) => ({ en: value(reportParagraph(input, 'en')), zh: value(reportParagraph(input, 'zh')) });
const recorded = { kind: 'recorded' as const, yes: 63, no: 15, abstain: 25, majority: 'simple' as const };

describe('every action', () => {
  it('adopted by a recorded vote, with the figures', () => {
    expect(
      both(
        base(
          { type: 'adopted', meeting: 9, date: '2022-10-20', vote: recorded, orallyAmended: false, becomes: { kind: 'resolution', number: '11/7' } },
          { printedIn: { chapter: 1, section: 'A' } },
        ),
      ),
    ).toEqual({
      en: 'At its 9th meeting, on 20 October 2022, the Conference adopted, by a recorded vote of 63 to 15, with 25 abstentions, a draft resolution (CTOC/COP/2022/L.11), sponsored by Chile, the Philippines and the Russian Federation. (For the text, see chap. I, sect. A, resolution 11/7.)',
      zh: '缔约方会议在 2022 年 10 月 20 日第 9 次会议上以 63 票赞成、15 票反对、25 票弃权的记录表决结果通过了一项决议草案（CTOC/COP/2022/L.11），提案国有：智利、菲律宾和俄罗斯联邦。（案文见第一章 A 节，第 11/7 号决议。）',
    });
  });

  it('adopted as orally amended by a recorded vote; abstentions none or one', () => {
    const p = both(base({ type: 'adopted', meeting: 1, date: '2022-10-17', vote: { ...recorded, abstain: 0 }, orallyAmended: true }));
    expect(p.en).toBe(
      'At its 1st meeting, on 17 October 2022, the Conference adopted, by a recorded vote of 63 to 15, with no abstentions, as orally amended, a draft resolution (CTOC/COP/2022/L.11), sponsored by Chile, the Philippines and the Russian Federation.',
    );
    expect(p.zh).toBe(
      '缔约方会议在 2022 年 10 月 17 日第 1 次会议上以 63 票赞成、15 票反对、0 票弃权的记录表决结果通过了一项经口头修正的决议草案（CTOC/COP/2022/L.11），提案国有：智利、菲律宾和俄罗斯联邦。',
    );
    expect(both(base({ type: 'adopted', meeting: 2, date: '2022-10-17', vote: { ...recorded, abstain: 1 }, orallyAmended: false })).en).toContain('with 1 abstention, a draft');
  });

  it('rejected', () => {
    expect(both(base({ type: 'rejected', meeting: 3, date: '2022-10-18', vote: { ...recorded, yes: 15, no: 63 } }))).toEqual({
      en: 'At its 3rd meeting, on 18 October 2022, the Conference rejected, by a recorded vote of 15 to 63, with 25 abstentions, a draft resolution (CTOC/COP/2022/L.11), sponsored by Chile, the Philippines and the Russian Federation.',
      zh: '缔约方会议在 2022 年 10 月 18 日第 3 次会议上以 15 票赞成、63 票反对、25 票弃权的记录表决结果否决了一项决议草案（CTOC/COP/2022/L.11），提案国有：智利、菲律宾和俄罗斯联邦。',
    });
  });

  it('withdrawn, at a meeting or not, by the sponsors or the officer who submitted it', () => {
    expect(both(base({ type: 'withdrawn', date: '2022-10-20', meeting: 8 }))).toEqual({
      en: 'At the 8th meeting of the Conference, on 20 October 2022, the sponsors of the draft resolution (CTOC/COP/2022/L.11) withdrew it.',
      zh: '在 2022 年 10 月 20 日缔约方会议第 8 次会议上，决议草案（CTOC/COP/2022/L.11）的提案国撤回了该决议草案。',
    });
    const chair = { en: 'Chair of the Working Group on International Cooperation', zh: '国际合作工作组主席' };
    expect(both(base({ type: 'withdrawn', date: '2022-10-19' }, { sponsors: [], submittedBy: chair, kind: 'decision' }))).toEqual({
      en: 'On 19 October 2022, the Chair of the Working Group on International Cooperation withdrew the draft decision (CTOC/COP/2022/L.11).',
      zh: '2022 年 10 月 19 日，国际合作工作组主席撤回了其提交的决定草案（CTOC/COP/2022/L.11）。',
    });
  });

  it('no action, with a single sponsor', () => {
    expect(both(base({ type: 'no_action', meeting: 11, date: '2022-10-21' }, { sponsors: [{ name: { en: 'Netherlands', zh: '荷兰' } }] }))).toEqual({
      en: 'At its 11th meeting, on 21 October 2022, the Conference decided to take no action on a draft resolution (CTOC/COP/2022/L.11), sponsored by the Netherlands.',
      zh: '缔约方会议在 2022 年 10 月 21 日第 11 次会议上决定不对一项决议草案（CTOC/COP/2022/L.11）采取行动，提案国是荷兰。',
    });
  });

  it('consideration deferred by the body to a later session, the text not annexed', () => {
    const p = both(
      base(
        { type: 'deferred', meeting: 21, date: '2022-10-21', decidedBy: 'body', toSession: 12, noAction: true, annexedToReport: false },
        { symbol: 'CTOC/COP/2022/L.11/Rev.1', session: 11 },
      ),
    );
    expect(p.en).toBe(
      'At its 21st meeting, on 21 October 2022, the Conference decided to defer to its twelfth session consideration of a revised draft resolution (CTOC/COP/2022/L.11/Rev.1), sponsored by Chile, the Philippines and the Russian Federation. The Conference took no action on the revised draft resolution.',
    );
    expect(p.zh).toBe(
      '缔约方会议在 2022 年 10 月 21 日第 21 次会议上决定将一项决议修订草案（CTOC/COP/2022/L.11/Rev.1）推迟至第十二届会议审议，提案国有：智利、菲律宾和俄罗斯联邦。缔约方会议未就该决议修订草案采取任何行动。',
    );
  });

  it('deferred by the sponsors to a later session, the text annexed to the present report', () => {
    const p = both(base({ type: 'deferred', meeting: 11, date: '2022-10-21', decidedBy: 'sponsors', toSession: 22, noAction: false, annexedToReport: true }, { kind: 'decision' }));
    expect(p.en).toBe(
      'At the 11th meeting of the Conference, on 21 October 2022, the sponsors of the draft decision (CTOC/COP/2022/L.11) decided to defer its consideration and action by the Conference to the twenty-second session. The text of the draft decision was annexed to the present report (see annex).',
    );
    expect(p.zh).toBe(
      '在 2022 年 10 月 21 日缔约方会议第 11 次会议上，决定草案（CTOC/COP/2022/L.11）的提案国决定推迟缔约方会议对该决定草案的审议和采取行动至第二十二届会议。该决定草案案文作为本报告的附件（见附件）。',
    );
  });

  it('a decision adopted without sponsors or a named subject', () => {
    const action: FinalAction = {
      type: 'adopted',
      meeting: 11,
      date: '2022-10-21',
      vote: { kind: 'without_vote' },
      orallyAmended: false,
      becomes: { kind: 'decision', number: '11/3' },
    };
    expect(both(base(action, { kind: 'decision', sponsors: [], printedIn: { chapter: 1, section: 'B' } }))).toEqual({
      en: 'At its 11th meeting, on 21 October 2022, the Conference adopted a draft decision (CTOC/COP/2022/L.11). (For the text, see chap. I, sect. B, decision 11/3.)',
      zh: '缔约方会议在 2022 年 10 月 21 日第 11 次会议上通过了一项决定草案（CTOC/COP/2022/L.11）。（案文见第一章 B 节，第 11/3 号决定。）',
    });
  });

  it('takes the final action from a derived status, and refuses a draft without one', () => {
    const events: DraftEvent[] = [
      { type: 'issued', symbol: 'CTOC/COP/2022/L.11', revision: 0 },
      { type: 'adopted', meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: true },
    ];
    const status = value(deriveStatus(events));
    expect(value(reportParagraph(base(status), 'zh'))).toContain('通过了一项经口头修正的决议草案');
    const pending = value(deriveStatus(events.slice(0, 1)));
    expect(reportParagraph(base(pending), 'en')).toEqual({ ok: false, error: 'no final action has been taken on CTOC/COP/2022/L.11: there is nothing to report yet' });
    expect(reportParagraph(base(status, { symbol: 'CTOC/COP/2022/l.11' }), 'en').ok).toBe(false);
    expect(actionTakenSection([base(status), base(pending)], 'en')).toMatchObject({ ok: false, error: expect.stringMatching(/^CTOC\/COP\/2022\/L.11: no final action/) });
  });
});

describe('English names take "the" where UN style does', () => {
  it.each([
    ['United Kingdom', 'the United Kingdom'],
    ['United States of America', 'the United States of America'],
    ['Netherlands', 'the Netherlands'],
    ['Philippines', 'the Philippines'],
    ['Russian Federation', 'the Russian Federation'],
    ['Republic of Korea', 'the Republic of Korea'],
    ['European Union', 'the European Union'],
    ['State of Palestine', 'the State of Palestine'],
    ['Sudan', 'the Sudan'],
    ['Dominican Republic', 'the Dominican Republic'],
    ['United Arab Emirates', 'the United Arab Emirates'],
    ['France', 'France'],
    ['Iran (Islamic Republic of)', 'Iran (Islamic Republic of)'],
    ['South Sudan', 'South Sudan'],
    ['Colombia', 'Colombia'],
  ])('%s → %s', (name, printed) => expect(englishName(name)).toBe(printed));

  it('sorts on the bare name, so "the" never moves a name to T', () => {
    expect(
      englishSponsoredBy([{ name: { en: 'United States', zh: '美国' } }, { name: { en: 'Thailand', zh: '泰国' } }, { name: { en: 'State of Palestine', zh: '巴勒斯坦国' } }]),
    ).toBe('sponsored by the State of Palestine, Thailand and the United States');
    expect(englishSponsoredBy([])).toBe('');
  });
});
