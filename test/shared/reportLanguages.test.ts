/**
 * Report paragraphs in Arabic, French, Russian and Spanish (shared/reportActions.ts,
 * shared/reportRecordWords.ts) beside the English and Chinese ones: whole paragraphs for one
 * draft whose names are recorded in every language, the rules each language's house style sets
 * (dates, numbers, the body's gender, lists), and invariants over the nine drafts and the three
 * recorded votes of the eleventh session, whose names the fixtures hold in English and Chinese
 * only — so every other language prints them in brackets and lists them as missing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Lang, type LocalizedText } from '../../shared/languages';
import type { FinalAction } from '../../shared/lifecycle';
import type { SessionRecordEntry } from '../../shared/meetingRecord';
import { parseSessionRecordEntry } from '../../shared/meetingRecordParse';
import type { SessionReportContext } from '../../shared/reportContext';
import { arOrdinalWord, bodyName, esOrdinalWord, frOrdinalWord, inLang, reportDate, ruOrdinalWord, withFormulae } from '../../shared/reportLanguage';
import { type RecordItem, sessionReport } from '../../shared/reportMeeting';
import { missingInParagraph, missingInRecord } from '../../shared/reportMissing';
import { formatJoinedAfter, formatSponsoredBy, joinList } from '../../shared/reportNames';
import type { ActionParagraphInput } from '../../shared/reportActionFacts';
import { actionTakenSection, reportParagraph } from '../../shared/reportParagraph';
import { voteParagraph } from '../../shared/reportVote';
import { sponsorListText } from '../../shared/sponsorship';
import { CONFERENCE, EXTRA, L9_TITLE_EN } from '../fixtures/cop11Report';
import { cop11VoteEntries, SPEAKERS } from '../helpers/cop11Votes';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const OTHERS = ['ar', 'fr', 'ru', 'es'] as const;

// Names recorded in every language (as UN documents name these States), for whole paragraphs.
const UK: LocalizedText = { en: 'United Kingdom', zh: '联合王国', fr: 'Royaume-Uni', es: 'Reino Unido', ru: 'Соединенное Королевство', ar: 'المملكة المتحدة' };
const US: LocalizedText = { en: 'United States', zh: '美国', fr: 'États-Unis', es: 'Estados Unidos', ru: 'Соединенные Штаты', ar: 'الولايات المتحدة' };
const CHAIR: LocalizedText = {
  en: 'Chair of the Working Group on International Cooperation',
  zh: '国际合作工作组主席',
  fr: 'Président du Groupe de travail sur la coopération internationale',
  es: 'Presidente del Grupo de Trabajo sobre Cooperación Internacional',
  ru: 'Председатель Рабочей группы по международному сотрудничеству',
  ar: 'رئيس الفريق العامل المعني بالتعاون الدولي',
};
const adopted = (extra: Partial<Extract<FinalAction, { type: 'adopted' }>> = {}): FinalAction => ({
  type: 'adopted',
  meeting: 11,
  date: '2022-10-21',
  vote: { kind: 'without_vote' },
  orallyAmended: false,
  becomes: { kind: 'resolution', number: '11/1' },
  ...extra,
});
const L4: ActionParagraphInput = {
  body: CONFERENCE,
  symbol: 'CTOC/COP/2022/L.4',
  kind: 'resolution',
  submittedBy: CHAIR,
  sponsors: [{ name: US }, { name: UK }],
  action: adopted(),
  printedIn: { chapter: 1, section: 'A' },
  session: 11,
};

describe('the paragraph of an adoption, names recorded in every language', () => {
  const expected: Record<(typeof OTHERS)[number], string> = {
    fr: 'À sa 11e séance, le 21 octobre 2022, la Conférence a adopté le projet de résolution soumis par le Président du Groupe de travail sur la coopération internationale (CTOC/COP/2022/L.4), présenté par les délégations suivantes\u00a0: Royaume-Uni et États-Unis. (Pour le texte, voir chap. I, sect. A, résolution 11/1.)',
    es: 'En su 11ª sesión, celebrada el 21 de octubre de 2022, la Conferencia aprobó el proyecto de resolución presentado por el Presidente del Grupo de Trabajo sobre Cooperación Internacional (CTOC/COP/2022/L.4), patrocinado por las siguientes delegaciones: Reino Unido y Estados Unidos. (Véase el texto en el cap. I, secc. A, resolución 11/1.)',
    ru: 'На своем 11-м заседании 21 октября 2022 года Конференция приняла проект резолюции (CTOC/COP/2022/L.4), представленный Председателем Рабочей группы по международному сотрудничеству, авторами которого выступили Соединенное Королевство и Соединенные Штаты. (Текст см. в главе I, раздел A, резолюция 11/1.)',
    ar: 'وفي الجلسة الحادية عشرة، المعقودة في 21 تشرين الأول/أكتوبر 2022، اعتمد المؤتمر مشروع القرار المقدم من رئيس الفريق العامل المعني بالتعاون الدولي (CTOC/COP/2022/L.4)، الذي قدمه كل من المملكة المتحدة والولايات المتحدة. (للاطلاع على النص، انظر الفصل الأول، الفرع ألف، القرار 11/1.)',
  };
  for (const lang of OTHERS) {
    it(`${lang}: as the house style writes it, nothing missing`, () => {
      expect(value(reportParagraph(L4, lang))).toBe(expected[lang]);
      expect(missingInParagraph(L4, lang)).toEqual([]);
    });
  }

  it('says "also" and leaves out the date when it continues the paragraph before', () => {
    expect(value(reportParagraph(L4, 'fr', { continues: true }))).toMatch(/^À sa 11e séance, la Conférence a également adopté le projet/);
    expect(value(reportParagraph(L4, 'es', { continues: true }))).toMatch(/^En su 11ª sesión, la Conferencia también aprobó el proyecto/);
    expect(value(reportParagraph(L4, 'ru', { continues: true }))).toMatch(/^На своем 11-м заседании Конференция также приняла проект/);
    expect(value(reportParagraph(L4, 'ar', { continues: true }))).toMatch(/^وفي الجلسة الحادية عشرة نفسها، اعتمد المؤتمر أيضا مشروع/);
  });

  it('prints a recorded vote and an oral amendment in each language', () => {
    const input = {
      ...L4,
      submittedBy: null,
      symbol: 'CTOC/COP/2022/L.8/Rev.2',
      action: adopted({ orallyAmended: true, vote: { kind: 'recorded', yes: 63, no: 15, abstain: 25, majority: 'simple' } }),
    };
    expect(value(reportParagraph(input, 'fr'))).toContain(
      "a adopté, à l'issue d'un vote enregistré, par 63 voix contre 15, avec 25 abstentions, un projet de résolution révisé (CTOC/COP/2022/L.8/Rev.2), tel que modifié oralement, présenté par",
    );
    expect(value(reportParagraph(input, 'es'))).toContain(
      'aprobó, en votación registrada, por 63 votos contra 15 y 25 abstenciones, un proyecto de resolución revisado (CTOC/COP/2022/L.8/Rev.2), en su forma enmendada oralmente, patrocinado por',
    );
    expect(value(reportParagraph(input, 'ru'))).toContain(
      'приняла путем заносимого в отчет о заседании голосования 63 голосами против 15 при 25 воздержавшихся пересмотренный проект резолюции (CTOC/COP/2022/L.8/Rev.2) с внесенными в него устными поправками, авторами которого',
    );
    expect(value(reportParagraph(input, 'ar'))).toContain(
      'اعتمد المؤتمر، بتصويت مسجل، بأغلبية 63 صوتا مقابل 15 وامتناع 25 عن التصويت، مشروع قرار منقح (CTOC/COP/2022/L.8/Rev.2)، بصيغته المعدلة شفويا، قدمه كل من',
    );
    const few = { ...input, action: adopted({ vote: { kind: 'recorded', yes: 7, no: 1, abstain: 0, majority: 'simple' } }) };
    expect(value(reportParagraph(few, 'fr'))).toContain('par 7 voix contre 1, sans abstention,');
    expect(value(reportParagraph(few, 'es'))).toContain('por 7 votos contra 1 y ninguna abstención,');
    expect(value(reportParagraph(few, 'ru'))).toContain('7 голосами против 1 при отсутствии воздержавшихся');
    expect(value(reportParagraph(few, 'ar'))).toContain('بأغلبية 7 أصوات مقابل 1 دون امتناع أحد عن التصويت');
  });

  it('rejection, no action, deferral by the body and withdrawal in each language', () => {
    const rejected = { ...L4, action: { type: 'rejected', meeting: 3, date: '2022-10-01', vote: { kind: 'without_vote' } } as FinalAction };
    expect(value(reportParagraph(rejected, 'fr'))).toMatch(/^À sa 3e séance, le 1er octobre 2022, la Conférence a rejeté le projet/);
    expect(value(reportParagraph(rejected, 'es'))).toMatch(/^En su 3ª sesión, celebrada el 1 de octubre de 2022, la Conferencia rechazó el proyecto/);
    expect(value(reportParagraph(rejected, 'ru'))).toMatch(/^На своем 3-м заседании 1 октября 2022 года Конференция отклонила проект/);
    expect(value(reportParagraph(rejected, 'ar'))).toMatch(/^وفي الجلسة الثالثة، المعقودة في 1 تشرين الأول\/أكتوبر 2022، رفض المؤتمر مشروع/);
    const noAction = { ...L4, submittedBy: null, action: { type: 'no_action', meeting: 3, date: '2022-10-01' } as FinalAction };
    expect(value(reportParagraph(noAction, 'fr'))).toContain('la Conférence a décidé de ne pas se prononcer sur un projet de résolution (CTOC/COP/2022/L.4)');
    expect(value(reportParagraph(noAction, 'es'))).toContain('la Conferencia decidió no adoptar ninguna medida sobre un proyecto de resolución (CTOC/COP/2022/L.4)');
    expect(value(reportParagraph(noAction, 'ru'))).toContain('Конференция постановила не принимать никаких решений по проекту резолюции (CTOC/COP/2022/L.4)');
    expect(value(reportParagraph(noAction, 'ar'))).toContain('قرر المؤتمر عدم اتخاذ أي إجراء بشأن مشروع قرار (CTOC/COP/2022/L.4)');
    const deferred = { ...noAction, action: { type: 'deferred', meeting: 3, date: '2022-10-01', decidedBy: 'body', toSession: 12 } as FinalAction };
    expect(value(reportParagraph(deferred, 'fr'))).toContain("a décidé de reporter à sa douzième session l'examen d'un projet de résolution (CTOC/COP/2022/L.4)");
    expect(value(reportParagraph(deferred, 'es'))).toContain('decidió aplazar hasta su duodécimo período de sesiones el examen de un proyecto de resolución (CTOC/COP/2022/L.4)');
    expect(value(reportParagraph(deferred, 'ru'))).toContain('постановила отложить до своей двенадцатой сессии рассмотрение проекта резолюции (CTOC/COP/2022/L.4)');
    expect(value(reportParagraph(deferred, 'ar'))).toContain('قرر المؤتمر إرجاء النظر إلى دورته الثانية عشرة في مشروع قرار (CTOC/COP/2022/L.4)');
    const withdrawn = { ...L4, sponsors: [], action: { type: 'withdrawn', meeting: 3, date: '2022-10-01' } as FinalAction };
    expect(value(reportParagraph(withdrawn, 'fr'))).toBe(
      'À la 3e séance de la Conférence, le 1er octobre 2022, le Président du Groupe de travail sur la coopération internationale a retiré le projet de résolution (CTOC/COP/2022/L.4).',
    );
    expect(value(reportParagraph({ ...withdrawn, submittedBy: null, sponsors: [{ name: UK }] }, 'es'))).toBe(
      'En la 3ª sesión de la Conferencia, celebrada el 1 de octubre de 2022, los patrocinadores del proyecto de resolución (CTOC/COP/2022/L.4) lo retiraron.',
    );
  });

  it('makes verbs agree with the body: the Council and the Commission', () => {
    const council = { ...L4, body: { en: 'the Council' } };
    const commission = { ...L4, body: { en: 'the Commission' } };
    expect(value(reportParagraph(council, 'ru'))).toContain('Совет принял проект');
    expect(value(reportParagraph(commission, 'ru'))).toContain('Комиссия приняла проект');
    expect(value(reportParagraph(council, 'ar'))).toContain('اعتمد المجلس مشروع');
    expect(value(reportParagraph(commission, 'ar'))).toContain('اعتمدت اللجنة مشروع');
    expect(value(reportParagraph(council, 'fr'))).toContain('le Conseil a adopté');
    expect(value(reportParagraph(council, 'es'))).toContain('el Consejo aprobó');
    const deferred = {
      ...council,
      action: { type: 'deferred', meeting: 3, date: '2022-10-01', decidedBy: 'sponsors', toSession: null, noAction: true, annexedToReport: true } as FinalAction,
    };
    expect(value(reportParagraph(deferred, 'fr'))).toContain('À la 3e séance du Conseil, le 1er octobre 2022');
    expect(value(reportParagraph(deferred, 'fr'))).toContain(
      "Le Conseil ne s'est pas prononcé sur le projet de résolution, et son texte a été annexé au rapport du Conseil sur les travaux de sa onzième session (voir annexe).",
    );
    expect(value(reportParagraph(deferred, 'ru'))).toContain(
      'Совет не принял никакого решения по проекту резолюции, и его текст был включен в приложение к докладу Совета о работе его одиннадцатой сессии',
    );
    expect(bodyName({ en: 'the Commission', fr: 'la Commission' }, 'fr')).toEqual({ text: 'la Commission', gender: 'f', recorded: true });
    expect(bodyName({ en: 'the Plenary' }, 'ru')).toEqual({ text: '[the Plenary]', gender: 'f', recorded: false });
  });
});

describe('each language house rules', () => {
  it('dates as the reports print them', () => {
    expect(reportDate('2022-10-01', 'fr')).toBe('1er octobre 2022');
    expect(reportDate('2022-10-21', 'es')).toBe('21 de octubre de 2022');
    expect(reportDate('2022-10-21', 'ru')).toBe('21 октября 2022 года');
    expect(reportDate('2022-10-21', 'ar')).toBe('21 تشرين الأول/أكتوبر 2022');
    expect(reportDate('2024-06-05', 'ar')).toBe('5 حزيران/يونيه 2024');
    expect(() => reportDate('21/10/2022', 'fr')).toThrow(RangeError);
  });

  it('sessions and meetings in words', () => {
    expect([1, 4, 9, 11, 21, 71, 80].map(frOrdinalWord)).toEqual(['première', 'quatrième', 'neuvième', 'onzième', 'vingt et unième', 'soixante et onzième', 'quatre-vingtième']);
    expect([1, 3, 11, 12, 13, 20, 21].map(esOrdinalWord)).toEqual(['primer', 'tercer', 'undécimo', 'duodécimo', 'decimotercer', 'vigésimo', 'vigésimo primer']);
    expect([3, 11, 20, 23, 40].map(ruOrdinalWord)).toEqual(['третьей', 'одиннадцатой', 'двадцатой', 'двадцать третьей', 'сороковой']);
    expect([2, 8, 11, 12, 20, 21, 35, 120].map(arOrdinalWord)).toEqual([
      'الثانية',
      'الثامنة',
      'الحادية عشرة',
      'الثانية عشرة',
      'العشرين',
      'الحادية والعشرين',
      'الخامسة والثلاثين',
      '120',
    ]);
  });

  it('joins lists each language’s way', () => {
    const three = ['A', 'B', 'C'];
    expect(LANGUAGES.map((l) => joinList(three, l))).toEqual(['A، وB، وC', 'A、B和C', 'A, B and C', 'A, B et C', 'A, B и C', 'A, B y C']);
    expect(joinList(['Francia', 'Italia'], 'es')).toBe('Francia e Italia');
    expect(joinList(['Chile', 'Hierro'], 'es')).toBe('Chile y Hierro');
    expect(joinList(['الصين', 'كوبا'], 'ar')).toBe('الصين وكوبا');
  });

  it('sponsors in English alphabetical order in every language, joined after issue in their own sentence', () => {
    for (const lang of LANGUAGES) {
      const clause = formatSponsoredBy([{ name: US }, { name: UK }], lang);
      expect(clause.indexOf(inLang(UK, lang)), lang).toBeLessThan(clause.indexOf(inLang(US, lang)));
      expect(formatJoinedAfter([{ name: UK }], lang)).toContain(inLang(UK, lang));
    }
    expect(formatSponsoredBy([{ name: US }], 'ru')).toBe('автором которого являются Соединенные Штаты');
    expect(formatSponsoredBy([{ name: UK }], 'ru')).toBe('автором которого является Соединенное Королевство');
    expect(formatSponsoredBy([{ name: US }], 'ar')).toBe('قدمه وفد الولايات المتحدة');
    expect(formatJoinedAfter([{ name: UK }, { name: US }], 'fr')).toBe('Par la suite, les délégations suivantes se sont portées coauteurs\u00a0: Royaume-Uni et États-Unis.');
  });

  it('translates the fixed formula "also on behalf of its member States", never a recorded name', () => {
    const eu = { name: { en: 'European Union', zh: '欧洲联盟' }, onBehalfOf: { en: 'also on behalf of its member States', zh: '也代表其成员国' } };
    expect(formatSponsoredBy([eu], 'es')).toBe('patrocinado por la siguiente delegación: [European Union] (también en nombre de sus Estados miembros)');
    expect(withFormulae({ en: 'on behalf of the Group of 77' })).toEqual({ en: 'on behalf of the Group of 77' });
    expect(missingInParagraph({ ...L4, sponsors: [eu] }, 'es')).toEqual([{ kind: 'delegation', shown: '[European Union]' }]);
  });

  it('the sponsor list as text in the six languages', () => {
    const input = { symbol: 'X/L.1', title: { en: 'Cooperation', fr: 'Coopération' }, submittedBy: null, sponsors: [{ name: US }, { name: UK }], joinedAfter: [] };
    expect(sponsorListText(input, 'fr')).toBe('X/L.1\nCoopération\nAuteurs\u00a0: Royaume-Uni et États-Unis\n');
    expect(sponsorListText(input, 'ru')).toBe('X/L.1\n[Cooperation]\nАвторы: Соединенное Королевство и Соединенные Штаты\n');
    expect(sponsorListText({ ...input, sponsors: [] }, 'es')).toBe('X/L.1\n[Cooperation]\nPatrocinadores: ninguno\n');
    expect(sponsorListText({ ...input, submittedBy: CHAIR }, 'ar')).toContain('\nمقدم من رئيس الفريق العامل المعني بالتعاون الدولي\n');
  });
});

// The nine drafts of the eleventh session, from the demo's fixture: names in English and Chinese only.
const session = JSON.parse(readFileSync(new URL('../../server/demo/fixtures/cop11-session.json', import.meta.url), 'utf8'));
function inputOf(fact: any): ActionParagraphInput {
  const a = fact.action;
  const action: FinalAction =
    a.type === 'deferred'
      ? { type: 'deferred', meeting: a.meeting, date: a.date, decidedBy: a.decidedBy, toSession: null, noAction: a.noAction, annexedToReport: a.annexedToReport }
      : {
          type: 'adopted',
          meeting: a.meeting,
          date: a.date,
          vote: { kind: 'without_vote' },
          orallyAmended: a.orallyAmended === true,
          becomes: { kind: a.becomes.split(' ')[0], number: a.becomes.split(' ')[1] },
        };
  return {
    body: CONFERENCE,
    symbol: fact.symbol,
    kind: fact.kind,
    title: { en: fact.symbol.includes('L.9') ? L9_TITLE_EN : '', zh: fact.title.zh },
    submittedBy: fact.submittedBy ?? null,
    sponsors: (fact.sponsors ?? []).map((s: any) => ({ name: { en: s.en, zh: s.zh }, onBehalfOf: s.onBehalfOf ?? null })),
    action,
    printedIn: { chapter: 1, section: fact.kind === 'resolution' ? 'A' : 'B' },
    session: session.session.number,
    agendaItem: fact.agendaItem,
    ...EXTRA[fact.symbol],
  };
}
const bracketed = (text: string) => [...text.matchAll(/\[[^\]]+\]/g)].map((m) => m[0]);

describe('the nine drafts of the eleventh session in the six languages', () => {
  for (const fact of session.drafts) {
    it(`${fact.symbol}: a paragraph in each language, what it lacks in brackets and listed, sponsors in English order`, () => {
      const input = inputOf(fact);
      for (const lang of LANGUAGES) {
        const text = value(reportParagraph(input, lang));
        expect(text, lang).toContain(fact.symbol);
        expect(text, lang).not.toMatch(/undefined|null|NaN/);
        const missing = missingInParagraph(input, lang);
        // What the paragraph printed in brackets is what it lists as missing, and the reverse.
        expect(new Set(bracketed(text)), lang).toEqual(new Set(missing.map((m) => m.shown)));
        if (lang === 'en' || lang === 'zh') expect(missing, lang).toEqual([]);
        const order = (input.sponsors ?? []).map((s) => s.name.en!).sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' }));
        const at = order.map((name) => text.indexOf(lang === 'en' || lang === 'zh' ? '' : `[${name}]`));
        if (lang !== 'en' && lang !== 'zh') expect(at, lang).toEqual([...at].sort((x, y) => x - y));
      }
    });
  }

  it('the deferred draft: no action and its text annexed, in each language', () => {
    const l9 = inputOf(session.drafts.find((d: any) => d.symbol.includes('L.9')));
    expect(value(reportParagraph(l9, 'fr'))).toContain(
      "La Conférence ne s'est pas prononcée sur le projet de décision révisé, et son texte a été annexé au rapport de la Conférence sur les travaux de sa onzième session (voir annexe).",
    );
    expect(value(reportParagraph(l9, 'es'))).toContain(
      'La Conferencia no adoptó ninguna medida sobre el proyecto de decisión revisado, y su texto se adjuntó como anexo al informe de la Conferencia sobre su undécimo período de sesiones (véase el anexo).',
    );
    expect(value(reportParagraph(l9, 'ru'))).toContain(
      'Конференция не приняла никакого решения по пересмотренному проекту решения, и его текст был включен в приложение к докладу Конференции о работе ее одиннадцатой сессии',
    );
    expect(value(reportParagraph(l9, 'ar'))).toContain('ولم يتخذ المؤتمر أي إجراء بشأن مشروع المقرر المنقح، وأُرفق نصه بتقرير المؤتمر عن أعمال دورته الحادية عشرة (انظر المرفق).');
  });
});

describe('the three recorded votes and their explanations in the six languages', () => {
  const ctx: SessionReportContext = {
    body: CONFERENCE,
    delegations: new Map(Object.entries(SPEAKERS).map(([code, d]) => [code, { name: d.name, kind: d.kind }])),
  };
  const entry = (json: unknown): SessionRecordEntry => value(parseSessionRecordEntry(json));
  const votes = [1, 4, 6];
  const record: RecordItem[] = cop11VoteEntries(
    (n) => votes[n]!,
    (code) => code,
  ).map((json, i) => ({ seq: i + 1, entry: entry(json) }));

  it('six paragraphs in each language, the figures and majorities counted, what is missing in brackets and listed', () => {
    for (const lang of LANGUAGES) {
      const paragraphs = value(sessionReport(record, [], ctx, lang));
      expect(
        paragraphs.map((p) => p.kind),
        lang,
      ).toEqual(['vote', 'statement', 'vote', 'statement', 'vote', 'statement']);
      const all = paragraphs.map((p) => p.text).join('\n');
      for (const figure of ['63', '15', '25', '78', '53', '59', '12', '30', '71', '36', '58', '34', '65', '33']) expect(all, `${lang} ${figure}`).toContain(figure);
      expect(new Set(bracketed(all)), lang).toEqual(new Set(missingInRecord(record, ctx, lang).map((m) => m.shown)));
    }
    const fr = value(sessionReport(record, [], ctx, 'fr')).map((p) => p.text);
    expect(fr[0]).toMatch(
      /^Le Président a rappelé les dispositions du règlement intérieur relatives au vote, en particulier les articles 57, 61, 63, 64 et 65\. Tout d'abord, à sa 2e séance, la Conférence, en application de l'article 61 du règlement intérieur, /,
    );
    expect(fr[0]).toContain(
      "63 États ont voté pour, 15 contre et 25 se sont abstenus. Sur les 78 États présents et votants, le nombre de voix pour a dépassé la majorité des deux tiers, soit 53 voix, requise en application de l'article 63 du règlement intérieur",
    );
    expect(fr[1]).toBe(
      'La délégation suivante a fait une déclaration au titre des explications de vote après le vote\u00a0: [Russian Federation]. La délégation suivante a également fait une déclaration au titre des explications de vote après le vote\u00a0: [European Union].',
    );
    const es = value(sessionReport(record, [], ctx, 'es')).map((p) => p.text);
    expect(es[2]).toContain('De los 71 Estados presentes y votantes, los votos a favor superaron la mayoría simple de 36 votos exigida con arreglo al artículo 63 del reglamento');
    const ru = value(sessionReport(record, [], ctx, 'ru')).map((p) => p.text);
    expect(ru[4]).toContain(
      'За проголосовали 58 государств, против — 7, воздержались — 34. Из 65 государств, присутствующих и участвующих в голосовании, число голосов, поданных за, превысило простое большинство, требуемое, составляющее 33 голоса',
    );
    const ar = value(sessionReport(record, [], ctx, 'ar')).map((p) => p.text);
    expect(ar[3]).toBe('وأدلى ممثلو [China]، و[European Union]، و[United States of America]، و[Russian Federation]، و[Cuba] ببيانات تعليلا للتصويت.');
  });

  it('lists who votes as missing where a vote paragraph names them and the language lacks it', () => {
    const members = { ...ctx, voters: { en: 'members' } };
    for (const lang of LANGUAGES) {
      const all = value(sessionReport(record, [], members, lang))
        .map((p) => p.text)
        .join('\n');
      expect(new Set(bracketed(all)), lang).toEqual(new Set(missingInRecord(record, members, lang).map((m) => m.shown)));
      expect(all.includes('[members]'), lang).toBe(lang !== 'en' && lang !== 'ru' && lang !== 'ar');
    }
  });

  it('the country-by-country list in English order and a correction of vote, in each language', () => {
    const vote = { ...(record[0]!.entry as Extract<SessionRecordEntry, { kind: 'vote' }>), roll: { yes: ['RUS', 'CHN'], no: ['EU'], abstain: [] } };
    const correction = { kind: 'vote_correction' as const, meeting: 2, date: '2022-10-17', draftId: null, voteSeq: 1, delegationId: 'CUB', intended: 'abstain' as const };
    const names = {
      ...ctx,
      delegations: new Map(
        [...ctx.delegations].map(([id, d]) => [id, { ...d, name: { ...d.name, fr: id === 'CHN' ? 'Chine' : id === 'RUS' ? 'Fédération de Russie' : `${id}-fr` } }]),
      ),
    };
    const fr = value(voteParagraph(vote, 'only', names, 'fr', [correction]));
    expect(fr).toContain('Les voix se sont réparties comme suit\u00a0: Pour\u00a0: Chine, Fédération de Russie\u00a0; Contre\u00a0: EU-fr\u00a0; Abstentions\u00a0: Aucun.');
    expect(fr).toMatch(/Par la suite, la délégation suivante a indiqué qu'elle avait eu l'intention de s'abstenir\u00a0: CUB-fr\.$/);
    expect(value(voteParagraph(vote, 'only', ctx, 'ar', [correction]))).toMatch(/وفي وقت لاحق، أشار وفد \[Cuba\] إلى أنه كان ينوي الامتناع عن التصويت\.$/);
    expect(value(voteParagraph(vote, 'only', ctx, 'ru', []))).toContain(
      'Голоса распределились следующим образом: Голосовали за: [China], [Russian Federation]; Голосовали против: [European Union]; Воздержались: Нет.',
    );
    expect(value(voteParagraph(vote, 'only', ctx, 'es', []))).toContain('Votos a favor: [China], [Russian Federation]; Votos en contra: [European Union]; Abstenciones: Ninguno.');
  });
});

it('numbers paragraphs as each language prints them: Arabic "124 - ", the others "124. "', () => {
  for (const lang of LANGUAGES) {
    const [first, second] = value(actionTakenSection([L4, { ...L4, symbol: 'CTOC/COP/2022/L.5' }], lang, { firstNumber: 124 }));
    expect(first, lang).toMatch(lang === 'ar' ? /^124 - وفي/ : /^124\. \S/);
    expect(second, lang).toMatch(lang === 'ar' ? /^125 - / : /^125\. /);
  }
});

it('writes every language it is asked for, and only those', () => {
  const langs: Lang[] = [...LANGUAGES];
  expect(langs).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  for (const l of langs) expect(value(reportParagraph(L4, l)).length).toBeGreaterThan(50);
});

describe('drafts it has not seen: seeded random inputs in the six languages', () => {
  // A small seeded generator (mulberry32), so that a failure names the seed that made it.
  const rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const NAMES: LocalizedText[] = [
    UK,
    US,
    { en: 'France', fr: 'France', es: 'Francia', ru: 'Франция', ar: 'فرنسا', zh: '法国' },
    { en: 'Italy', es: 'Italia' },
    { en: 'State of Palestine', zh: '巴勒斯坦国' },
    { fr: 'Suisse' },
    { en: 'Côte d’Ivoire', fr: 'Côte d’Ivoire' },
  ];
  const BODIES: LocalizedText[] = [CONFERENCE, { en: 'the Council' }, { en: 'the Commission', fr: 'la Commission' }, { en: 'the Meeting' }, { zh: '大会' }];

  for (let seed = 1; seed <= 100; seed++) {
    it(`seed ${seed}`, () => {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      const meeting = 1 + Math.floor(r() * 120);
      const date = `20${10 + Math.floor(r() * 15)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const vote =
        r() < 0.4
          ? ({ kind: 'recorded', yes: Math.floor(r() * 120), no: Math.floor(r() * 40), abstain: Math.floor(r() * 30), majority: 'simple' } as const)
          : ({ kind: 'without_vote' } as const);
      const action: FinalAction = pick<FinalAction>([
        { type: 'adopted', meeting, date, vote, orallyAmended: r() < 0.5, becomes: r() < 0.7 ? { kind: 'resolution', number: `${meeting}/1` } : undefined },
        { type: 'rejected', meeting, date, vote },
        { type: 'no_action', meeting, date },
        { type: 'deferred', meeting, date, decidedBy: 'body', toSession: r() < 0.5 ? 1 + Math.floor(r() * 40) : null, noAction: r() < 0.5, annexedToReport: r() < 0.5 },
        { type: 'deferred', meeting, date, decidedBy: 'sponsors', toSession: null, noAction: r() < 0.5, annexedToReport: r() < 0.5 },
        { type: 'withdrawn', meeting: r() < 0.5 ? meeting : undefined, date } as FinalAction,
      ]);
      const sponsors = NAMES.filter(() => r() < 0.4).map((name) => ({ name, onBehalfOf: r() < 0.2 ? { en: 'also on behalf of its member States' } : null }));
      const input: ActionParagraphInput = {
        body: pick(BODIES),
        symbol: `A/C.${1 + Math.floor(r() * 6)}/L.${1 + Math.floor(r() * 60)}${r() < 0.5 ? `/Rev.${1 + Math.floor(r() * 3)}` : ''}`,
        kind: r() < 0.7 ? 'resolution' : 'decision',
        title: r() < 0.5 ? { en: 'A title', fr: 'Un titre' } : { zh: '标题' },
        describedAs: r() < 0.15 ? { en: 'the provisional agenda' } : null,
        submittedBy: r() < 0.3 ? pick([CHAIR, { en: 'Vice-Chair' }]) : null,
        sponsors,
        action,
        printedIn: r() < 0.5 ? { chapter: 1 + Math.floor(r() * 4), section: pick(['A', 'B', 'C']) } : null,
        session: r() < 0.8 ? 1 + Math.floor(r() * 80) : null,
        remarks: r() < 0.2 ? { en: 'It decided so.' } : null,
      };
      for (const lang of LANGUAGES) {
        const written = reportParagraph(input, lang);
        expect(written.ok, `${lang}: ${JSON.stringify(input)}`).toBe(true);
        const text = value(written);
        expect(text, lang).toContain(input.symbol);
        expect(text, lang).not.toMatch(/undefined|null|NaN|\[\?\]|\s{2}|\s[,.،]/);
        expect(new Set(bracketed(text)), `${lang}: ${text}`).toEqual(new Set(missingInParagraph(input, lang).map((m) => m.shown)));
        const listed = action.type !== 'withdrawn' && !(action.type === 'deferred' && action.decidedBy === 'sponsors');
        if (listed) {
          // Every sponsor is named, in the English alphabetical order (by what it is recorded as when English is not given).
          const order = [...sponsors].sort((a, b) => (a.name.en ?? a.name.fr ?? '').localeCompare(b.name.en ?? b.name.fr ?? '', 'en', { sensitivity: 'base' }));
          const at = order.map((s) => text.indexOf(inLang(s.name, lang)));
          expect(
            at.every((i) => i >= 0),
            `${lang}: ${text}`,
          ).toBe(true);
          expect(at, `${lang}: ${text}`).toEqual([...at].sort((x, y) => x - y));
        }
      }
    });
  }
});

describe('session records it has not seen: seeded random votes and statements in the six languages', () => {
  const rng = (seed: number) => () => {
    seed = (seed + 0x9e3779b9) | 0;
    let t = Math.imul(seed ^ (seed >>> 16), 0x85ebca6b);
    t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
    return ((t ^ (t >>> 16)) >>> 0) / 4294967296;
  };
  const DELEGATIONS = new Map<string, { name: LocalizedText; kind: 'member' | 'regional' }>([
    ['GBR', { name: UK, kind: 'member' }],
    ['USA', { name: US, kind: 'member' }],
    ['EU', { name: { en: 'European Union', fr: 'Union européenne' }, kind: 'regional' }],
    ['CHE', { name: { zh: '瑞士' }, kind: 'member' }],
  ]);
  const draft: ActionParagraphInput = { ...L4, sponsors: [{ name: UK }] };

  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      const ids = [...DELEGATIONS.keys(), 'XXX'];
      const speakersOf = () =>
        Array.from({ length: 1 + Math.floor(r() * 3) }, () =>
          r() < 0.25
            ? { officer: pick<LocalizedText>([{ en: 'President', zh: '主席' }, { en: 'Secretary' }, { en: 'Rapporteur' }]) }
            : { delegationId: pick(ids), asNamed: r() < 0.2 ? { en: 'As named' } : null },
        );
      const meeting = 1 + Math.floor(r() * 30);
      const base = { meeting, date: '2023-03-14', draftId: r() < 0.6 ? 'd1' : null };
      const entries: SessionRecordEntry[] = [];
      for (let i = 0; i < 2 + Math.floor(r() * 4); i++) {
        if (r() < 0.4) {
          const yes = Math.floor(r() * 90);
          const no = Math.floor(r() * 40);
          entries.push({
            kind: 'vote',
            ...base,
            subject: pick(['procedural', 'amendment', 'separate'] as const),
            question: r() < 0.5 ? { en: 'the motion', fr: 'la motion' } : { en: 'the motion' },
            paragraph: null,
            rulesRecalled: r() < 0.3 ? [57, 61] : [],
            votedUnder: r() < 0.3 ? [61] : [],
            majorityUnder: r() < 0.5 ? [63] : [],
            yes,
            no,
            abstain: Math.floor(r() * 20),
            majority: r() < 0.5 ? 'two-thirds' : 'simple',
            twoThirds: 'at-least',
            roll: r() < 0.3 ? { yes: ['GBR'], no: ['XXX'], abstain: [] } : null,
            wording: r() < 0.3 ? { votedOn: { en: 'voted on the motion' }, question: null, decided: { en: 'so it was decided' } } : null,
          } as SessionRecordEntry);
        } else {
          const statement = pick(['explanation_of_vote', 'explanation_of_position', 'introduction', 'budget_implications', 'chair_conclusion'] as const);
          entries.push({
            kind: 'statement',
            ...base,
            draftId: statement === 'explanation_of_vote' || statement === 'explanation_of_position' ? base.draftId : 'd1',
            statement,
            timing: statement.startsWith('explanation') ? pick(['before', 'after'] as const) : null,
            speakers: speakersOf(),
            voteSeq: null,
            summary: r() < 0.4 ? { en: 'It said so.', ru: 'Так было сказано.' } : null,
            accepted: r() < 0.5,
          } as SessionRecordEntry);
        }
      }
      const record: RecordItem[] = entries.map((entry, i) => ({ seq: i + 1, entry }));
      const ctx: SessionReportContext = { body: pick<LocalizedText>([CONFERENCE, { en: 'the Council' }]), delegations: DELEGATIONS };
      const input = { ...draft, body: ctx.body, action: adopted({ meeting, date: '2023-03-14' }) };
      for (const lang of LANGUAGES) {
        const written = sessionReport(record, [{ draftId: 'd1', input }], ctx, lang);
        if (!written.ok) {
          // Only a vote that cannot be counted is refused (shared/votes.ts), in every language alike.
          expect(written.error, lang).toMatch(/^entry \d+: /);
          continue;
        }
        const all = written.value.map((p) => p.text).join('\n');
        expect(all, lang).not.toMatch(/undefined|null|NaN|\[\?\]/);
        const shown = new Set(bracketed(all));
        const listed = new Set([...missingInRecord(record, ctx, lang), ...missingInParagraph(input, lang)].map((m) => m.shown));
        expect(shown, `${lang}: ${all}`).toEqual(listed);
      }
    });
  }
});
