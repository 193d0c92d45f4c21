/**
 * The report's paragraphs for the demo's drafts in the six languages, over HTTP, the demo seeded
 * as `npm start` seeds it: the eleventh session's action paragraphs, recorded votes and
 * statements in Arabic, Chinese, English, French, Russian and Spanish, each draft's paragraph
 * alone, the "action taken" section and the sponsor lists as text. The demo names delegations in
 * Arabic, French, Russian and Spanish from CLDR and leaves unnamed what CLDR does not name (the
 * State of Palestine); the report's own words are recorded in English and Chinese only. What a
 * paragraph prints in brackets is exactly what its answer lists as missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Lang } from '../../../shared/languages';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';

type Json = Record<string, any>;
const bracketed = (text: string) => [...text.matchAll(/\[[^\]]+\]/g)].map((m) => m[0]);
// How each language names an adopted text ("resolution 11/1"), and prints the session's last day.
const RESOLUTION: Record<Lang, (n: string) => string> = {
  ar: (n) => `القرار ${n}`,
  zh: (n) => `第 ${n} 号决议`,
  en: (n) => `resolution ${n}`,
  fr: (n) => `résolution ${n}`,
  ru: (n) => `резолюция ${n}`,
  es: (n) => `resolución ${n}`,
};
const DAY: Record<Lang, string> = {
  ar: '21 تشرين الأول/أكتوبر 2022',
  zh: '2022 年 10 月 21 日',
  en: '21 October 2022',
  fr: '21 octobre 2022',
  ru: '21 октября 2022 года',
  es: '21 de octubre de 2022',
};

describe("the demo's report paragraphs in the six languages", () => {
  let server: TestServer;
  let cookie: string;
  let cop: Json;
  let drafts: Json[];
  const get = async (path: string) => call(server, 'GET', path, { cookie });
  const reports = new Map<Lang, Json>();

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    const a = server.penholder.demoAccounts!.find((x) => x.role === 'secretariat')!;
    cookie = (await loginAs(server, a.login, a.password)).cookie;
    cop = (await get('/api/sessions')).body.find((s: Json) => s.symbolPrefix === 'CTOC/COP/2022');
    drafts = (await get(`/api/sessions/${cop.id}/drafts`)).body;
    for (const lang of LANGUAGES) {
      const res = await get(`/api/sessions/${cop.id}/report?lang=${lang}`);
      expect(res.status, lang).toBe(200);
      reports.set(lang, res.body);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('writes the same paragraphs in every language: kinds, drafts and the record entries they come from', () => {
    const en = reports.get('en')!;
    expect(en.paragraphs.length).toBeGreaterThanOrEqual(15);
    for (const lang of LANGUAGES) {
      const r = reports.get(lang)!;
      expect(r.lang).toBe(lang);
      expect(
        r.paragraphs.map((p: Json) => [p.kind, p.symbol, p.seqs]),
        lang,
      ).toEqual(en.paragraphs.map((p: Json) => [p.kind, p.symbol, p.seqs]));
      for (const p of r.paragraphs) expect(p.text, `${lang} ${p.symbol}`).not.toMatch(/undefined|null|NaN|\[\?\]/);
    }
  });

  it("prints each adopted draft's symbol, number and date in the language's own words", () => {
    for (const lang of LANGUAGES) {
      const actions = reports.get(lang)!.paragraphs.filter((p: Json) => p.kind === 'action');
      expect(actions.length, lang).toBe(9);
      for (const p of actions) expect(p.text, lang).toContain(p.symbol);
      const l4 = actions.find((p: Json) => p.symbol === 'CTOC/COP/2022/L.4').text;
      expect(l4, lang).toContain(RESOLUTION[lang]('11/1'));
      expect(l4, lang).toContain(DAY[lang]);
    }
    const fr = reports.get('fr')!.paragraphs.find((p: Json) => p.symbol === 'CTOC/COP/2022/L.4').text;
    expect(fr).toBe(
      'À sa 11e séance, le 21 octobre 2022, la Conférence a adopté le projet de résolution soumis par [Chair of the Working Group on International Cooperation] (CTOC/COP/2022/L.4), présenté par les délégations suivantes\u00a0: Royaume-Uni et États-Unis. (Pour le texte, voir chap. I, sect. A, résolution 11/1.)',
    );
  });

  it('lists under "missing" exactly what each language printed in brackets; English and Chinese lack nothing', () => {
    for (const lang of LANGUAGES) {
      const r = reports.get(lang)!;
      const shown = new Set(r.paragraphs.flatMap((p: Json) => bracketed(p.text)));
      expect(new Set(r.missing.map((m: Json) => m.shown)), lang).toEqual(shown);
      if (lang === 'en' || lang === 'zh') expect(r.missing, lang).toEqual([]);
      else {
        // CLDR does not name the State of Palestine: never printed in another language unsaid.
        expect(r.missing, lang).toContainEqual({ kind: 'delegation', shown: '[State of Palestine]' });
        expect(
          r.missing.every((m: Json) => m.shown.startsWith('[') && m.shown.endsWith(']')),
          lang,
        ).toBe(true);
      }
    }
  });

  it('keeps the English alphabetical order of the sponsors in every language', () => {
    const order = ['Andorra', 'Australia', 'Brazil'];
    for (const lang of ['fr', 'es', 'ru', 'ar'] as const) {
      const l8 = reports.get(lang)!.paragraphs.find((p: Json) => p.symbol === 'CTOC/COP/2022/L.8/Rev.2').text as string;
      const en = drafts.find((d) => d.symbol === 'CTOC/COP/2022/L.8/Rev.2');
      expect(en, 'the demo has L.8/Rev.2').toBeDefined();
      // Palestine is listed under S (State of Palestine), after Paraguay and before Switzerland, in every language.
      const palestine = l8.indexOf('[State of Palestine]');
      expect(palestine, lang).toBeGreaterThan(0);
      const names = {
        fr: ['Andorre', 'Australie', 'Brésil', 'Paraguay', 'Suisse'],
        es: ['Andorra', 'Australia', 'Brasil', 'Paraguay', 'Suiza'],
        ru: ['Андорра', 'Австралия', 'Бразилия', 'Парагвай', 'Швейцария'],
        ar: ['أندورا', 'أستراليا', 'البرازيل', 'باراغواي', 'سويسرا'],
      }[lang];
      const at = names.map((n) => l8.indexOf(n));
      expect(
        at.every((i) => i > 0),
        `${lang}: ${order.join(', ')}`,
      ).toBe(true);
      expect(at, lang).toEqual([...at].sort((x, y) => x - y));
      expect(palestine, lang).toBeGreaterThan(at[3]!);
      expect(palestine, lang).toBeLessThan(at[4]!);
    }
  });

  it("gives each acted-on draft's paragraph alone, with the record's paragraphs about it, in every language", async () => {
    const acted = drafts.filter((d) => d.symbol && reports.get('en')!.paragraphs.some((p: Json) => p.kind === 'action' && p.symbol === d.symbol));
    expect(acted.length).toBe(9);
    for (const lang of LANGUAGES) {
      for (const d of acted) {
        const res = await get(`/api/drafts/${d.id}/report-paragraph?lang=${lang}`);
        expect(res.status, `${lang} ${d.symbol}`).toBe(200);
        expect(res.body.paragraph).toContain(res.body.symbol);
        const shown = new Set([res.body.paragraph, res.body.standalone, ...res.body.related.map((p: Json) => p.text)].flatMap(bracketed));
        expect(new Set(res.body.missing.map((m: Json) => m.shown)), `${lang} ${d.symbol}`).toEqual(shown);
      }
    }
    const l9 = acted.find((d) => d.symbol === 'CTOC/COP/2022/L.9/Rev.1')!;
    const ru = (await get(`/api/drafts/${l9.id}/report-paragraph?lang=ru`)).body;
    expect(ru.related.map((p: Json) => p.kind)).toEqual(['statement', 'conclusion']);
    expect(ru.related[1].text).toContain('Председатель в заключение сказал, что пересмотренный проект решения (CTOC/COP/2022/L.9/Rev.1) рассматриваться не будет');
  });

  it('writes the "action taken" section and the sponsor lists as text in every language', async () => {
    for (const lang of LANGUAGES) {
      const section = await get(`/api/sessions/${cop.id}/action-taken?lang=${lang}&firstNumber=124`);
      expect(section.status, lang).toBe(200);
      expect(section.body.paragraphs.length, lang).toBe(9);
      // Arabic numbers its paragraphs "124 - ", the others "124. ".
      expect(section.body.paragraphs[0].text, lang).toMatch(lang === 'ar' ? /^124 - وفي الجلسة/ : /^124\. /);
      expect(section.body.paragraphs[1].text, lang).toMatch(lang === 'ar' ? /^125 - / : /^125\. /);
      const l4 = drafts.find((d) => d.symbol === 'CTOC/COP/2022/L.4')!;
      const text = await get(`/api/drafts/${l4.id}/sponsors.txt?lang=${lang}`);
      expect(text.status, lang).toBe(200);
      expect(text.body, lang).toMatch(/^CTOC\/COP\/2022\/L\.4\n/);
    }
    const l4 = drafts.find((d) => d.symbol === 'CTOC/COP/2022/L.4')!;
    expect((await get(`/api/drafts/${l4.id}/sponsors.txt?lang=es`)).body).toContain('Patrocinadores: Reino Unido y Estados Unidos\n');
    expect((await get(`/api/sessions/${cop.id}/report?lang=de`)).status).toBe(400);
    expect((await get(`/api/drafts/${l4.id}/report-paragraph?lang=pt`)).status).toBe(400);
  });
});
