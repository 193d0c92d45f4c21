/**
 * The console's "Meeting record" of a session: what the secretariat records at the meetings
 * beyond a draft's text (shared/meetingRecord.ts) — a recorded procedural vote, a statement, a
 * correction of vote —
 * and the list of what is recorded, from GET /api/sessions/:id/record. The server decides:
 * a refusal (422 session_record_invalid) names the field, and its reason is shown beside that
 * field with what was typed kept. Everything people typed is shown as text, never as HTML.
 */
import { api, ApiError } from '../api';
import type { LocalizedText } from '../../shared/delegations';
import { STATEMENT_KINDS } from '../../shared/meetingRecord';
import { choices, MAJORITIES, MAJORITY_LABELS, TWO_THIRDS_RULE_LABELS, type TwoThirdsRule } from '../../shared/votes';
import { el, formatWhen } from '../dom';

/** A delegation as the console knows it. */
export interface RecordDelegation {
  id: string;
  code: string;
  name: { en: string };
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

const STATEMENT_LABELS: Record<(typeof STATEMENT_KINDS)[number], string> = {
  explanation_of_vote: 'Explanation of vote',
  explanation_of_position: 'Explanation of position',
  introduction: 'Introduction by the sponsor',
  budget_implications: 'Programme budget implications',
  chair_conclusion: "Chair's conclusion",
};

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
    general.textContent = `Refused: ${message}`;
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
const both = (en: string | null | undefined, zh: string | null | undefined) => (en == null && zh == null ? null : { en: en ?? '', zh: zh ?? '' });

function describe(e: EntryJSON, names: ReadonlyMap<string, string>, drafts: ReadonlyMap<string, string>): string {
  const when = `Meeting ${e.meeting}, ${formatWhen(e.date)}`;
  const draft = e.draftId ? ` — ${drafts.get(e.draftId) ?? 'a draft'}` : '';
  if (e.kind === 'vote') {
    const c = e.count;
    const rules = [e.votedUnder?.length ? `voted under rule ${e.votedUnder.join(', ')}` : '', e.majorityUnder?.length ? `majority under rule ${e.majorityUnder.join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
    const outcome = c ? `${c.presentAndVoting} present and voting, ${c.required} required (${c.majority}): ${c.carried ? 'carried' : 'not carried'}` : '';
    const corrected = (e.corrections ?? []).map((x) => `${names.get(x.delegationId) ?? x.delegationId} intended ${x.intended}`).join('; ');
    return `#${e.seq} ${when}${draft} — Vote (${e.subject}) on ${e.question?.en ?? ''}: ${e.yes} in favour, ${e.no} against, ${e.abstain} abstaining; ${outcome}${rules ? `; ${rules}` : ''}${corrected ? `. Corrections: ${corrected}` : ''}`;
  }
  if (e.kind === 'statement') {
    const who = (e.speakers ?? []).map((s) => ('officer' in s ? s.officer.en : (names.get(s.delegationId) ?? s.delegationId))).join(', ');
    const label = STATEMENT_LABELS[e.statement as keyof typeof STATEMENT_LABELS] ?? e.statement;
    return `#${e.seq} ${when}${draft} — ${label}${e.timing ? ` (${e.timing})` : ''}${e.voteSeq ? ` on vote #${e.voteSeq}` : ''}: ${who}`;
  }
  return `#${e.seq} ${when} — Correction of vote #${e.voteSeq}: ${names.get(e.delegationId ?? '') ?? e.delegationId} intended ${e.intended}`;
}

/** The "Meeting record" section of one session: the list, and the forms to record a procedural vote and a statement. */
export function meetingRecordSection(session: { id: string; opens?: string }, delegations: readonly RecordDelegation[], drafts: readonly RecordDraft[]): HTMLElement {
  const names = new Map(delegations.map((d) => [d.id, d.name.en]));
  const draftNames = new Map(drafts.map((d) => [d.id, d.symbol]));
  const path = `/api/sessions/${session.id}/record`;
  const list = el('ol', { className: 'meeting-record-list' });
  const status = el('p', { className: 'meeting-record-status', attrs: { role: 'status', 'aria-live': 'polite' } });

  // The session's report paragraphs in session order, in the language chosen (shared/reportMeeting.ts writes them).
  const paragraphs = el('ol', { className: 'session-report' });
  const language = select([
    ['en', 'English'],
    ['zh', 'Chinese'],
  ]);
  language.id = `mr-${session.id}-lang`;
  const loadReport = async () => {
    const report = await api<{ paragraphs: { kind: string; text: string }[] }>('GET', `/api/sessions/${session.id}/report?lang=${language.value}`);
    paragraphs.lang = language.value;
    paragraphs.replaceChildren(...report.paragraphs.map((p) => el('li', { attrs: { 'data-kind': p.kind } }, p.text)));
  };
  language.addEventListener('change', () => {
    loadReport().catch((e) => {
      status.textContent = `The report paragraphs could not be read: ${e instanceof Error ? e.message : String(e)}`;
    });
  });

  const load = async () => {
    await loadReport().catch(() => paragraphs.replaceChildren(el('li', { className: 'muted' }, 'The report paragraphs could not be written yet.')));
    const record = await api<{ entries: EntryJSON[] }>('GET', path);
    list.replaceChildren(
      ...(record.entries.length
        ? record.entries.map((e) => el('li', { attrs: { 'data-seq': String(e.seq) } }, describe(e, names, draftNames)))
        : [el('li', { className: 'muted' }, 'Nothing recorded yet.')]),
    );
    const votes = record.entries.filter((e) => e.kind === 'vote').map((e): [string, string] => [String(e.seq), `#${e.seq} ${e.question?.en ?? ''}`]);
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
        status.textContent = `${what} recorded as #${recorded.seq}.`;
      } catch (e) {
        showRefusal(form, general, e);
        status.textContent = '';
      } finally {
        button.disabled = false;
      }
    });

  // The procedural vote.
  const delegationOptions: [string, string][] = delegations.map((d) => [d.id, d.name.en]);
  const voteError = el('p', { className: 'form-error error', attrs: { role: 'alert' } });
  const voteForm = el(
    'form',
    { className: 'console-form meeting-vote', attrs: { 'aria-labelledby': `mv-${session.id}` } },
    voteError,
    field('mv', 'meeting', 'Meeting', number()),
    field('mv', 'date', 'Date', el('input', { type: 'date', value: session.opens ?? '' })),
    field('mv', 'question.en', 'Question (English)', text(), 'a clause: "whether the matter could be considered procedural"'),
    field('mv', 'question.zh', 'Question (Chinese)', text()),
    field('mv', 'rulesRecalled', 'Rules the chair recalled', text(), 'numbers, such as 57, 61, 63'),
    field('mv', 'votedUnder', 'Voted under rule(s)', text()),
    field('mv', 'majorityUnder', 'Majority under rule(s)', text()),
    field('mv', 'yes', 'In favour', number()),
    field('mv', 'no', 'Against', number()),
    field('mv', 'abstain', 'Abstaining', number()),
    field('mv', 'majority', 'Majority required', select(choices(MAJORITIES, MAJORITY_LABELS))),
    // 'More than two thirds' first, as the form always offered it: the rounding the COP11 report shows (53 of 78).
    field(
      'mv',
      'twoThirds',
      'Two thirds counted as',
      select(choices(['more-than', 'at-least'] satisfies TwoThirdsRule[], TWO_THIRDS_RULE_LABELS)),
      'for a two-thirds majority only',
    ),
    field('mv', 'roll.yes', 'List: in favour', text(), 'optional: delegation codes, such as CHL, FRA'),
    field('mv', 'roll.no', 'List: against', text()),
    field('mv', 'roll.abstain', 'List: abstaining', text()),
    el('p', { className: 'actions' }, el('button', { type: 'submit' }, 'Record the vote')),
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
        question: both(v['question.en'], v['question.zh']),
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
    'The vote was',
  );

  // The statement.
  const voteSeq = select([['', '—']]);
  const statementError = el('p', { className: 'form-error error', attrs: { role: 'alert' } });
  const statementForm = el(
    'form',
    { className: 'console-form meeting-statement', attrs: { 'aria-labelledby': `ms-${session.id}` } },
    statementError,
    field('ms', 'meeting', 'Meeting', number()),
    field('ms', 'date', 'Date', el('input', { type: 'date', value: session.opens ?? '' })),
    field('ms', 'statement', 'Kind', select(STATEMENT_KINDS.map((k) => [k, STATEMENT_LABELS[k]]))),
    field(
      'ms',
      'timing',
      'Before or after',
      select([
        ['', '—'],
        ['after', 'after the vote or action'],
        ['before', 'before the vote or action'],
      ]),
      'explanations only',
    ),
    field('ms', 'speakers', 'Speakers (in order)', select(delegationOptions, true), 'delegations; the chair speaks for conclusions and budget implications'),
    field('ms', 'draftId', 'Draft', select([['', '— none —'], ...drafts.map((d): [string, string] => [d.id, d.symbol])])),
    field('ms', 'voteSeq', 'Vote', voteSeq),
    field('ms', 'accepted', 'Accepted by the body', el('input', { type: 'checkbox' }), "a chair's conclusion only"),
    field('ms', 'summary.en', 'What was said (English)', text(), 'optional, in the report’s words'),
    field('ms', 'summary.zh', 'What was said (Chinese)', text()),
    el('p', { className: 'actions' }, el('button', { type: 'submit' }, 'Record the statement')),
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
        speakers: officer && chosen.length === 0 ? [{ officer: { en: 'President', zh: '主席' } }] : chosen,
        voteSeq: num(v.voteSeq),
        summary: both(v['summary.en'], v['summary.zh']),
        accepted: v.accepted === 'yes',
      };
    },
    'The statement was',
  );

  // The correction of a vote: kept beside it, its count unchanged.
  const correctedVote = select([['', '—']]);
  const correctionError = el('p', { className: 'form-error error', attrs: { role: 'alert' } });
  const correctionForm = el(
    'form',
    { className: 'console-form meeting-correction', attrs: { 'aria-labelledby': `mc-${session.id}` } },
    correctionError,
    field('mc', 'voteSeq', 'Vote', correctedVote),
    field('mc', 'meeting', 'Meeting', number()),
    field('mc', 'date', 'Date', el('input', { type: 'date', value: session.opens ?? '' })),
    field('mc', 'delegationId', 'Delegation', select([['', '—'], ...delegationOptions])),
    field(
      'mc',
      'intended',
      'Had intended to',
      select([
        ['yes', 'vote in favour'],
        ['no', 'vote against'],
        ['abstain', 'abstain'],
      ]),
    ),
    el('p', { className: 'actions' }, el('button', { type: 'submit' }, 'Record the correction')),
  );
  submitWith(
    correctionForm,
    correctionError,
    () => {
      const v = values(correctionForm);
      return { kind: 'vote_correction', voteSeq: num(v.voteSeq), meeting: num(v.meeting), date: v.date, delegationId: v.delegationId, intended: v.intended };
    },
    'The correction of vote was',
  );

  const section = el(
    'section',
    { className: 'meeting-record', attrs: { 'aria-labelledby': `mr-${session.id}` } },
    el('h3', { id: `mr-${session.id}` }, 'Meeting record'),
    status,
    list,
    // The forms fold away: the console lists every session, each with its record.
    el('details', { className: 'record-vote' }, el('summary', { id: `mv-${session.id}` }, 'Record a procedural vote'), voteForm),
    el('details', { className: 'record-statement' }, el('summary', { id: `ms-${session.id}` }, 'Record a statement'), statementForm),
    el('details', { className: 'record-correction' }, el('summary', { id: `mc-${session.id}` }, 'Record a correction of vote'), correctionForm),
    el(
      'details',
      { className: 'session-report-paragraphs' },
      el('summary', {}, 'Report paragraphs of the session, in session order'),
      el('p', {}, el('label', { htmlFor: language.id }, 'Language'), ' ', language),
      paragraphs,
    ),
  );
  load().catch((e) => {
    status.textContent = `The record could not be read: ${e instanceof Error ? e.message : String(e)}`;
  });
  return section;
}
