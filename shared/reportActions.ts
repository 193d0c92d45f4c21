/**
 * The paragraph recording the action on a draft in Arabic, French, Russian and Spanish (the
 * English and Chinese ones are shared/reportParagraph.ts's), in the house style of each
 * language's UN reports: the same facts, the same order of clauses as the English — the
 * meeting and its date, the body, what it did, the draft and its symbol, as orally amended,
 * its sponsors, where its text is printed — in each language's wording:
 *
 * - fr « À sa 11e séance, le 21 octobre 2022, la Conférence a adopté le projet de résolution
 *   soumis par … (CTOC/COP/2022/L.4), présenté par les délégations suivantes : … (Pour le texte,
 *   voir chap. I, sect. A, résolution 11/1.) »
 * - es "En su 11ª sesión, celebrada el 21 de octubre de 2022, la Conferencia aprobó …"
 * - ru «На своем 11-м заседании 21 октября 2022 года Конференция приняла …»
 * - ar "وفي الجلسة الحادية عشرة، المعقودة في 21 تشرين الأول/أكتوبر 2022، اعتمد المؤتمر …"
 *
 * Verbs agree with the body's gender (Конференция приняла, Совет принял; اعتمد المؤتمر،
 * اعتمدت اللجنة). Recorded texts missing in the language are printed in brackets
 * (shared/reportLanguage.ts `inLang`).
 *
 * French and Spanish are written here; Russian and Arabic in shared/reportActionsRuAr.ts; what
 * the four share (the facts, where the text is printed, how a draft is named) in
 * shared/reportActionFacts.ts.
 */
import { bodyName, capitalFirst, esMeeting, esOrdinalWord, frMeeting, frOrdinalWord, type Gender, reportDate } from './reportLanguage';
import { formatSponsoredBy, formatSubmittedBy } from './reportNames';
import type { ActionVote } from './votes';

import { type ActionFacts, NBSP, type OtherLang, printed, remarksOf, text } from './reportActionFacts';
import { arabic, russian } from './reportActionsRuAr';

// ---------------------------------------------------------------------------------------------
// French.

// "de" before a noun phrase: "du projet", "des délégations", "d'un projet", "de la Conférence", "de l'Assemblée".
const frDe = (np: string) => (np.startsWith('le ') ? `du ${np.slice(3)}` : np.startsWith('les ') ? `des ${np.slice(4)}` : /^[aeiouéh]/i.test(np) ? `d'${np}` : `de ${np}`);
const frVote = (v: ActionVote) =>
  v.kind !== 'recorded'
    ? ''
    : `, à l'issue d'un vote enregistré, par ${v.yes} voix contre ${v.no}, ${v.abstain ? `avec ${v.abstain} abstention${v.abstain > 1 ? 's' : ''}` : 'sans abstention'},`;
const frReport = (f: ActionFacts, body: string) =>
  f.input.session ? `au rapport ${frDe(body)} sur les travaux de sa ${frOrdinalWord(f.input.session)} session` : 'au présent rapport';

function french(f: ActionFacts): string {
  const { input: d, action: a } = f;
  const b = bodyName(d.body, 'fr');
  const body = b.text;
  const noun = `projet de ${d.kind === 'resolution' ? 'résolution' : 'décision'}${f.revised ? ' révisé' : ''}`;
  const sponsors = formatSponsoredBy(d.sponsors ?? [], 'fr');
  const described = text(d.describedAs, 'fr');
  const object = described ?? (d.submittedBy ? `le ${noun} ${formatSubmittedBy(d.submittedBy, 'fr')}` : `un ${noun}`);
  const amended = a.type === 'adopted' && a.orallyAmended ? ', tel que modifié oralement' : '';
  const target = `${object} (${d.symbol})${amended}${sponsors && `, ${sponsors}`}`;
  const remarks = remarksOf(f, 'fr');
  if (a.type === 'withdrawn') {
    const when = a.meeting ? `À la ${frMeeting(a.meeting)} séance ${frDe(body)}, le ${reportDate(a.date, 'fr')}` : `Le ${reportDate(a.date, 'fr')}`;
    const who =
      d.submittedBy && !sponsors
        ? `${formatSubmittedBy(d.submittedBy, 'fr').replace(/^soumis par /, '')} a retiré le ${noun} (${d.symbol})`
        : `les auteurs du ${noun} (${d.symbol}) l'ont retiré`;
    return `${when}, ${who}.${remarks}`;
  }
  const opening = `À sa ${frMeeting(a.meeting)} séance${f.continues ? '' : `, le ${reportDate(a.date, 'fr')}`}, ${body} a ${f.continues ? 'également ' : ''}`;
  const toSession = a.type === 'deferred' && a.toSession ? `${frOrdinalWord(a.toSession)} session` : '';
  switch (a.type) {
    case 'adopted':
    case 'rejected':
      return `${opening}${a.type === 'adopted' ? 'adopté' : 'rejeté'}${frVote(a.vote)} ${target}.${printed(f, 'fr')}${remarks}`;
    case 'no_action':
      return `${opening}décidé de ne pas se prononcer sur ${target}.${remarks}`;
    case 'deferred': {
      const after = afterDeferralFr(f, body, b.gender, noun) + remarks;
      if (a.decidedBy === 'body') return `${opening}décidé de reporter${toSession && ` à sa ${toSession}`} l'examen ${frDe(target)}.${after}`;
      const title = text(d.title, 'fr');
      const entitled = title ? ` intitulé «${NBSP}${title}${NBSP}»` : '';
      return `À la ${frMeeting(a.meeting)} séance ${frDe(body)}, le ${reportDate(a.date, 'fr')}, les auteurs du ${noun}${entitled} (${d.symbol}) ont décidé d'en reporter l'examen et la suite à y donner par ${body}${toSession && ` à sa ${toSession}`}.${after}`;
    }
  }
}

function afterDeferralFr(f: ActionFacts, body: string, gender: Gender, noun: string): string {
  const a = f.action;
  if (a.type !== 'deferred' || (!a.noAction && !a.annexedToReport) || f.input.conclusionApart) return '';
  const annexed = `a été annexé ${frReport(f, body)} (voir annexe).`;
  if (!a.noAction) return ` Le texte du ${noun} ${annexed}`;
  const pronounced = gender === 'f' ? 'prononcée' : 'prononcé';
  return ` ${capitalFirst(body)} ne s'est pas ${pronounced} sur le ${noun}${a.annexedToReport ? `, et son texte ${annexed}` : '.'}`;
}

// ---------------------------------------------------------------------------------------------
// Spanish.

const esDe = (np: string) => (np.startsWith('el ') ? `del ${np.slice(3)}` : `de ${np}`);
const esVotes = (n: number) => `${n} voto${n === 1 ? '' : 's'}`;
const esVote = (v: ActionVote) =>
  v.kind !== 'recorded'
    ? ''
    : `, en votación registrada, por ${esVotes(v.yes)} contra ${v.no} y ${v.abstain ? `${v.abstain} abstenci${v.abstain > 1 ? 'ones' : 'ón'}` : 'ninguna abstención'},`;

function spanish(f: ActionFacts): string {
  const { input: d, action: a } = f;
  const b = bodyName(d.body, 'es');
  const body = b.text;
  const noun = `proyecto de ${d.kind === 'resolution' ? 'resolución' : 'decisión'}${f.revised ? ' revisado' : ''}`;
  const sponsors = formatSponsoredBy(d.sponsors ?? [], 'es');
  const described = text(d.describedAs, 'es');
  const object = described ?? (d.submittedBy ? `el ${noun} ${formatSubmittedBy(d.submittedBy, 'es')}` : `un ${noun}`);
  const amended = a.type === 'adopted' && a.orallyAmended ? ', en su forma enmendada oralmente' : '';
  const target = `${object} (${d.symbol})${amended}${sponsors && `, ${sponsors}`}`;
  const remarks = remarksOf(f, 'es');
  if (a.type === 'withdrawn') {
    const when = a.meeting ? `En la ${esMeeting(a.meeting)} sesión ${esDe(body)}, celebrada el ${reportDate(a.date, 'es')}` : `El ${reportDate(a.date, 'es')}`;
    const who =
      d.submittedBy && !sponsors
        ? `${formatSubmittedBy(d.submittedBy, 'es').replace(/^presentado por /, '')} retiró el ${noun} (${d.symbol})`
        : `los patrocinadores del ${noun} (${d.symbol}) lo retiraron`;
    return `${when}, ${who}.${remarks}`;
  }
  const opening = `En su ${esMeeting(a.meeting)} sesión${f.continues ? '' : `, celebrada el ${reportDate(a.date, 'es')}`}, ${body} ${f.continues ? 'también ' : ''}`;
  const toSession = a.type === 'deferred' && a.toSession ? `${esOrdinalWord(a.toSession)} período de sesiones` : '';
  switch (a.type) {
    case 'adopted':
    case 'rejected':
      return `${opening}${a.type === 'adopted' ? 'aprobó' : 'rechazó'}${esVote(a.vote)} ${target}.${printed(f, 'es')}${remarks}`;
    case 'no_action':
      return `${opening}decidió no adoptar ninguna medida sobre ${target}.${remarks}`;
    case 'deferred': {
      const after = afterDeferralEs(f, body, noun) + remarks;
      if (a.decidedBy === 'body') return `${opening}decidió aplazar${toSession && ` hasta su ${toSession}`} el examen ${esDe(target)}.${after}`;
      const title = text(d.title, 'es');
      const entitled = title ? ` titulado “${title}”` : '';
      return `En la ${esMeeting(a.meeting)} sesión ${esDe(body)}, celebrada el ${reportDate(a.date, 'es')}, los patrocinadores del ${noun}${entitled} (${d.symbol}) decidieron aplazar su examen y la adopción de medidas al respecto por ${body}${toSession && ` hasta su ${toSession}`}.${after}`;
    }
  }
}

function afterDeferralEs(f: ActionFacts, body: string, noun: string): string {
  const a = f.action;
  if (a.type !== 'deferred' || (!a.noAction && !a.annexedToReport) || f.input.conclusionApart) return '';
  const report = f.input.session ? `al informe ${esDe(body)} sobre su ${esOrdinalWord(f.input.session)} período de sesiones` : 'al presente informe';
  const annexed = `se adjuntó como anexo ${report} (véase el anexo).`;
  if (!a.noAction) return ` El texto del ${noun} ${annexed}`;
  return ` ${capitalFirst(body)} no adoptó ninguna medida sobre el ${noun}${a.annexedToReport ? `, y su texto ${annexed}` : '.'}`;
}

/** The paragraph recording the action on one draft in French, Spanish, Russian or Arabic. */
export function otherActionParagraph(f: ActionFacts, lang: OtherLang): string {
  switch (lang) {
    case 'fr':
      return french(f);
    case 'es':
      return spanish(f);
    case 'ru':
      return russian(f);
    case 'ar':
      return arabic(f);
  }
}
