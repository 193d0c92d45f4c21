import { beforeAll, describe, expect, it } from 'vitest';
import { exportAkn, AKN_NAMESPACE, type AknRecord } from '../../../shared/export/akn';
import type { ExportSponsor } from '../../../shared/export/meta';
import { DEMO_DELEGATIONS } from '../../../server/demo/delegations';
import { planDraft, type PlannedDraft } from '../../../server/demo/plan';
import { loadDraftText, loadSessionFacts } from '../../../server/demo/sessionFacts';
import { englishText, fixtureTexts, frenchVersion, metaFor } from '../../shared/export/helpers';
import { doc, formula, op, sub, sub2, title } from '../../builders';
import { FORMULA_ID, TITLE_ID } from '../../../shared/languageVersions';
import { textFromJSON } from '../../../shared/schema';
import { validateAkn, xmllintAvailable } from './xmllint';

const canValidate = xmllintAvailable();

async function planned(symbol: string): Promise<PlannedDraft> {
  const facts = await loadSessionFacts();
  const draft = facts.drafts.find((d) => d.symbol === symbol)!;
  return planDraft(draft, await loadDraftText(draft));
}

// The AKN of a planned draft's last text, with the record the demo seed writes.
function aknOf(plan: PlannedDraft): string {
  const last = plan.revisions[plan.revisions.length - 1]!;
  const byCode = new Map(DEMO_DELEGATIONS.map((d) => [d.code, d]));
  const sponsors: ExportSponsor[] = last.sponsorCodes.map((code, i) => ({ code, name: byCode.get(code)!.name, main: i === 0 }));
  const record: AknRecord = {
    events: plan.events.map(({ event, at, byCode: by }) => ({ event: event.type === 'introduced' && by ? { ...event, by } : event, at })),
    actors: Object.fromEntries(DEMO_DELEGATIONS.map((d) => [d.code, { code: d.code, name: d.name }])),
  };
  const meta = metaFor({ symbol: last.symbol, kind: plan.kind, date: last.issuedAt.slice(0, 10), sponsors, submittedBy: plan.submittedBy, agendaItem: plan.agendaItem });
  return exportAkn(textFromJSON(last.text), meta, record);
}

describe('Akoma Ntoso export', () => {
  it.skipIf(!canValidate).each(fixtureTexts().map((f) => [f.name, f.doc] as const))('%s validates against the AKN 3.0 schema', (_name, text) => {
    expect(validateAkn(exportAkn(text, metaFor()))).toBe('');
  });

  it.skipIf(!canValidate)('an English text with annex, footnotes and a working-text record validates', () => {
    const xml = exportAkn(
      englishText(),
      metaFor({ lang: 'en', originalLanguage: 'en', textState: 'working', submittedBy: { en: 'Chair of the Working Group', zh: '工作组主席' } }),
    );
    expect(validateAkn(xml)).toBe('');
  });

  it('is a namespaced statement with preface, preamble, numbered paragraphs, attachments and authorial notes', () => {
    const xml = exportAkn(englishText(), metaFor({ lang: 'en', originalLanguage: 'en' }));
    expect(xml).toContain(`<akomaNtoso xmlns="${AKN_NAMESPACE}">`);
    expect(xml).toContain('<statement name="resolution" contains="originalVersion">');
    expect(xml).toContain('<FRBRsubtype value="draft"/>');
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    for (const tag of [
      '<docNumber>CTOC/COP/2022/L.10/Rev.2</docNumber>',
      '<docTitle>',
      '<docProponent refersTo="#delegation-mex" as="#mainSponsor">Mexico</docProponent>',
      '<docStatus>Distr.: Limited</docStatus>',
      '<session value="11">Eleventh session</session>',
    ]) {
      expect(xml).toContain(tag);
    }
    expect(xml).toMatch(/<preamble xml:lang="en">\s*<formula name="enactingFormula">/);
    expect(xml).toMatch(
      /<container name="preambularParagraph" eId="preamble__container_1"[^>]*>\s*<p>Recalling its resolution 10\/2,<authorialNote marker="1" placement="bottom" eId="fnt_1"><p>United Nations, Treaty Series, vol. 2225.<\/p><\/authorialNote><\/p>/,
    );
    expect(xml).toMatch(/<paragraph eId="para_2"[^>]*>\s*<num>2.<\/num>\s*<intro>/);
    expect(xml).toMatch(/<subparagraph eId="para_2__subpara_a"[^>]*>\s*<num>\(a\)<\/num>\s*<intro>[\s\S]*<subparagraph eId="para_2__subpara_a__subpara_i"/);
    expect(xml).toMatch(/<attachments>\s*<attachment>\s*<doc name="annex">/);
    expect(xml).toContain('<TLCOrganization eId="delegation-eu" href="/akn/ontology/organizations/un/eu" showAs="European Union"/>');
  });

  it.skipIf(!canValidate)('sets (i), (ii), (iii) straight under an operative paragraph side by side, not (ii) inside (i)', () => {
    // The shape the importer gives "1. Decides that the fund shall be used for: (i) …; (ii) …".
    const xml = exportAkn(
      doc(title('T'), formula('The Conference of the Parties,'), op('Decides that the fund shall be used for:'), sub2('training;'), sub2('equipment;'), sub2('travel.')),
      metaFor(),
    );
    expect(validateAkn(xml)).toBe('');
    const eIds = [...xml.matchAll(/<subparagraph eId="([^"]+)"/g)].map((m) => m[1]);
    expect(eIds).toEqual(['para_1__subpara_i', 'para_1__subpara_ii', 'para_1__subpara_iii']);
  });

  it('gives a single operative paragraph no num', () => {
    const xml = exportAkn(doc(title('T'), op('Decides to meet again.'), sub('in Vienna;')), metaFor({ kind: 'decision' }));
    expect(xml).toMatch(/<paragraph eId="para_1"[^>]*>\s*<intro>/);
    expect(xml).not.toContain('<num>1.</num>');
    expect(xml).toContain('<num>(a)</num>');
  });

  it('marks a version’s blocks not yet translated: a class on the element, the words in the reference language, the note in a remark; valid', () => {
    const { text, pending } = frenchVersion();
    const meta = metaFor({ lang: 'fr', originalLanguage: 'en' });
    const xml = exportAkn(text, meta, { events: [] }, { pending });
    const remark = '<remark xml:lang="fr"> [Pas encore traduit\u00a0: texte dans la langue de référence]</remark>';
    expect(xml).toMatch(/<container name="preambularParagraph" eId="preamble__container_2" GUID="pp2" class="notYetTranslated">\s*<p xml:lang="en">Deeply/);
    expect(xml).toContain(`<p xml:lang="en">Deeply concerned about the trafficking in firearms,${remark}</p>`);
    expect(xml).toMatch(/<paragraph eId="para_2" GUID="op2" class="notYetTranslated">\s*<num>2.<\/num>\s*<intro>\s*<p xml:lang="en">Requests/);
    expect(xml).toContain(`<p xml:lang="en">Requests the secretariat:${remark}</p>`);
    expect(xml).toMatch(
      /<subparagraph eId="para_2__subpara_b" GUID="op2b" class="notYetTranslated">[\s\S]*?<p xml:lang="en">To report<authorialNote [^>]*><p>See CTOC\/COP\/2022\/3.<\/p><\/authorialNote> to the Conference at its twelfth session.<remark /,
    );
    expect(xml).toMatch(/<p class="annexHeading notYetTranslated">\s*<docTitle xml:lang="en">Recommendations<\/docTitle>\s*<remark /);
    expect(xml.replace(/>\s+</g, '><')).toContain(`<docTitle xml:lang="en">Recommendations</docTitle>${remark}</p>`);
    expect(xml.match(/class="[^"]*notYetTranslated"/g)).toHaveLength(4);
    expect(xml.match(/<remark /g)).toHaveLength(4);
    // The translated ones carry neither.
    expect(xml).toMatch(/<container name="preambularParagraph" eId="preamble__container_1" GUID="pp1">\s*<p>Rappelant sa résolution 10\/2,<\/p>/);
    expect(xml).toMatch(/<paragraph eId="para_1" GUID="op1">\s*<num>1.<\/num>\s*<content>\s*<p>Prie instamment/);
    expect(xml).toMatch(/<p class="title">\s*<docTitle>Renforcement de la coopération internationale<\/docTitle>\s*<\/p>/);
    expect(exportAkn(text, meta)).not.toContain('notYetTranslated');
    if (canValidate) expect(validateAkn(xml)).toBe('');
  });

  it.skipIf(!canValidate)('a version whose title and formula are not yet translated validates, in Arabic too', () => {
    const text = doc(
      title('Strengthening international cooperation'),
      formula('The Conference of the Parties,'),
      op({ id: 'op1' }, 'يقرر مواصلة عمله؛'),
      op({ id: 'op2' }, 'Requests the secretariat to report.'),
    );
    const xml = exportAkn(text, metaFor({ lang: 'ar', originalLanguage: 'en' }), { events: [] }, { pending: [TITLE_ID, FORMULA_ID, 'op2'] });
    expect(xml).toMatch(
      /<p class="title notYetTranslated">\s*<docTitle xml:lang="en">Strengthening international cooperation<\/docTitle>\s*<remark xml:lang="ar"> \[لم يُترجَم بعد: النص بلغة المرجع\]<\/remark>\s*<\/p>/,
    );
    expect(xml).toMatch(/<formula name="enactingFormula" class="notYetTranslated">\s*<p xml:lang="en">The Conference of the Parties,<remark xml:lang="ar">/);
    expect(validateAkn(xml)).toBe('');
  });

  describe('the record of the session', () => {
    let l9: string;
    let l10: string;
    beforeAll(async () => {
      l9 = aknOf(await planned('CTOC/COP/2022/L.9/Rev.1'));
      l10 = aknOf(await planned('CTOC/COP/2022/L.10/Rev.2'));
    });

    it('L.9/Rev.1 records the deferral by its sponsors, no action and the annexing to the report', () => {
      expect(l9).toContain('<step date="2022-10-21" by="#sponsors" refersTo="#deferred"/>');
      expect(l9).toContain('refersTo="#noAction"');
      expect(l9).toContain('refersTo="#annexedToReport"');
      expect(l9).toContain('<TLCEvent eId="annexedToReport"');
      expect(l9).not.toContain('#adopted');
      expect(l9).toMatch(/<eventRef eId="evt-rev-0" date="2022-10-17" source="#original" type="generation"/);
      // The seed does not give issue dates: the demo dates every text on the session's first day (server/demo/plan.ts).
      expect(l9).toMatch(/<eventRef eId="evt-rev-1" date="2022-10-17" source="#original" type="amendment"/);
      if (canValidate) expect(validateAkn(l9)).toBe('');
    });

    it('L.10/Rev.2 records the adoption as orally amended and the resolution number', () => {
      expect(l10).toMatch(/<step date="2022-10-21" by="#[a-z0-9-]+" refersTo="#adoptedAsOrallyAmended" outcome="#resolution-11-6"\/>/);
      expect(l10).toContain('<TLCEvent eId="adoptedAsOrallyAmended" href="/akn/ontology/events/un/adoptedAsOrallyAmended" showAs="adopted as orally amended"/>');
      expect(l10).toContain('<TLCConcept eId="resolution-11-6" href="/akn/ontology/concepts/un/resolution-11-6" showAs="resolution 11/6"/>');
      // The report names no introduction of L.10/Rev.2, so the record holds none.
      expect(l10).not.toContain('refersTo="#introduced"');
      expect(l10).toContain('<FRBRnumber value="L.10/Rev.2"/>');
      if (canValidate) expect(validateAkn(l10)).toBe('');
    });
  });
});
