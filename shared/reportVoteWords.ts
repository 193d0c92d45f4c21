/**
 * The session record's recorded votes in Arabic, French, Russian and Spanish (the English and
 * Chinese ones are shared/reportVote.ts's): the question, the rules applied, the counts with each
 * language's counted nouns, the lists of how each State voted and corrections of vote. The same
 * facts and order as the English; officers' titles and the colon before a list are
 * shared/reportRecordWords.ts's.
 */
import type { VoteCorrectionEntry, VoteEntry } from './meetingRecord';
import type { OtherLang } from './reportActionFacts';
import type { SessionReportContext } from './reportContext';
import { arOrdinalWord, bodyName, capitalFirst, esMeeting, frMeeting, inLang, ruMeeting, withFormulae } from './reportLanguage';
import { joinList, sortByEnglishName } from './reportNames';
import type { MajorityMargin } from './votes';
import { COLON, officerTitle, titled } from './reportRecordWords';

const NBSP = '\u00a0';

/** Where a vote stands among the votes on the same matter at its meeting. */
type Position = 'only' | 'first' | 'middle' | 'last';

const RULES: Record<OtherLang, (rules: readonly number[]) => string> = {
  fr: (r) => (r.length === 1 ? `l'article ${r[0]}` : `les articles ${joinList(r.map(String), 'fr')}`),
  es: (r) => (r.length === 1 ? `el artículo ${r[0]}` : `los artículos ${joinList(r.map(String), 'es')}`),
  ru: (r) => (r.length === 1 ? `правило ${r[0]}` : `правила ${joinList(r.map(String), 'ru')}`),
  ar: (r) => (r.length === 1 ? `المادة ${r[0]}` : `المواد ${joinList(r.map(String), 'ar')}`),
};
const UNDER: Record<OtherLang, (rules: readonly number[]) => string> = {
  fr: (r) => `en application ${RULES.fr(r).replace(/^l'/, "de l'").replace(/^les /, 'des ')} du règlement intérieur`,
  es: (r) => `con arreglo ${RULES.es(r).replace(/^el /, 'al ').replace(/^los /, 'a los ')} del reglamento`,
  ru: (r) => `в соответствии с ${r.length === 1 ? `правилом ${r[0]}` : `правилами ${joinList(r.map(String), 'ru')}`} правил процедуры`,
  ar: (r) => `بموجب ${RULES.ar(r)} من النظام الداخلي`,
};

const DECIDED: Record<VoteEntry['subject'], Record<OtherLang, [string, string]>> = {
  procedural: {
    fr: ['la proposition a été adoptée', 'la proposition a été rejetée'],
    es: ['la propuesta fue aprobada', 'la propuesta fue rechazada'],
    ru: ['предложение было принято', 'предложение было отклонено'],
    ar: ['اعتُمد الاقتراح', 'رُفض الاقتراح'],
  },
  amendment: {
    fr: ["l'amendement a été adopté", "l'amendement a été rejeté"],
    es: ['la enmienda fue aprobada', 'la enmienda fue rechazada'],
    ru: ['поправка была принята', 'поправка была отклонена'],
    ar: ['اعتُمد التعديل', 'رُفض التعديل'],
  },
  separate: {
    fr: ['le paragraphe a été maintenu', 'le paragraphe a été supprimé'],
    es: ['el párrafo se mantuvo', 'el párrafo se suprimió'],
    ru: ['пункт был сохранен', 'пункт был исключен'],
    ar: ['أُبقي على الفقرة', 'حُذفت الفقرة'],
  },
};

const INTENDED: Record<VoteCorrectionEntry['intended'], Record<OtherLang, string>> = {
  yes: { fr: 'voter pour', es: 'votar a favor', ru: 'голосовать за', ar: 'التصويت مؤيدا' },
  no: { fr: 'voter contre', es: 'votar en contra', ru: 'голосовать против', ar: 'التصويت معارضا' },
  abstain: { fr: "s'abstenir", es: 'abstenerse', ru: 'воздержаться', ar: 'الامتناع عن التصويت' },
};

// Russian counted nouns: 1 государство, 2–4 государства, 5+ государств.
const ruPlural = (n: number, [one, few, many]: [string, string, string]) =>
  n % 10 === 1 && n % 100 !== 11 ? one : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? few : many;

function rollCallIn(vote: VoteEntry, ctx: SessionReportContext, lang: OtherLang): string {
  if (!vote.roll) return '';
  const none = { fr: 'Aucun', es: 'Ninguno', ru: 'Нет', ar: 'لا أحد' }[lang];
  const list = (ids: readonly string[]) => {
    const names = sortByEnglishName(ids.map((id) => ({ name: ctx.delegations.get(id)?.name ?? { en: id } }))).map((n) => inLang(n.name, lang));
    return names.length ? names.join(lang === 'ar' ? '، ' : ', ') : none;
  };
  const { yes, no, abstain } = vote.roll;
  if (lang === 'fr')
    return ` Les voix se sont réparties comme suit${COLON.fr} Pour${COLON.fr} ${list(yes)}${NBSP}; Contre${COLON.fr} ${list(no)}${NBSP}; Abstentions${COLON.fr} ${list(abstain)}.`;
  if (lang === 'es') return ` El resultado de la votación fue el siguiente: Votos a favor: ${list(yes)}; Votos en contra: ${list(no)}; Abstenciones: ${list(abstain)}.`;
  if (lang === 'ru') return ` Голоса распределились следующим образом: Голосовали за: ${list(yes)}; Голосовали против: ${list(no)}; Воздержались: ${list(abstain)}.`;
  return ` وكانت نتيجة التصويت كما يلي: المؤيدون: ${list(yes)}؛ المعارضون: ${list(no)}؛ الممتنعون: ${list(abstain)}.`;
}

function correctionIn(c: VoteCorrectionEntry, vote: VoteEntry, ctx: SessionReportContext, lang: OtherLang): string {
  const name = inLang(ctx.delegations.get(c.delegationId)?.name ?? { en: c.delegationId }, lang);
  const same = c.meeting === vote.meeting && c.date === vote.date;
  const intended = INTENDED[c.intended][lang];
  if (lang === 'fr')
    return ` ${same ? 'Par la suite' : `À la ${frMeeting(c.meeting)} séance`}, la délégation suivante a indiqué qu'elle avait eu l'intention de ${intended}${COLON.fr} ${name}.`;
  if (lang === 'es')
    return ` ${same ? 'Posteriormente' : `En la ${esMeeting(c.meeting)} sesión`}, la siguiente delegación indicó que había tenido la intención de ${intended}: ${name}.`;
  if (lang === 'ru') return ` ${same ? 'Впоследствии' : `На ${ruMeeting(c.meeting)} заседании`} следующая делегация сообщила, что намеревалась ${intended}: ${name}.`;
  return ` ${same ? 'وفي وقت لاحق' : `وفي الجلسة ${arOrdinalWord(c.meeting)}`}، أشار وفد ${name} إلى أنه كان ينوي ${intended}.`;
}

/** What counting gave, for the words of the paragraph. */
export interface CountedVote {
  presentAndVoting: number;
  required: number;
  carried: boolean;
  margin: MajorityMargin;
}

/** The paragraph of one recorded vote with its country-by-country list and corrections. */
export function otherVoteParagraph(
  vote: VoteEntry,
  position: Position,
  counted: CountedVote,
  ctx: SessionReportContext,
  lang: OtherLang,
  corrections: readonly VoteCorrectionEntry[] = [],
): string {
  const { presentAndVoting: n, required, carried, margin } = counted;
  const b = bodyName(ctx.body, lang);
  const body = b.text;
  const chair = titled(officerTitle(ctx.chair ?? { en: 'President' }, lang), lang);
  const recordedDecided = vote.wording?.decided ? inLang(vote.wording.decided, lang) : null;
  const decided = recordedDecided ?? DECIDED[vote.subject][lang][carried ? 0 : 1];
  const question = vote.wording?.question ? inLang(vote.wording.question, lang) : null;
  const votedOnRecorded = vote.wording?.votedOn ? inLang(vote.wording.votedOn, lang) : null;
  const asked = inLang(vote.question, lang);
  const voters = ctx.voters ? inLang(withFormulae(ctx.voters), lang) : null;
  const after = corrections.map((c) => correctionIn(c, vote, ctx, lang)).join('');
  const two = vote.majority === 'two-thirds';
  const roll = rollCallIn(vote, ctx, lang);
  if (lang === 'fr') {
    const recalled = vote.rulesRecalled.length
      ? `${capitalFirst(chair)} a rappelé les dispositions du règlement intérieur relatives au vote, en particulier ${RULES.fr(vote.rulesRecalled)}. `
      : '';
    const opening = {
      only: `À sa ${frMeeting(vote.meeting)} séance, `,
      first: `Tout d'abord, à sa ${frMeeting(vote.meeting)} séance, `,
      middle: 'Par la suite, ',
      last: 'Enfin, ',
    }[position];
    const under = vote.votedUnder.length ? `, ${UNDER.fr(vote.votedUnder)},` : '';
    const votedOn = votedOnRecorded ?? `a procédé à un vote sur ${asked}`;
    const states = voters ?? 'États';
    const counts = `${vote.yes} ${vote.yes === 1 ? states.replace(/s$/, '') : states} ${vote.yes === 1 ? 'a' : 'ont'} voté pour, ${vote.no || 'aucun'} contre et ${vote.abstain ? `${vote.abstain} ${vote.abstain === 1 ? "s'est abstenu" : 'se sont abstenus'}` : "aucun ne s'est abstenu"}.`;
    const how = { exceeded: 'a dépassé', reached: 'a atteint', short: "n'a pas atteint" }[margin];
    const rule = vote.majorityUnder.length ? ` requise ${UNDER.fr(vote.majorityUnder)}` : ' requise';
    const result = `Sur les ${n} ${states} présents et votants, le nombre de voix pour ${how} la majorité ${two ? 'des deux tiers' : 'simple'}, soit ${required} voix,${rule}, et ${decided}.`;
    return `${recalled}${opening}${body}${under} ${votedOn}. ${question ? `S'agissant de ${question}, ${counts}` : capitalFirst(counts)} ${result}${roll}${after}`;
  }
  if (lang === 'es') {
    const recalled = vote.rulesRecalled.length
      ? `${capitalFirst(chair)} se refirió al reglamento en materia de votaciones, en particular a ${RULES.es(vote.rulesRecalled).replace(/^el /, '')}. `.replace(
          'a artículo',
          'al artículo',
        )
      : '';
    const opening = {
      only: `En su ${esMeeting(vote.meeting)} sesión, `,
      first: `En primer lugar, en su ${esMeeting(vote.meeting)} sesión, `,
      middle: 'Posteriormente, ',
      last: 'Por último, ',
    }[position];
    const under = vote.votedUnder.length ? `, ${UNDER.es(vote.votedUnder)},` : '';
    const votedOn = votedOnRecorded ?? `sometió a votación ${asked}`;
    const states = voters ?? 'Estados';
    const counts = `${vote.yes} ${vote.yes === 1 ? states.replace(/s$/, '') : states} ${vote.yes === 1 ? 'votó' : 'votaron'} a favor, ${vote.no || 'ninguno'} en contra y ${vote.abstain ? `${vote.abstain} ${vote.abstain === 1 ? 'se abstuvo' : 'se abstuvieron'}` : 'ninguno se abstuvo'}.`;
    const how = { exceeded: 'superaron', reached: 'alcanzaron', short: 'no alcanzaron' }[margin];
    const rule = vote.majorityUnder.length ? ` exigida ${UNDER.es(vote.majorityUnder)}` : ' exigida';
    const result = `De los ${n} ${states} presentes y votantes, los votos a favor ${how} la mayoría ${two ? 'de dos tercios' : 'simple'} de ${required} votos${rule}, y ${decided}.`;
    return `${recalled}${opening}${body}${under} ${votedOn}. ${question ? `Respecto de ${question}, ${counts}` : capitalFirst(counts)} ${result}${roll}${after}`;
  }
  if (lang === 'ru') {
    const recalled = vote.rulesRecalled.length
      ? `${capitalFirst(chair)} сослался на правила процедуры, касающиеся голосования, в частности на ${vote.rulesRecalled.length === 1 ? 'правило' : 'правила'} ${joinList(vote.rulesRecalled.map(String), 'ru')}. `
      : '';
    const opening = {
      only: `На своем ${ruMeeting(vote.meeting)} заседании `,
      first: `На своем ${ruMeeting(vote.meeting)} заседании `,
      middle: 'Затем ',
      last: 'Наконец, ',
    }[position];
    const under = vote.votedUnder.length ? ` ${UNDER.ru(vote.votedUnder)}` : '';
    const votedOn = votedOnRecorded ?? `провела голосование по вопросу о ${asked}`;
    const counts = `За проголосовали ${vote.yes} ${ruPlural(vote.yes, ['государство', 'государства', 'государств'])}, против — ${vote.no}, воздержались — ${vote.abstain}.`;
    // "превысило" takes the accusative, "достигло" / "не достигло" the genitive.
    const accusative = margin === 'exceeded';
    const how = { exceeded: 'превысило', reached: 'достигло', short: 'не достигло' }[margin];
    const majority = accusative ? (two ? 'большинство в две трети' : 'простое большинство') : two ? 'большинства в две трети' : 'простого большинства';
    const requiredWord = accusative ? 'требуемое' : 'требуемого';
    const rule = vote.majorityUnder.length ? `, ${requiredWord} ${UNDER.ru(vote.majorityUnder)}` : `, ${requiredWord}`;
    const making = accusative ? 'составляющее' : 'составляющего';
    const result = `Из ${n} ${ruPlural(n, ['государства', 'государств', 'государств'])}, присутствующих и участвующих в голосовании, число голосов, поданных за, ${how} ${majority}${rule}, ${making} ${required} ${ruPlural(required, ['голос', 'голоса', 'голосов'])}, и ${decided}.`;
    return `${recalled}${opening}${body}${position === 'first' ? ' сначала' : ''}${under} ${votedOn}. ${question ? `По вопросу о ${question}: ${counts.charAt(0).toLowerCase()}${counts.slice(1)}` : counts} ${result}${roll}${after}`;
  }
  // Arabic puts the verb before the body ("أجرى المؤتمر تصويتا"): a recorded wording in Arabic is
  // the whole clause, verb and body ("صوّت المؤتمر على …"), after the meeting.
  const recalled = vote.rulesRecalled.length ? `وأشار ${chair} إلى قواعد النظام الداخلي المتعلقة بالتصويت، ولا سيما ${RULES.ar(vote.rulesRecalled)}. ` : '';
  const opening = { only: `وفي الجلسة ${arOrdinalWord(vote.meeting)}، `, first: `وفي الجلسة ${arOrdinalWord(vote.meeting)}، `, middle: 'وبعد ذلك، ', last: 'وأخيرا، ' }[position];
  const under = vote.votedUnder.length ? `، ${UNDER.ar(vote.votedUnder)}،` : '';
  const votedOn = votedOnRecorded ? `${votedOnRecorded}${under.replace(/،$/, '')}` : `أجرى ${body}${position === 'first' ? ' أولا' : ''}${under} تصويتا على ${asked}`;
  const counts = `وكانت نتيجة التصويت كما يلي: المؤيدون: ${vote.yes}؛ المعارضون: ${vote.no}؛ الممتنعون: ${vote.abstain}.`;
  const how = { exceeded: 'تجاوز', reached: 'بلغ', short: 'لم يبلغ' }[margin];
  const rule = vote.majorityUnder.length ? ` المطلوبة ${UNDER.ar(vote.majorityUnder)}` : ' المطلوبة';
  const result = `ومن بين الدول الحاضرة والمصوتة، وعددها ${n}، ${how} عدد الأصوات المؤيدة ${two ? 'أغلبية الثلثين' : 'الأغلبية البسيطة'}${rule}، وهي ${required} صوتا، ومن ثم ${decided}.`;
  return `${recalled}${opening}${votedOn}. ${question ? `وبشأن ${question}، كانت نتيجة التصويت كما يلي: المؤيدون: ${vote.yes}؛ المعارضون: ${vote.no}؛ الممتنعون: ${vote.abstain}.` : counts} ${result}${roll}${after}`;
}
