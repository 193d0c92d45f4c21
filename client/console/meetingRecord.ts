/**
 * The console's "Meeting record" of a session: what the secretariat records at the meetings
 * beyond a draft's text (shared/meetingRecord.ts) — a recorded procedural vote, a statement, a
 * correction of vote —
 * and the list of what is recorded, from GET /api/sessions/:id/record. The server decides:
 * a refusal (422 session_record_invalid) names the field, and its reason is shown beside that
 * field with what was typed kept. Everything people typed is shown as text, never as HTML.
 */
import { api, ApiError } from '../api';
import { LANGUAGES, languageNameIn, type Lang, type LocalizedText } from '../../shared/languages';
import { STATEMENT_KINDS } from '../../shared/meetingRecord';
import type { TwoThirdsRule } from '../../shared/votes';
import { el, formatWhen, localizedString } from '../dom';
import { t, uiLanguage } from '../i18n';
import { majorityChoices } from './recordForms';

/** A delegation as the console knows it. */
export interface RecordDelegation {
  id: string;
  code: string;
  name: LocalizedText;
}

/** A draft of the session, to tie a statement to. */
export interface RecordDraft {
  id: string;
  symbol: string;
}

// An entry as GET /api/sessions/:id/record presents it (server/presenters/session.ts); only what the list shows.
interface EntryJSON {
  seq: number;
  kind: 'vote' | 'statement' | 'vote_correction';
  meeting: number;
  date: string;
  draftId: string | null;
  question?: LocalizedText;
  subject?: string;
  yes?: number;
  no?: number;
  abstain?: number;
  votedUnder?: number[];
  majorityUnder?: number[];
  count?: { presentAndVoting: number; required: number; carried: boolean; majority: string } | null;
  corrections?: { delegationId: string; intended: string }[];
  statement?: string;
  timing?: string | null;
  speakers?: ({ delegationId: string } | { officer: LocalizedText })[];
  voteSeq?: number | null;
  delegationId?: string;
  intended?: string;
}

// A statement's kind as the interface words it.
const statementLabel = (kind: string): string => ((STATEMENT_KINDS as readonly string[]).includes(kind) ? t(`console:statement.${kind}`) : kind);

/** The six languages, the interface's own first: the order of a localized field's inputs. */
const fieldLanguages = (): Lang[] => [uiLanguage(), ...LANGUAGES.filter((l) => l !== uiLanguage())];

/** The officer who speaks for conclusions and budget implications, named in the six languages. */
const PRESIDENT: LocalizedText = { ar: 'الرئيس', zh: '主席', en: 'President', fr: 'Président', ru: 'Председатель', es: 'Presidente' };

// One field of an inline form: label, control, and the place for the server's reason beside it.
function field(form: string, name: string, label: string, control: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  control.id = `${form}-${name.replace(/\./g, '-')}`;
  control.name = name;
  const error = el('span', { id: `${control.id}-error`, className: 'field-error error', attrs: { role: 'alert' } });
  return el(
    'p',
    { className: 'field', attrs: { 'data-field': name } },
    el('label', { htmlFor: control.id }, label),
    ' ',
    control,
    hint ? el('span', { className: 'field-hint muted' }, hint) : null,
    error,
  );
}

const text = (value = '') => el('input', { type: 'text', value });
const number = () => el('input', { type: 'number', min: '0', step: '1' });
const select = (options: [string, string][], multiple = false) => el('select', { multiple }, ...options.map(([value, label]) => el('option', { value }, label)));

/** Rule numbers typed "57, 61 63" → [57, 61, 63]; what is not a number is sent as typed, for the server to refuse. */
export function parseRules(typed: string): unknown[] {
  return typed
    .split(/[\s,、]+/)
    .filter(Boolean)
    .map((r) => (/^\d+$/.test(r) ? Number(r) : r));
}

function clearRefusal(form: HTMLFormElement, general: HTMLElement): void {
  for (const e of form.querySelectorAll('.field-error')) e.textContent = '';
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  general.textContent = '';
}

// Show a refusal beside the field it names (the longest name that starts the path), or above the form.
function showRefusal(form: HTMLFormElement, general: HTMLElement, error: unknown): void {
  clearRefusal(form, general);
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  const field = error instanceof ApiError ? (error.details as { field?: unknown } | undefined)?.field : undefined;
  const path = typeof field === 'string' ? field : '';
  const lines = [...form.querySelectorAll<HTMLElement>('[data-field]')].filter((l) => path !== '' && (path === l.dataset.field || path.startsWith(`${l.dataset.field}.`)));
  const line = lines.sort((a, b) => (b.dataset.field?.length ?? 0) - (a.dataset.field?.length ?? 0))[0];
  if (!line) {
    general.textContent = t('console:refused', { reason: message });
    return;
  }
  // Beside the field, its name in front of the reason says nothing more.
  line.querySelector('.field-error')!.textContent = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
  const control = line.querySelector<HTMLElement>('input, select');
  control?.setAttribute('aria-invalid', 'true');
  control?.focus();
}

// The values of a form by field name (trimmed text; empty is null).
function values(form: HTMLFormElement): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const c of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    if (c instanceof HTMLInputElement && c.type === 'checkbox') out[c.name] = c.checked ? 'yes' : null;
    else out[c.name] = c.value.trim() === '' ? null : c.value.trim();
  }
  return out;
}
const num = (v: string | null | undefined) => (v == null ? undefined : Number(v));
// A localized field from its inputs `name.<lang>`: the languages typed, or null when none was.
const localized = (v: Record<string, string | null>, name: string): LocalizedText | null => {
  const out: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const typed = v[`${name}.${lang}`];
    if (typed != null) out[lang] = typed;
  }
  return Object.keys(out).length ? out : null;
};

// One input per language for a localized field ("Question (French)"), the interface's language first; `hint` under the first.
const localizedFields = (form: string, name: string, label: string, hint?: string): HTMLElement[] =>
  fieldLanguages().map((lang, i) => {
    const input = text();
    input.lang = lang;
    input.dir = 'auto';
    return field(form, `${name}.${lang}`, t('console:inLanguage', { label, language: languageNameIn(lang, uiLanguage()) }), input, i === 0 ? hint : undefined);
  });

function describe(e: EntryJSON, names: ReadonlyMap<string, string>, drafts: ReadonlyMap<string, string>): string {
  const when = t('console:record.when', { meeting: e.meeting, date: formatWhen(e.date) });
  const draft = e.draftId ? ` — ${drafts.get(e.draftId) ?? t('console:record.aDraft')}` : '';
  const intended = (x: string | undefined) => (x === 'yes' || x === 'no' || x === 'abstain' ? t(`console:record.intendedValue.${x}`) : (x ?? ''));
  const sep = t('console:record.listSeparator');
  if (e.kind === 'vote') {
    const c = e.count;
    const rules = [
      e.votedUnder?.length ? t('console:record.votedUnder', { rules: e.votedUnder.join(', ') }) : '',
      e.majorityUnder?.length ? t('console:record.majorityUnder', { rules: e.majorityUnder.join(', ') }) : '',
    ]
      .filter(Boolean)
      .join(sep);
    const majority = c && (c.majority === 'simple' || c.majority === 'two-thirds') ? t(`console:record.majorityValue.${c.majority}`) : (c?.majority ?? '');
    const outcome = c ? t(c.carried ? 'console:record.carried' : 'console:record.notCarried', { present: c.presentAndVoting, required: c.required, majority }) : '';
    const corrected = (e.corrections ?? [])
      .map((x) => t('console:record.intended', { delegation: names.get(x.delegationId) ?? x.delegationId, intended: intended(x.intended) }))
      .join(sep);
    const subject = e.subject === 'procedural' ? t('console:record.procedural') : (e.subject ?? '');
    return `#${e.seq} ${when}${draft} — ${t('console:record.vote', { subject, question: localizedString(e.question), yes: e.yes, no: e.no, abstain: e.abstain })}${sep}${outcome}${rules ? `${sep}${rules}` : ''}${corrected ? t('console:record.corrections', { corrections: corrected }) : ''}`;
  }
  if (e.kind === 'statement') {
    const who = (e.speakers ?? [])
      .map((s) => ('officer' in s ? localizedString(s.officer) : (names.get(s.delegationId) ?? s.delegationId)))
      .join(t('console:record.speakerSeparator'));
    const timing = e.timing === 'before' || e.timing === 'after' ? t(`console:timing.${e.timing}`) : e.timing;
    return `#${e.seq} ${when}${draft} — ${statementLabel(e.statement ?? '')}${timing ? ` (${timing})` : ''}${e.voteSeq ? t('console:record.onVote', { seq: e.voteSeq }) : ''}: ${who}`;
  }
  return `#${e.seq} ${when} — ${t('console:record.correction', { seq: e.voteSeq, delegation: names.get(e.delegationId ?? '') ?? e.delegationId, intended: intended(e.intended) })}`;
}

/** The "Meeting record" section of one session: the list, and the forms to record a procedural vote and a statement. */
export function meetingRecordSection(session: { id: string; opens?: string }, delegations: readonly RecordDelegation[], drafts: readonly RecordDraft[]): HTMLElement {
  const names = new Map(delegations.map((d) => [d.id, localizedString(d.name)]));
  const draftNames = new Map(drafts.map((d) => [d.id, d.symbol]));
  const path = `/api/sessions/${session.id}/record`;
  const list = el('ol', { className: 'meeting-record-list' });
  const status = el('p', { className: 'meeting-record-status', attrs: { role: 'status', 'aria-live': 'polite' } });

  // The session's report paragraphs in session order, in the language chosen (shared/reportMeeting.ts writes them).
  const paragraphs = el('ol', { className: 'session-report' });
  const language = select(LANGUAGES.map((l) => [l, languageNameIn(l, uiLanguage())]));
  language.value = 'en';
  language.id = `mr-${session.id}-lang`;
  const loadReport = async () => {
    const report = await api<{ paragraphs: { kind: string; text: string }[] }>('GET', `/api/sessions/${session.id}/report?lang=${language.value}`);
    paragraphs.lang = language.value;
    paragraphs.replaceChildren(...report.paragraphs.map((p) => el('li', { attrs: { 'data-kind': p.kind } }, p.text)));
  };
  language.addEventListener('change', () => {
    loadReport().catch((e) => {
      status.textContent = t('console:record.reportUnreadable', { reason: e instanceof Error ? e.message : String(e) });
    });
  });

  const load = async () => {
    await loadReport().catch(() => paragraphs.replaceChildren(el('li', { className: 'muted' }, t('console:record.reportNotYet'))));
    const record = await api<{ entries: EntryJSON[] }>('GET', path);
    list.replaceChildren(
      ...(record.entries.length
        ? record.entries.map((e) => el('li', { attrs: { 'data-seq': String(e.seq) } }, describe(e, names, draftNames)))
        : [el('li', { className: 'muted' }, t('console:record.nothing'))]),
    );
    const votes = record.entries.filter((e) => e.kind === 'vote').map((e): [string, string] => [String(e.seq), `#${e.seq} ${localizedString(e.question)}`]);
    for (const choice of [voteSeq, correctedVote]) {
      const kept = choice.value;
      choice.replaceChildren(...[['', '—'] as [string, string], ...votes].map(([value, label]) => el('option', { value, selected: value === kept }, label)));
    }
  };

  const submitWith = (form: HTMLFormElement, general: HTMLElement, body: () => unknown, what: string) =>
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button')!;
      button.disabled = true;
      try {
        const recorded = await api<{ seq: number }>('POST', path, body());
        clearRefusal(form, general);
        await load();
        status.textContent = t(what, { seq: recorded.seq });
      } catch (e) {
        showRefusal(form, general, e);
        status.textContent = '';
      } finally {
        button.disabled = false;
      }
    });

  // The procedural vote.
  const delegationOptions: [string, string][] = delegations.map((d) => [d.id, localizedString(d.name)]);
  const voteError = el('p', { className: 'form-error error', attrs: { role: 'alert' } });
  const voteForm = el(
    'form',
    { className: 'console-form meeting-vote', attrs: { 'aria-labelledby': `mv-${session.id}` } },
    voteError,
    field('mv', 'meeting', t('console:field.meeting'), number()),
    field('mv', 'date', t('console:field.date'), el('input', { type: 'date', value: session.opens ?? '' })),
    ...localizedFields('mv', 'question', t('console:mv.question'), t('console:mv.questionHint')),
    field('mv', 'rulesRecalled', t('console:mv.rulesRecalled'), text(), t('console:mv.rulesHint')),
    field('mv', 'votedUnder', t('console:mv.votedUnder'), text()),
    field('mv', 'majorityUnder', t('console:mv.majorityUnder'), text()),
    field('mv', 'yes', t('console:field.inFavour'), number()),
    field('mv', 'no', t('console:field.against'), number()),
    field('mv', 'abstain', t('console:mv.abstaining'), number()),
    field('mv', 'majority', t('console:field.majority'), select(majorityChoices())),
    // 'More than two thirds' first, as the form always offered it: the rounding the COP11 report shows (53 of 78).
    field(
      'mv',
      'twoThirds',
      t('console:mv.twoThirds'),
      select((['more-than', 'at-least'] satisfies TwoThirdsRule[]).map((r) => [r, t(`console:twoThirds.${r}`)])),
      t('console:mv.twoThirdsHint'),
    ),
    field('mv', 'roll.yes', t('console:mv.rollYes'), text(), t('console:mv.rollHint')),
    field('mv', 'roll.no', t('console:mv.rollNo'), text()),
    field('mv', 'roll.abstain', t('console:mv.rollAbstain'), text()),
    el('p', { className: 'actions' }, el('button', { type: 'submit' }, t('console:mv.submit'))),
  );
  const byCode = new Map(delegations.map((d) => [d.code.toUpperCase(), d.id]));
  const codes = (typed: string | null | undefined) =>
    (typed ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((c) => byCode.get(c.toUpperCase()) ?? c);
  submitWith(
    voteForm,
    voteError,
    () => {
      const v = values(voteForm);
      const listed = v['roll.yes'] !== null || v['roll.no'] !== null || v['roll.abstain'] !== null;
      return {
        kind: 'vote',
        meeting: num(v.meeting),
        date: v.date,
        subject: 'procedural',
        question: localized(v, 'question'),
        rulesRecalled: parseRules(v.rulesRecalled ?? ''),
        votedUnder: parseRules(v.votedUnder ?? ''),
        majorityUnder: parseRules(v.majorityUnder ?? ''),
        yes: num(v.yes),
        no: num(v.no),
        abstain: num(v.abstain),
        majority: v.majority,
        twoThirds: v.majority === 'two-thirds' ? v.twoThirds : null,
        roll: listed ? { yes: codes(v['roll.yes']), no: codes(v['roll.no']), abstain: codes(v['roll.abstain']) } : null,
      };
    },
    'console:mv.recorded',
  );

  // The statement.
  const voteSeq = select([['', '—']]);
  const statementError = el('p', { className: 'form-error error', attrs: { role: 'alert' } });
  const statementForm = el(
    'form',
    { className: 'console-form meeting-statement', attrs: { 'aria-labelledby': `ms-${session.id}` } },
    statementError,
    field('ms', 'meeting', t('console:field.meeting'), number()),
    field('ms', 'date', t('console:field.date'), el('input', { type: 'date', value: session.opens ?? '' })),
    field('ms', 'statement', t('console:ms.kind'), select(STATEMENT_KINDS.map((k) => [k, statementLabel(k)]))),
    field(
      'ms',
      'timing',
      t('console:ms.timing'),
      select([
        ['', '—'],
        ['after', t('console:ms.after')],
        ['before', t('console:ms.before')],
      ]),
      t('console:ms.timingHint'),
    ),
    field('ms', 'speakers', t('console:ms.speakers'), select(delegationOptions, true), t('console:ms.speakersHint')),
    field('ms', 'draftId', t('console:ms.draft'), select([['', t('console:ms.noDraft')], ...drafts.map((d): [string, string] => [d.id, d.symbol])])),
    field('ms', 'voteSeq', t('console:field.vote'), voteSeq),
    field('ms', 'accepted', t('console:ms.accepted'), el('input', { type: 'checkbox' }), t('console:ms.acceptedHint')),
    ...localizedFields('ms', 'summary', t('console:ms.summary'), t('console:ms.summaryHint')),
    el('p', { className: 'actions' }, el('button', { type: 'submit' }, t('console:ms.submit'))),
  );
  submitWith(
    statementForm,
    statementError,
    () => {
      const v = values(statementForm);
      const kind = v.statement;
      const speakersSelect = statementForm.querySelector<HTMLSelectElement>('select[name="speakers"]')!;
      const chosen = [...speakersSelect.selectedOptions].map((o) => ({ delegationId: o.value }));
      const officer = kind === 'chair_conclusion' || kind === 'budget_implications';
      return {
        kind: 'statement',
        meeting: num(v.meeting),
        date: v.date,
        draftId: v.draftId,
        statement: kind,
        timing: v.timing,
        speakers: officer && chosen.length === 0 ? [{ officer: PRESIDENT }] : chosen,
        voteSeq: num(v.voteSeq),
        summary: localized(v, 'summary'),
        accepted: v.accepted === 'yes',
      };
    },
    'console:ms.recorded',
  );

  // The correction of a vote: kept beside it, its count unchanged.
  const correctedVote = select([['', '—']]);
  const correctionError = el('p', { className: 'form-error error', attrs: { role: 'alert' } });
  const correctionForm = el(
    'form',
    { className: 'console-form meeting-correction', attrs: { 'aria-labelledby': `mc-${session.id}` } },
    correctionError,
    field('mc', 'voteSeq', t('console:field.vote'), correctedVote),
    field('mc', 'meeting', t('console:field.meeting'), number()),
    field('mc', 'date', t('console:field.date'), el('input', { type: 'date', value: session.opens ?? '' })),
    field('mc', 'delegationId', t('console:mc.delegation'), select([['', '—'], ...delegationOptions])),
    field(
      'mc',
      'intended',
      t('console:mc.intended'),
      select([
        ['yes', t('console:mc.voteYes')],
        ['no', t('console:mc.voteNo')],
        ['abstain', t('console:mc.abstain')],
      ]),
    ),
    el('p', { className: 'actions' }, el('button', { type: 'submit' }, t('console:mc.submit'))),
  );
  submitWith(
    correctionForm,
    correctionError,
    () => {
      const v = values(correctionForm);
      return { kind: 'vote_correction', voteSeq: num(v.voteSeq), meeting: num(v.meeting), date: v.date, delegationId: v.delegationId, intended: v.intended };
    },
    'console:mc.recorded',
  );

  const section = el(
    'section',
    { className: 'meeting-record', attrs: { 'aria-labelledby': `mr-${session.id}` } },
    el('h3', { id: `mr-${session.id}` }, t('console:record.heading')),
    status,
    list,
    // The forms fold away: the console lists every session, each with its record.
    el('details', { className: 'record-vote' }, el('summary', { id: `mv-${session.id}` }, t('console:record.voteSummary')), voteForm),
    el('details', { className: 'record-statement' }, el('summary', { id: `ms-${session.id}` }, t('console:record.statementSummary')), statementForm),
    el('details', { className: 'record-correction' }, el('summary', { id: `mc-${session.id}` }, t('console:record.correctionSummary')), correctionForm),
    el(
      'details',
      { className: 'session-report-paragraphs' },
      el('summary', {}, t('console:record.reportSummary')),
      el('p', {}, el('label', { htmlFor: language.id }, t('console:record.language')), ' ', language),
      paragraphs,
    ),
  );
  load().catch((e) => {
    status.textContent = t('console:record.unreadable', { reason: e instanceof Error ? e.message : String(e) });
  });
  return section;
}
