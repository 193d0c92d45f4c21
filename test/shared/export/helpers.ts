/** The fixture texts and an English sample, with the metadata exports need, for the export suites. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node as PMNode } from 'prosemirror-model';
import { importPlainText } from '../../../shared/importText';
import type { ExportMeta } from '../../../shared/export/meta';
import { annex, doc, em, fn, formula, heading, op, plain, pp, sub, sub2, title } from '../../builders';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/demo/fixtures/cop11-zh');

/** Every fixture text, imported by the plain-text importer with deterministic ids. */
export function fixtureTexts(): { name: string; doc: PMNode }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      let n = 0;
      const imported = importPlainText(readFileSync(path.join(FIXTURES, file), 'utf8'), { newId: () => `id${++n}` });
      if (!imported.ok) throw new Error(`${file}: ${imported.error}`);
      return { name: file.replace(/\.txt$/, ''), doc: imported.value.doc };
    });
}

/** Metadata of a Chinese draft of the eleventh session, overridable. */
export function metaFor(overrides: Partial<ExportMeta> = {}): ExportMeta {
  return {
    kind: 'resolution',
    symbol: 'CTOC/COP/2022/L.10/Rev.2',
    textState: 'issued',
    date: '2022-10-20',
    originalLanguage: 'zh',
    originalInRecord: true,
    asOrallyAmended: false,
    adoption: null,
    lang: 'zh',
    organ: { en: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime', zh: '联合国打击跨国有组织犯罪公约缔约方会议' },
    session: { number: 11, place: 'Vienna', opens: '2022-10-17', closes: '2022-10-21' },
    agendaItem: '2(d)',
    sponsors: [
      { code: 'MEX', name: { en: 'Mexico', zh: '墨西哥' }, main: true },
      { code: 'BRA', name: { en: 'Brazil', zh: '巴西' }, main: false },
      { code: 'EU', name: { en: 'European Union', zh: '欧洲联盟' }, onBehalfOf: { en: 'also on behalf of its member States', zh: '也代表其成员国' }, main: false },
    ],
    submittedBy: null,
    ...overrides,
  };
}

/** An English resolution with every kind of block: italic openings, marks, subparagraphs, footnotes, an annex. */
export function englishText(): PMNode {
  return doc(
    title('Strengthening international cooperation'),
    formula('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,'),
    pp('Recalling its resolution 10/2,', fn('United Nations, Treaty Series, vol. 2225.')),
    pp('Deeply concerned about the ', em('illicit'), ' trafficking in firearms,'),
    op('Urges States parties to cooperate;'),
    op('Requests the secretariat:'),
    sub('To assist States;'),
    sub2('In particular small island States;'),
    sub('To report', fn('See CTOC/COP/2022/3.'), ' to the Conference at its twelfth session.'),
    annex(heading('Recommendations'), plain('The Working Group recommends:'), sub('Training;'), op('Outreach.')),
  );
}

/**
 * A French version of an English text, carried forward: its title, formula, PP 1, OP 1, OP 2 (a)
 * and the annex's paragraph translated (for these tests, not the UN's), PP 2, OP 2, OP 2 (b) and
 * the annex heading (listed under the annex's id) still in English — `pending`, as the version lists them.
 */
export function frenchVersion(): { text: PMNode; pending: string[] } {
  return {
    text: doc(
      title('Renforcement de la coopération internationale'),
      formula('La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée,'),
      pp({ id: 'pp1' }, 'Rappelant sa résolution 10/2,'),
      pp({ id: 'pp2' }, 'Deeply concerned about the trafficking in firearms,'),
      op({ id: 'op1' }, 'Prie instamment les États parties de coopérer\u00a0;'),
      op({ id: 'op2' }, 'Requests the secretariat:'),
      sub({ id: 'op2a' }, 'D’aider les États\u00a0;'),
      sub({ id: 'op2b' }, 'To report', fn({ id: 'fn1' }, 'See CTOC/COP/2022/3.'), ' to the Conference at its twelfth session.'),
      annex({ id: 'ax1' }, heading('Recommendations'), plain({ id: 'ax1p1' }, 'Le Groupe de travail recommande\u00a0:'), sub({ id: 'ax1a' }, 'Des formations.')),
    ),
    pending: ['pp2', 'op2', 'op2b', 'ax1'],
  };
}
