/**
 * Putting a new draft forward from the console: its kind, its language (the original, which is
 * the reference language of its text), its title in any of the six languages and its agenda item,
 * and the delegation that sponsors it. Only the title in the draft's own language is required
 * (shared/titles.ts `titleRefusal`, the rule the server applies): the form says so beside that
 * title before anything is sent, and shows the server's refusal beside the field it concerns.
 */
import { LANGUAGES, languageNameIn, type Lang, type LocalizedText } from '../../shared/languages';
import { titleRefusal } from '../../shared/titles';
import { api, ApiError } from '../api';
import { t, uiLanguage } from '../i18n';
import { askFormUntil, type Field, type FormValues } from './forms';

/** What the drafts route answers for a new draft (only what the console reads). */
export interface NewDraftJSON {
  id: string;
  symbol: string;
}

// The six, the interface's language first: the order of the title's fields.
const titleLanguages = (): Lang[] => [uiLanguage(), ...LANGUAGES.filter((l) => l !== uiLanguage())];

/** The fields of the form; `delegations` are [id, name] pairs for the main sponsor. */
export function newDraftFields(delegations: [id: string, name: string][]): Field[] {
  const ui = uiLanguage();
  return [
    {
      name: 'kind',
      label: t('console:newDraft.kind'),
      kind: 'select',
      options: [
        ['resolution', t('console:newDraft.resolution')],
        ['decision', t('console:newDraft.decision')],
      ],
    },
    {
      name: 'language',
      label: t('console:newDraft.language'),
      kind: 'select',
      options: LANGUAGES.map((l) => [l, languageNameIn(l, ui)]),
      value: ui,
      hint: t('console:newDraft.languageHint'),
    },
    ...titleLanguages().map(
      (lang): Field => ({
        name: `title.${lang}`,
        label: t('console:inLanguage', { label: t('console:newDraft.title'), language: languageNameIn(lang, ui) }),
        kind: 'text',
      }),
    ),
    { name: 'agendaItem', label: t('console:newDraft.agendaItem'), kind: 'text', required: true, hint: t('console:newDraft.agendaItemHint') },
    { name: 'mainSponsorId', label: t('console:newDraft.mainSponsor'), kind: 'select', options: [['', t('console:newDraft.noSponsor')], ...delegations] },
  ];
}

/** The title typed, in the languages given. */
export function titleOf(values: FormValues): LocalizedText {
  const title: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const typed = values[`title.${lang}`];
    if (typeof typed === 'string' && typed.trim() !== '') title[lang] = typed.trim();
  }
  return title;
}

/** The body of POST /api/sessions/:id/drafts from the form's values. */
export function newDraftBody(values: FormValues): Record<string, unknown> {
  return {
    kind: values.kind,
    language: values.language,
    title: titleOf(values),
    agendaItem: values.agendaItem ?? '',
    mainSponsorId: values.mainSponsorId || null,
  };
}

// The field a refusal of the server concerns, by what its words name.
function refusedField(message: string, language: string): string | undefined {
  if (/title/i.test(message)) return `title.${language}`;
  if (/agenda/i.test(message)) return 'agendaItem';
  if (/sponsor|delegation/i.test(message)) return 'mainSponsorId';
  return undefined;
}

/**
 * Ask for a new draft of a session and put it forward; the form stays open while the title in the
 * draft's language is missing or the server refuses. Resolves with the new draft, or null when cancelled.
 */
export function askNewDraft(sessionId: string, delegations: [id: string, name: string][]): Promise<NewDraftJSON | null> {
  return askFormUntil(t('console:newDraft.heading'), newDraftFields(delegations), t('console:newDraft.submit'), async (values) => {
    const language = String(values.language);
    // The rule of shared/titles.ts, checked here first so the form can say it in the interface's language.
    if (titleRefusal(titleOf(values), language) !== null) {
      const name = LANGUAGES.includes(language as Lang) ? languageNameIn(language as Lang, uiLanguage()) : language;
      return { ok: false, refusal: { message: t('console:newDraft.titleRequired', { language: name }), field: `title.${language}` } };
    }
    try {
      return { ok: true, value: await api<NewDraftJSON>('POST', `/api/sessions/${encodeURIComponent(sessionId)}/drafts`, newDraftBody(values)) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { ok: false, refusal: { message: e.message, field: refusedField(e.message, language) } };
    }
  });
}
