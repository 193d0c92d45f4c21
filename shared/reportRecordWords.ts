/**
 * The session record's statements in Arabic, French, Russian and Spanish (the English and
 * Chinese ones are shared/reportStatement.ts's): explanations of vote and of position,
 * introductions, programme budget implications, the chair's conclusions, and the officers' titles
 * they name. The same facts and order as the English. Recorded votes are
 * shared/reportVoteWords.ts's.
 *
 * Delegations: Arabic names them as the English does ("وأدلى ممثل الاتحاد الروسي ببيان");
 * French, Spanish and Russian put an article or a case ending on a State's name in running text
 * ("le représentant de la Fédération de Russie", «представитель Российской Федерации»), which a
 * recorded name does not carry, so they list the delegations after a colon, in the nominative
 * and without article, as UN reports print lists ("les délégations suivantes : …").
 */
import type { Lang, LocalizedText } from './languages';
import type { Speaker, StatementEntry } from './meetingRecord';
import { type ActionParagraphInput, type OtherLang, otherDraftNoun } from './reportActionFacts';
import { ruGenitive } from './reportActionsRuAr';
import type { SessionReportContext } from './reportContext';
import { arOrdinalWord, bodyName, capitalFirst, esOrdinalWord, frOrdinalWord, inLang, ruOrdinalWord } from './reportLanguage';
import { joinList } from './reportNames';
import { parseSymbol } from './symbols';

const NBSP = '\u00a0';
/** The colon before a list, with French's no-break space. */
export const COLON: Record<OtherLang, string> = { fr: `${NBSP}:`, es: ':', ru: ':', ar: ':' };

// Officers' titles every report words the same way, when the record gives them in English only.
const TITLES: Record<string, LocalizedText> = {
  president: { fr: 'Président', es: 'Presidente', ru: 'Председатель', ar: 'الرئيس' },
  chair: { fr: 'Président', es: 'Presidente', ru: 'Председатель', ar: 'الرئيس' },
  secretary: { fr: 'Secrétaire', es: 'Secretario', ru: 'Секретарь', ar: 'الأمين' },
  'representative of the secretariat': { fr: 'représentant du Secrétariat', es: 'representante de la Secretaría', ru: 'представитель Секретариата', ar: 'ممثل الأمانة' },
};
/** An officer's title in `lang`: as recorded, else the UN's usual title for the English one, else in brackets. */
export function officerTitle(title: LocalizedText, lang: Lang): string {
  const own = title[lang]?.trim();
  if (own) return own;
  return TITLES[(title.en ?? '').trim().toLowerCase()]?.[lang] ?? inLang(title, lang);
}
/** An officer's title with its article: "le Président", "la Présidente", "el Presidente"; Russian and Arabic titles as they are. */
export function titled(title: string, lang: OtherLang): string {
  if (title.startsWith('[') || lang === 'ru' || lang === 'ar') return title;
  const first = title.split(/\s+/)[0] ?? '';
  if (lang === 'fr') return /^[AEIOUÉH]/i.test(first) ? `l'${title}` : `${/(ente|rice|euse)$/.test(first) ? 'la' : 'le'} ${title}`;
  return `${/a$/.test(first) ? 'la' : 'el'} ${title}`;
}

const delegationNameIn = (s: Extract<Speaker, { delegationId: string }>, ctx: SessionReportContext, lang: Lang) =>
  inLang(s.asNamed ?? ctx.delegations.get(s.delegationId)?.name ?? { en: s.delegationId }, lang);

/** Who spoke, for a sentence: officers by title, delegations by name in the order they spoke. */
function speakers(list: readonly Speaker[], ctx: SessionReportContext, lang: OtherLang) {
  const officers = list.flatMap((s) => ('officer' in s ? [titled(officerTitle(s.officer, lang), lang)] : []));
  const delegations = list.flatMap((s) => ('delegationId' in s ? [delegationNameIn(s, ctx, lang)] : []));
  return { officers, delegations };
}

// ---------------------------------------------------------------------------------------------
// Statements.

type Explained = 'explanation_of_vote' | 'explanation_of_position';
const EXPLANATION: Record<OtherLang, Record<Explained, Record<'before' | 'after', string>>> = {
  fr: {
    explanation_of_vote: { before: 'au titre des explications de vote avant le vote', after: 'au titre des explications de vote après le vote' },
    explanation_of_position: { before: 'pour expliquer leur position avant la prise de décision', after: 'pour expliquer leur position après la prise de décision' },
  },
  es: {
    explanation_of_vote: { before: 'en explicación de voto antes de la votación', after: 'en explicación de voto después de la votación' },
    explanation_of_position: {
      before: 'en explicación de posición antes de que se adoptara una decisión',
      after: 'en explicación de posición después de que se adoptara una decisión',
    },
  },
  ru: {
    explanation_of_vote: { before: 'по мотивам голосования до проведения голосования', after: 'по мотивам голосования' },
    explanation_of_position: { before: 'в порядке разъяснения позиции до принятия решения', after: 'в порядке разъяснения позиции после принятия решения' },
  },
  ar: {
    explanation_of_vote: { before: 'تعليلا للتصويت قبل التصويت', after: 'تعليلا للتصويت' },
    explanation_of_position: { before: 'تعليلا للموقف قبل اتخاذ إجراء', after: 'تعليلا للموقف بعد اتخاذ إجراء' },
  },
};

const summaryOf = (s: StatementEntry, lang: Lang) => (s.summary && Object.values(s.summary).some((v) => v?.trim()) ? ` ${inLang(s.summary, lang)}` : '');

/** The sentence of one explanation of vote or of position; `also` for a second entry on the same vote in the same paragraph. */
export function otherExplanation(s: StatementEntry, also: boolean, ctx: SessionReportContext, lang: OtherLang): string {
  const kind: Explained = s.statement === 'explanation_of_position' ? 'explanation_of_position' : 'explanation_of_vote';
  const what = EXPLANATION[lang][kind][s.timing ?? 'after'];
  const { officers, delegations } = speakers(s.speakers, ctx, lang);
  const names = joinList([...officers, ...delegations], lang);
  const many = s.speakers.length > 1;
  const summary = summaryOf(s, lang);
  if (lang === 'ar') {
    const who = officers.length && !delegations.length ? names : `${many ? 'ممثلو' : 'ممثل'} ${names}`;
    return `وأدلى ${who}${also ? ' أيضا' : ''} ${many ? 'ببيانات' : 'ببيان'} ${what}.${summary}`;
  }
  if (lang === 'fr') {
    if (!delegations.length) return `${capitalFirst(names)} a ${also ? 'également ' : ''}fait une déclaration ${what.replace('leur', 'sa')}.${summary}`;
    return many
      ? `Les délégations suivantes ont ${also ? 'également ' : ''}fait des déclarations ${what}${COLON.fr} ${names}.${summary}`
      : `La délégation suivante a ${also ? 'également ' : ''}fait une déclaration ${what.replace('leur', 'sa')}${COLON.fr} ${names}.${summary}`;
  }
  if (lang === 'es') {
    if (!delegations.length) return `${capitalFirst(names)} ${also ? 'también ' : ''}formuló una declaración ${what}.${summary}`;
    return many
      ? `Las siguientes delegaciones ${also ? 'también ' : ''}formularon declaraciones ${what}: ${names}.${summary}`
      : `La siguiente delegación ${also ? 'también ' : ''}formuló una declaración ${what}: ${names}.${summary}`;
  }
  if (!delegations.length) return `${also ? 'Также с' : 'С'} заявлением ${what} выступил ${names}.${summary}`;
  return many
    ? `${also ? 'Также с' : 'С'} заявлениями ${what} выступили представители следующих делегаций: ${names}.${summary}`
    : `${also ? 'Также с' : 'С'} заявлением ${what} выступил представитель следующей делегации: ${names}.${summary}`;
}

const revisedOf = (symbol: string) => {
  const parsed = parseSymbol(symbol);
  return parsed.ok && parsed.value.revision > 0;
};

/** The paragraph of a draft's introduction. */
export function otherIntroduction(s: StatementEntry, draft: ActionParagraphInput, ctx: SessionReportContext, lang: OtherLang): string {
  const noun = otherDraftNoun(draft.kind, revisedOf(draft.symbol), lang);
  const { officers, delegations } = speakers(s.speakers, ctx, lang);
  const names = joinList([...officers, ...delegations], lang);
  const many = s.speakers.length > 1;
  const summary = summaryOf(s, lang);
  if (lang === 'ar') return `وعرض ${officers.length && !delegations.length ? names : `${many ? 'ممثلو' : 'ممثل'} ${names}`} ${noun} (${draft.symbol}).${summary}`;
  if (lang === 'fr') {
    if (!delegations.length) return `${capitalFirst(names)} a présenté le ${noun} (${draft.symbol}).${summary}`;
    return `Le ${noun} (${draft.symbol}) a été présenté par ${many ? 'les délégations suivantes' : 'la délégation suivante'}${COLON.fr} ${names}.${summary}`;
  }
  if (lang === 'es') {
    if (!delegations.length) return `${capitalFirst(names)} presentó el ${noun} (${draft.symbol}).${summary}`;
    return `El ${noun} (${draft.symbol}) fue presentado por ${many ? 'las siguientes delegaciones' : 'la siguiente delegación'}: ${names}.${summary}`;
  }
  const gen = `${revisedOf(draft.symbol) ? 'пересмотренного ' : ''}проекта ${draft.kind === 'resolution' ? 'резолюции' : 'решения'}`;
  if (!delegations.length) return `С представлением ${gen} (${draft.symbol}) выступил ${names}.${summary}`;
  return `С представлением ${gen} (${draft.symbol}) ${many ? 'выступили представители следующих делегаций' : 'выступил представитель следующей делегации'}: ${names}.${summary}`;
}

// Who informed the body, as the subject of a sentence in the middle of a paragraph.
function subjectOf(s: StatementEntry, ctx: SessionReportContext, lang: OtherLang): string {
  const { officers, delegations } = speakers(s.speakers, ctx, lang);
  if (!delegations.length) return joinList(officers, lang);
  const names = joinList([...officers, ...delegations], lang);
  if (lang === 'ar') return `${s.speakers.length > 1 ? 'ممثلو' : 'ممثل'} ${names}`;
  if (lang === 'fr') return `${s.speakers.length > 1 ? 'les délégations suivantes' : 'la délégation suivante'} (${names})`;
  if (lang === 'es') return `${s.speakers.length > 1 ? 'las siguientes delegaciones' : 'la siguiente delegación'} (${names})`;
  return `${s.speakers.length > 1 ? 'представители следующих делегаций' : 'представитель следующей делегации'} (${names})`;
}

// The dative of the body's head word in Russian ("Конференции", "Совету").
function ruDative(body: string): string {
  const [first = '', ...rest] = body.split(' ');
  const word = first.endsWith('ия')
    ? `${first.slice(0, -1)}и`
    : first.endsWith('ие')
      ? `${first.slice(0, -1)}ю`
      : /[ая]$/.test(first)
        ? `${first.slice(0, -1)}е`
        : /[бвгджзклмнпрстфхцчшщ]$/.test(first)
          ? `${first}у`
          : first;
  return [word, ...rest].join(' ');
}

/** The sentence on programme budget implications after a draft's paragraph. */
export function otherBudget(s: StatementEntry, draft: ActionParagraphInput, adopted: boolean, ctx: SessionReportContext, lang: OtherLang): string {
  const who = subjectOf(s, ctx, lang);
  const body = bodyName(ctx.body, lang).text;
  const summary = s.summary && Object.values(s.summary).some((v) => v?.trim()) ? inLang(s.summary, lang) : null;
  const noun = otherDraftNoun(draft.kind, revisedOf(draft.symbol), lang);
  const resolution = draft.kind === 'resolution';
  if (lang === 'fr') {
    const before = adopted ? `Avant l'adoption de la ${resolution ? 'résolution' : 'décision'}` : `Avant que ${body} ne se prononce sur le ${noun}`;
    const to = body.startsWith('le ') ? `au ${body.slice(3)}` : `à ${body}`;
    return summary
      ? ` ${before}, ${who} a informé ${body} des incidences sur le budget-programme${COLON.fr} ${summary}`
      : ` ${before}, ${who} a indiqué ${to} que ${resolution ? 'celle-ci' : 'celle-ci'} n'avait pas d'incidences financières.`;
  }
  if (lang === 'es') {
    const before = adopted ? `Antes de que se aprobara la ${resolution ? 'resolución' : 'decisión'}` : `Antes de que se adoptaran medidas sobre el ${noun}`;
    const to = body.startsWith('el ') ? `al ${body.slice(3)}` : `a ${body}`;
    return summary
      ? ` ${before}, ${who} informó ${to} de las consecuencias para el presupuesto por programas: ${summary}`
      : ` ${before}, ${who} informó ${to} de que esta no tenía consecuencias financieras.`;
  }
  if (lang === 'ru') {
    const before = adopted ? `До принятия ${resolution ? 'резолюции' : 'решения'}` : `До принятия решения по ${resolution ? 'проекту резолюции' : 'проекту решения'}`;
    return summary
      ? ` ${before} ${who} сообщил ${ruDative(body)} о последствиях для бюджета по программам: ${summary}`
      : ` ${before} ${who} сообщил ${ruDative(body)}, что ${resolution ? 'она' : 'оно'} не имеет финансовых последствий.`;
  }
  const before = adopted ? `وقبل اعتماد ${resolution ? 'القرار' : 'المقرر'}` : `وقبل اتخاذ إجراء بشأن ${noun}`;
  return summary ? ` ${before}، أبلغ ${who} ${body} بالآثار المترتبة في الميزانية البرنامجية: ${summary}` : ` ${before}، أبلغ ${who} ${body} بأنه ليست له آثار مالية.`;
}

/** The chair's conclusion as a paragraph of its own, in the record's words or, for a draft deferred or not acted on, what followed. */
export function otherConclusion(
  s: StatementEntry,
  draft: ActionParagraphInput | null,
  action: { deferred: boolean; noAction: boolean; annexed: boolean },
  ctx: SessionReportContext,
  lang: OtherLang,
): string {
  const who = capitalFirst(subjectOf(s, ctx, lang));
  const b = bodyName(ctx.body, lang);
  const body = b.text;
  const accepted = s.accepted
    ? {
        fr: `, ce que ${body} a accepté`,
        es: `, lo que ${body} aceptó`,
        ru: `, с чем ${body} ${b.gender === 'm' ? 'согласился' : b.gender === 'n' ? 'согласилось' : 'согласилась'}`,
        ar: `، وهو ما قبله ${body}`,
      }[lang]
    : '';
  const said = s.summary && Object.values(s.summary).some((v) => v?.trim()) ? inLang(s.summary, lang) : null;
  const lead = { fr: `${who} a conclu que`, es: `${who} concluyó que`, ru: `${who} в заключение сказал, что`, ar: `وخلص ${who} إلى أن` }[lang];
  if (said) return `${lead} ${said}${accepted}.`;
  if (!draft) return '';
  const noun = otherDraftNoun(draft.kind, revisedOf(draft.symbol), lang);
  const session = draft.session;
  const ru = b.gender === 'f' ? 'ее' : 'его';
  const report = {
    fr: session ? `au rapport ${body.startsWith('le ') ? `du ${body.slice(3)}` : `de ${body}`} sur les travaux de sa ${frOrdinalWord(session)} session` : 'au présent rapport',
    es: session ? `al informe ${body.startsWith('el ') ? `del ${body.slice(3)}` : `de ${body}`} sobre su ${esOrdinalWord(session)} período de sesiones` : 'al presente informe',
    ru: session ? `к докладу ${ruGenitive(body)} о работе ${ru} ${ruOrdinalWord(session)} сессии` : 'к настоящему докладу',
    ar: session ? `بتقرير ${body} عن أعمال ${b.gender === 'f' ? 'دورتها' : 'دورته'} ${arOrdinalWord(session)}` : 'بهذا التقرير',
  }[lang];
  const W = {
    fr: [
      action.deferred ? `le ${noun} (${draft.symbol}) ne serait pas examiné` : `l'examen du ${noun} (${draft.symbol}) était terminé`,
      'aucune suite ne lui serait donnée',
      `son texte serait annexé ${report}`,
    ],
    es: [
      action.deferred ? `el ${noun} (${draft.symbol}) no se examinaría` : `había concluido el examen del ${noun} (${draft.symbol})`,
      'no se adoptaría ninguna medida al respecto',
      `su texto se adjuntaría como anexo ${report}`,
    ],
    ru: [
      action.deferred
        ? `${noun} (${draft.symbol}) рассматриваться не будет`
        : `рассмотрение ${noun.replace('проект', 'проекта').replace('пересмотренный', 'пересмотренного')} (${draft.symbol}) завершено`,
      'никаких решений по нему приниматься не будет',
      `его текст будет включен в приложение ${report}`,
    ],
    ar: [action.deferred ? `${noun} (${draft.symbol}) لن يُنظر فيه` : `النظر في ${noun} (${draft.symbol}) قد انتهى`, 'لن يُتخذ أي إجراء بشأنه', `نصه سيُرفق ${report}`],
  }[lang];
  const clauses = [W[0]!, action.noAction ? W[1]! : null, action.annexed ? W[2]! : null].filter((c): c is string => c !== null);
  const that = {
    fr: (c: string) => `que ${c}`.replace(/^que ([aeiouéh])/i, "qu'$1"),
    es: (c: string) => `que ${c}`,
    ru: (c: string) => `что ${c}`,
    // "أنه لن …": a clause opening on a particle takes the pronoun after "أن".
    ar: (c: string) => (c.startsWith('لن ') ? `أنه ${c}` : `أن ${c}`),
  }[lang];
  const joined =
    lang === 'ar'
      ? clauses.map((c, i) => (i === 0 ? c : `و${that(c)}`)).join('، ')
      : joinList(
          clauses.map((c, i) => (i === 0 ? c : that(c))),
          lang,
        );
  const see = action.annexed ? { fr: ' (voir annexe)', es: ' (véase el anexo)', ru: ' (см. приложение)', ar: ' (انظر المرفق)' }[lang] : '';
  return `${lead} ${joined}${accepted}${see}.`;
}
