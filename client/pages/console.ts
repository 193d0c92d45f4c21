/**
 * The secretariat console: every session's drafts with where they stand, and the acts of the
 * meeting — issue, record introduction, amendments, votes and action, number, freeze, copy the
 * report paragraphs — and, per session, the meeting record (procedural votes, statements). Every control is a native button, select or form field, reachable from
 * the keyboard; outcomes and refusals are announced in a live region.
 */
import { api, ApiError, type SessionSummary } from '../api';
import { consoleRow, type ConsoleDraft, type RowContext } from '../console/draftRow';
import { consoleApi, type NumberJSON } from '../console/actions';
import { meetingRecordSection } from '../console/meetingRecord';
import { askNewDraft } from '../console/newDraft';
import { withRestore } from '../console/restore';
import { el, localizedString } from '../dom';
import { t } from '../i18n';
import type { LocalizedText } from '../../shared/languages';
import '../console/console.css';

interface DelegationJSON {
  id: string;
  code: string;
  name: LocalizedText;
}

/** Show the console in `app`; only the secretariat's acts succeed (the server refuses the rest). */
export async function showConsole(app: HTMLElement): Promise<void> {
  document.title = t('console:pageTitle');
  const live = el('p', { className: 'console-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const body = el('div', {}, el('p', { attrs: { role: 'status' } }, t('console:loading')));
  app.replaceChildren(el('h1', {}, t('console:heading')), live, body);

  const delegations = await api<DelegationJSON[]>('GET', '/api/delegations').catch(() => []);
  const named: [string, string][] = delegations.map((d) => [d.id, localizedString(d.name)]);

  const render = async () => {
    const sessions = await api<SessionSummary[]>('GET', '/api/sessions');
    const sections = await Promise.all(
      sessions.map(async (session) => {
        const drafts = await api<ConsoleDraft[]>('GET', `/api/sessions/${session.id}/drafts`);
        const numbers = await Promise.all(
          drafts.map((d) =>
            d.status.state === 'adopted'
              ? consoleApi
                  .number(d.id)
                  .then((n) => n.number)
                  .catch(() => null)
              : Promise.resolve<NumberJSON | null>(null),
          ),
        );
        const ctx: RowContext = { symbolPrefix: session.symbolPrefix, delegations: named, act };
        const putForward = el('button', { type: 'button', className: 'console-new-draft', attrs: { 'data-act': 'new-draft' } }, t('console:newDraft.button'));
        putForward.addEventListener('click', async () => {
          const created = await askNewDraft(session.id, named);
          if (created) await act(t('console:newDraft.done', { symbol: created.symbol }), async () => created);
        });
        return el(
          'section',
          { attrs: { 'aria-labelledby': `c-${session.id}` } },
          el('h2', { id: `c-${session.id}` }, `${localizedString(session.title)} — ${session.symbolPrefix}`),
          el('p', {}, putForward),
          el(
            'div',
            { className: 'table-wrap' },
            el(
              'table',
              { className: 'drafts console' },
              el('thead', {}, el('tr', {}, ...['symbol', 'title', 'status', 'negotiation', 'number', 'acts'].map((h) => el('th', { scope: 'col' }, t(`console:column.${h}`))))),
              el('tbody', {}, ...drafts.map((d, i) => withRestore(consoleRow(d, numbers[i] ?? null, ctx), d, ctx, session.symbolPrefix))),
            ),
          ),
          meetingRecordSection(
            session as SessionSummary & { opens?: string },
            delegations,
            drafts.map((d) => ({ id: d.id, symbol: d.symbol })),
          ),
        );
      }),
    );
    body.replaceChildren(...(sections.length ? sections : [el('p', {}, t('console:noSessions'))]));
  };

  // The outcome is announced once the list shows it, so what is heard and what is seen agree.
  async function act(what: string, run: () => Promise<unknown>): Promise<void> {
    let outcome: string;
    let failed = false;
    try {
      await run();
      outcome = t('console:outcome', { what });
    } catch (e) {
      failed = true;
      outcome = e instanceof ApiError ? t('console:refused', { reason: e.message }) : t('console:failed', { reason: e instanceof Error ? e.message : String(e) });
    }
    await render().catch(() => undefined);
    live.textContent = outcome;
    live.classList.toggle('error', failed);
  }

  await render();
}
