/**
 * One draft in the secretariat console: where it stands, and buttons for what can be done to
 * it now (issue the next symbol, record the meeting, number, freeze, copy the report
 * paragraph). The acts offered are the permissions the server sent with the draft (the policy
 * and the lifecycle's table decided them); the server still decides every act.
 */
import { nextText } from '../../shared/lifecycle';
import { paragraphLabels } from '../../shared/paragraphLabels';
import type { DraftSummary } from '../api';
import { el, localizedString } from '../dom';
import { t, uiLanguage } from '../i18n';
import { LANGUAGES, languageNameIn } from '../../shared/languages';
import { consoleApi, copyText, type NumberJSON } from './actions';
import { askForm } from './forms';
import { askAmendment, askEvent, meetingEvents, type AdoptionContext } from './recordForms';

/** A row of the console, as the drafts list gives it (with the fields the console reads). */
export interface ConsoleDraft extends DraftSummary {
  sessionId: string;
  lNumber: number;
}

/** What a row needs from its page: the session, the delegations, how to report and refresh. */
export interface RowContext {
  symbolPrefix: string;
  delegations: [id: string, name: string][];
  /** Run an act, announce its outcome (or refusal) and refresh the list. */
  act(what: string, run: () => Promise<unknown>): Promise<void>;
}

// The accepted oral amendments against the text before the body (the latest issued): the adoption is "as orally amended" when there are any.
async function adoptionContext(d: ConsoleDraft): Promise<AdoptionContext> {
  const all = await consoleApi.amendments(d.id).catch(() => []);
  const latest = d.status.revision;
  const accepted = all.filter((a) => a.revision === latest && a.amendment.accepted);
  return { acceptedAmendments: accepted.length, symbol: accepted[0]?.symbol ?? null };
}

// The paragraphs of the text before the body by their numbers as printed ("OP 3", "OP 4 (c)"), for the amendment form.
async function paragraphChoices(d: ConsoleDraft): Promise<[value: string, label: string][]> {
  if (d.status.revision === null) return [];
  const issued = await consoleApi.issuedText(d.id, d.status.revision);
  return issued.text === null ? [] : paragraphLabels(issued.text as Parameters<typeof paragraphLabels>[0]).map((p) => [p.ref, p.excerpt ? `${p.ref} — ${p.excerpt}` : p.ref]);
}

// The oral amendments recorded against the text before the body, in the order read out, each as
// the record says it ('OP 3: replace "…" with "…" — accepted'); filled in once the server answers.
function amendmentsRead(d: ConsoleDraft): HTMLElement {
  const list = el('ol', { className: 'console-amendments', attrs: { 'aria-label': t('console:amendmentsRecorded') } });
  void consoleApi
    .amendments(d.id)
    .then((all) => {
      const current = all.filter((a) => a.revision === d.status.revision);
      list.replaceChildren(
        ...current.map((a) => el('li', {}, t(a.amendment.accepted ? 'console:amendmentAccepted' : 'console:amendmentNotAccepted', { amendment: a.described ?? a.amendment.kind }))),
      );
    })
    .catch(() => undefined);
  return list;
}

function button(label: string, onClick: () => void, name?: string): HTMLButtonElement {
  const b = el('button', { type: 'button', attrs: name ? { 'data-act': name } : {} }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** The row of one draft, with its number when it has one. */
export function consoleRow(d: ConsoleDraft, number: NumberJSON | null, ctx: RowContext): HTMLTableRowElement {
  const s = d.status;
  const may = d.permissions;
  const short = d.symbol.slice(ctx.symbolPrefix.length + 1);
  const acts: HTMLElement[] = [];
  const next = nextText(s, { prefix: ctx.symbolPrefix, lNumber: d.lNumber });
  if (may.issueRevision.allowed && next) {
    const nextShort = next.symbol.slice(ctx.symbolPrefix.length + 1);
    acts.push(
      button(t('console:act.issue', { symbol: nextShort }), () => void ctx.act(t('console:done.issued', { symbol: nextShort }), () => consoleApi.issue(d.id, nextShort)), 'issue'),
    );
  }
  const events = meetingEvents().filter(([type]) => may.recordEvent[type].allowed);
  if (events.length > 0) {
    const select = el('select', { attrs: { 'aria-label': t('console:whatToRecord', { symbol: short }) } }, ...events.map(([type, label]) => el('option', { value: type }, label)));
    acts.push(
      select,
      button(
        t('console:act.record'),
        async () => {
          const [type, label] = events.find(([t]) => t === select.value)!;
          const adoption = type === 'adopted' ? await adoptionContext(d) : undefined;
          const recorded = await askEvent(type, label, short, (payload) => consoleApi.record(d.id, type, payload), adoption);
          if (recorded) await ctx.act(t('console:done.recorded', { event: label, symbol: short }), async () => recorded);
        },
        'record',
      ),
    );
  }
  if (may.recordOralAmendment.allowed) {
    acts.push(
      button(
        t('console:act.amend'),
        async () => {
          const paragraphs = await paragraphChoices(d).catch(() => null);
          if (!paragraphs) return ctx.act(t('console:done.noAmendment', { symbol: short }), () => Promise.reject(new Error(t('console:issuedTextUnreadable'))));
          const recorded = await askAmendment(short, paragraphs, ctx.delegations, (amendment) => consoleApi.amend(d.id, amendment));
          if (recorded) await ctx.act(t('console:done.amended', { symbol: short }), async () => recorded);
        },
        'amend',
      ),
    );
  }
  if (s.state === 'adopted' && !number) {
    acts.push(
      button(
        t('console:act.number'),
        async () => {
          const next = (await consoleApi.numbers(d.sessionId)).next[d.kind];
          const v = await askForm(
            t('console:numberTitle', { symbol: short }),
            [{ name: 'number', label: t(d.kind === 'resolution' ? 'console:resolutionNumber' : 'console:decisionNumber'), kind: 'text', value: next, required: true }],
            t('console:numberSubmit'),
          );
          if (v) await ctx.act(t('console:done.numbered', { symbol: short }), () => consoleApi.assignNumber(d.id, String(v.number)));
        },
        'number',
      ),
    );
  }
  if (may.freeze.allowed) {
    acts.push(
      button(
        t('console:act.freeze'),
        async () => {
          const v = await askForm(t('console:freezeQuestion', { symbol: short }), [], t('console:freezeSubmit'));
          if (v) await ctx.act(t('console:done.frozen', { symbol: short }), () => consoleApi.freeze(d.id));
        },
        'freeze',
      ),
    );
  }
  if (s.isFinal) {
    // The report paragraph in any of the six: one small button per language, named by its code
    // and, for the ear, "Copy report (fr): French" (the visible words first, WCAG 2.5.3).
    const copies = LANGUAGES.map((lang) => {
      const copy = button(
        lang,
        () =>
          void ctx.act(t('console:done.copied', { symbol: short, language: languageNameIn(lang, uiLanguage()) }), async () => {
            await copyText((await consoleApi.reportParagraph(d.id, lang)).paragraph);
          }),
        `copy-${lang}`,
      );
      copy.lang = lang;
      copy.setAttribute('aria-label', t('console:act.copyReportIn', { lang, language: languageNameIn(lang, uiLanguage()) }));
      return copy;
    });
    acts.push(
      el('span', { className: 'console-copy', attrs: { role: 'group', 'aria-label': t('console:act.copyReportGroup') } }, `${t('console:act.copyReportGroup')} `, ...copies),
    );
  }
  const link = el('a', { href: `/drafts/${encodeURIComponent(d.id)}`, className: 'symbol' }, short);
  return el(
    'tr',
    { attrs: { 'data-draft': d.id } },
    el('th', { scope: 'row' }, link),
    el('td', {}, localizedString(d.title), may.recordOralAmendment.allowed ? amendmentsRead(d) : null),
    el('td', { className: 'status' }, localizedString(s.label), s.frozen ? t('console:finalFrozen') : ''),
    el('td', {}, localizedString(d.agreed?.text)),
    el('td', {}, localizedString(number?.text)),
    el('td', { className: 'console-acts' }, ...acts),
  );
}
