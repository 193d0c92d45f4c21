/**
 * The sponsors panel: main sponsor, co-sponsors with the dates they joined, those who withdrew,
 * "on behalf of"; the co-sponsorship deadline; requests to join or withdraw. What each reader
 * may do comes from the permissions the server sent: a delegate asks for its delegation ("Ask to
 * co-sponsor", "Ask to withdraw") and sees where its request stands; the main sponsor's delegates
 * and the secretariat confirm or decline; the secretariat adds and removes co-sponsors, names the
 * main sponsor and sets the draft's deadline. The server decides; refusals are said beside the
 * control. Every name and note is set as text. (The sponsorship note of a group's member State
 * is the draft page's banner: client/pages/draft.ts.)
 */
import { api, ApiError, type DraftDetail, type Me, type SponsorJSON } from '../api';
import { el, formatWhen, localized, localizedString } from '../dom';
import { t, uiLanguage } from '../i18n';
import type { LocalizedText } from '../../shared/languages';
import { onBehalfIn } from './proposalCard';
import type { PermissionJSON } from '../../shared/policy';
import { formatCalendarDate } from '../../shared/dates';
import './sponsors.css';

/** A request to join or withdraw, as `GET /api/drafts/:id/sponsors/requests` lists it. */
export interface CosponsorRequestJSON {
  id: string;
  delegation: { id: string; code: string | null; name: LocalizedText };
  kind: 'join' | 'withdraw';
  onBehalfOf: LocalizedText | null;
  state: 'pending' | 'confirmed' | 'declined';
  requestedBy: { id: string; displayName: string } | null;
  requestedAt: string;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
  note: string | null;
}

/** The deadline that applies to the draft, and whether it passed. */
export interface CosponsorshipDeadlineJSON {
  draft: string | null;
  session: string | null;
  effective: string | null;
  passed: boolean;
}

interface Cosponsorship {
  requests: CosponsorRequestJSON[];
  deadline: CosponsorshipDeadlineJSON;
}

// The permissions this panel reads; `requestCosponsorship` and `decideCosponsorship` are issue 17's.
type Permissions = DraftDetail['permissions'] & { requestCosponsorship?: PermissionJSON; decideCosponsorship?: PermissionJSON };
const may = (p: PermissionJSON | undefined) => p?.allowed === true;

let me: Promise<Me | null> | null = null;
// Who reads: to find their delegation's own requests (asked once per page load).
function whoAmI(): Promise<Me | null> {
  me ??= api<Me>('GET', '/api/auth/me').catch(() => null);
  return me;
}

// " (on behalf of the European Union)" in the interface's language; stored as printed ("also on behalf of its member States"), the words are added only when missing.
const behalfText = (b: LocalizedText | null) => {
  const words = onBehalfIn(b);
  return words ? t('sponsors:behalf', { words }) : '';
};

function sponsorItem(s: SponsorJSON, role: string, ...controls: (HTMLElement | null)[]): HTMLElement {
  return el(
    'li',
    { attrs: { 'data-delegation': s.code ?? s.delegationId } },
    el('span', { className: 'name' }, localized(s.name)),
    // Stored as printed ("also on behalf of its member States"); add the words only when missing.
    s.onBehalfOf ? el('span', { className: 'behalf' }, behalfText(s.onBehalfOf)) : '',
    el('span', { className: 'muted' }, t('sponsors:since', { role, when: formatWhen(s.since) })),
    ...controls,
  );
}

/** A button that runs `action`, says a refusal in `said`, and is disabled while it runs. */
function actionButton(label: string, said: HTMLElement, action: () => Promise<void>, attrs: Record<string, string> = {}): HTMLButtonElement {
  const button = el('button', { type: 'button', className: 'small', attrs }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    said.textContent = '';
    try {
      await action();
    } catch (e) {
      said.textContent = e instanceof ApiError ? e.message : String(e);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

// A deadline as shared/cosponsorship.ts `formatDeadline` words it ("21 October 2022, 18:00 UTC"), in the interface's language.
function deadlineIn(deadline: string): string {
  const at = new Date(deadline);
  if (Number.isNaN(at.getTime())) return deadline;
  const iso = at.toISOString();
  return t('sponsors:deadlineAt', { date: formatCalendarDate(iso.slice(0, 10), uiLanguage()), time: iso.slice(11, 16) });
}

function deadlineLine(d: CosponsorshipDeadlineJSON): HTMLElement | null {
  if (!d.effective) return null;
  const when = deadlineIn(d.effective);
  const text = t(d.passed ? (d.draft ? 'sponsors:closed' : 'sponsors:closedSession') : d.draft ? 'sponsors:closes' : 'sponsors:closesSession', { when });
  return el('p', { className: d.passed ? 'deadline passed' : 'deadline', attrs: { 'data-deadline': d.effective } }, text);
}

function requestWords(r: CosponsorRequestJSON): string {
  const name = localizedString(r.delegation.name);
  return r.kind === 'join' ? t('sponsors:asksToJoin', { name, behalf: behalfText(r.onBehalfOf) }) : t('sponsors:asksToWithdraw', { name });
}

/** Who sponsors the draft now, who submitted it, who withdrew; requests and the deadline, with what this reader may do. */
export function sponsorsPanel(draft: DraftDetail, onChanged: () => void = () => undefined): HTMLElement {
  const permissions = draft.permissions as Permissions;
  const draftPath = `/api/drafts/${encodeURIComponent(draft.id)}`;
  const said = el('p', { className: 'error', attrs: { role: 'alert', 'data-sponsors': 'refusal' } });
  // Not a live region: the page redraws this panel on every change of the record, which would read it all out again.
  const online = el('div', { className: 'cosponsorship' });
  const manage = may(permissions.changeSponsors);

  // After a change: this panel reloads its part at once; the page reloads the rest on the server's notice.
  const changed = async () => {
    onChanged();
    await loadOnline();
  };
  const post = (path: string, body: unknown) => api('POST', `${draftPath}${path}`, body);

  const { sponsors } = draft;
  const list = el('ul', { className: 'sponsors' });
  if (sponsors.main) list.append(sponsorItem(sponsors.main, t('sponsors:mainSponsor')));
  for (const s of sponsors.coSponsors) {
    const controls = manage
      ? [
          actionButton(
            t('sponsors:remove'),
            said,
            async () => {
              await post(`/sponsors/${encodeURIComponent(s.delegationId)}/withdraw`, {});
              await changed();
            },
            {
              // The visible words first (WCAG 2.5.3), then whom they act on.
              'aria-label': t('sponsors:named', { action: t('sponsors:remove'), name: localizedString(s.name) }),
            },
          ),
          actionButton(
            t('sponsors:nameMain'),
            said,
            async () => {
              await post(`/sponsors/${encodeURIComponent(s.delegationId)}/main`, {});
              await changed();
            },
            {
              'aria-label': t('sponsors:named', { action: t('sponsors:nameMain'), name: localizedString(s.name) }),
            },
          ),
        ]
      : [];
    list.append(sponsorItem(s, t('sponsors:coSponsor'), ...controls));
  }
  const withdrawn = sponsors.withdrawn.map((w) =>
    el(
      'li',
      { className: 'withdrawn' },
      el('s', {}, localized(w.name)),
      el('span', { className: 'muted' }, t('sponsors:joinedWithdrew', { joined: formatWhen(w.since), withdrew: formatWhen(w.withdrawn) })),
    ),
  );

  const section = el(
    'section',
    { className: 'panel sponsors-panel', attrs: { 'aria-labelledby': 'sponsors-h' } },
    el('h2', { id: 'sponsors-h' }, t('sponsors:heading', { count: sponsors.count })),
    draft.submittedBy ? el('p', {}, t('sponsors:submittedBy', { by: localizedString(draft.submittedBy) })) : '',
    sponsors.main || sponsors.coSponsors.length ? list : el('p', { className: 'muted' }, t('sponsors:none')),
    withdrawn.length ? el('h3', {}, t('sponsors:withdrawn')) : '',
    withdrawn.length ? el('ul', { className: 'sponsors' }, ...withdrawn) : '',
    online,
    manage ? managePanel(draft, said, changed) : '',
    said,
    draft.chair ? el('p', {}, t('sponsors:chair', { name: draft.chair.displayName })) : '',
  );

  async function loadOnline(): Promise<void> {
    let data: Cosponsorship;
    let reader: Me | null;
    try {
      [data, reader] = await Promise.all([api<Cosponsorship>('GET', `${draftPath}/sponsors/requests`), whoAmI()]);
    } catch (e) {
      online.replaceChildren(el('p', { className: 'error' }, t('sponsors:requestsUnloaded', { reason: e instanceof Error ? e.message : String(e) })));
      return;
    }
    online.replaceChildren(...onlineParts(draft, permissions, data, reader?.delegationId ?? null, said, post, changed));
  }
  void loadOnline();
  return section;
}

function onlineParts(
  draft: DraftDetail,
  permissions: Permissions,
  data: Cosponsorship,
  own: string | null,
  said: HTMLElement,
  post: (path: string, body: unknown) => Promise<unknown>,
  changed: () => Promise<void>,
): (HTMLElement | string)[] {
  const parts: (HTMLElement | string)[] = [];
  const line = deadlineLine(data.deadline);
  if (line) parts.push(line);

  // The reader's delegation: its request pending or last decided, and the button to ask.
  if (own !== null) {
    const mine = data.requests.filter((r) => r.delegation.id === own);
    const pending = mine.find((r) => r.state === 'pending');
    const last = mine.filter((r) => r.state !== 'pending').at(-1);
    const kind: 'join' | 'withdraw' = draft.yourSponsorship === 'co-sponsor' ? 'withdraw' : 'join';
    if (pending) {
      parts.push(
        el(
          'p',
          { className: 'own-request', attrs: { 'data-own-request': 'pending' } },
          t(pending.kind === 'join' ? 'sponsors:askedJoin' : 'sponsors:askedWithdraw', { when: formatWhen(pending.requestedAt) }),
        ),
      );
    } else {
      if (last) {
        const key = `sponsors:request.${last.kind}.${last.state === 'confirmed' ? 'confirmed' : 'declined'}${last.decidedBy ? 'By' : ''}`;
        parts.push(
          el(
            'p',
            { className: 'own-request', attrs: { 'data-own-request': last.state } },
            t(key, { when: formatWhen(last.decidedAt), name: last.decidedBy?.displayName ?? '' }),
            last.note ? el('span', { className: 'decision-note' }, t('sponsors:quoted', { note: last.note })) : '',
          ),
        );
      }
      if (may(permissions.requestCosponsorship)) {
        const closed = kind === 'join' && data.deadline.passed;
        const ask = actionButton(t(kind === 'join' ? 'sponsors:askJoin' : 'sponsors:askWithdraw'), said, async () => {
          await post('/sponsors/requests', { kind });
          await changed();
        });
        if (closed) {
          ask.disabled = true;
          ask.title = t('sponsors:deadlinePassed');
        }
        parts.push(el('p', { className: 'ask' }, ask));
      }
    }
  }

  // The requests waiting: everyone sees them; those who may decide confirm or decline.
  const pending = data.requests.filter((r) => r.state === 'pending');
  if (pending.length) {
    const decide = may(permissions.decideCosponsorship);
    const items = pending.map((r) => {
      const noteField = el('input', {
        type: 'text',
        className: 'decision-note-input',
        maxLength: 1000,
        attrs: { 'aria-label': t('sponsors:noteTo', { name: localizedString(r.delegation.name) }), placeholder: t('sponsors:note') },
      });
      const decision = (d: 'confirmed' | 'declined') => async () => {
        await post(`/sponsors/requests/${encodeURIComponent(r.id)}/decision`, { decision: d, note: noteField.value.trim() || null });
        await changed();
      };
      return el(
        'li',
        { attrs: { 'data-request': r.id, 'data-delegation': r.delegation.code ?? r.delegation.id } },
        el('span', {}, requestWords(r)),
        el(
          'span',
          { className: 'muted' },
          r.requestedBy
            ? t('sponsors:requestedBy', { name: r.requestedBy.displayName, when: formatWhen(r.requestedAt) })
            : t('sponsors:requestedAt', { when: formatWhen(r.requestedAt) }),
        ),
        decide
          ? el(
              'span',
              { className: 'decide' },
              noteField,
              actionButton(t('sponsors:confirm'), said, decision('confirmed'), { 'aria-label': t('sponsors:named', { action: t('sponsors:confirm'), name: requestWords(r) }) }),
              actionButton(t('sponsors:decline'), said, decision('declined'), { 'aria-label': t('sponsors:named', { action: t('sponsors:decline'), name: requestWords(r) }) }),
            )
          : '',
      );
    });
    parts.push(el('h3', {}, t('sponsors:requests', { count: pending.length })), el('ul', { className: 'requests' }, ...items));
  }
  return parts;
}

/** The secretariat's controls: add a co-sponsor, name the main sponsor, set the draft's deadline. */
function managePanel(draft: DraftDetail, said: HTMLElement, changed: () => Promise<void>): HTMLElement {
  const draftPath = `/api/drafts/${encodeURIComponent(draft.id)}`;
  const current = new Set([draft.sponsors.main?.delegationId, ...draft.sponsors.coSponsors.map((s) => s.delegationId)]);
  const pick = el('select', { id: 'sponsor-pick' }, el('option', { value: '' }, t('sponsors:choose')));
  void api<{ id: string; name: LocalizedText }[]>('GET', '/api/delegations')
    .then((all) => {
      for (const d of all) if (!current.has(d.id)) pick.append(el('option', { value: d.id }, localizedString(d.name)));
    })
    .catch(() => undefined);
  const chosen = () => {
    if (!pick.value) throw new Error(t('sponsors:chooseFirst'));
    return pick.value;
  };
  const add = actionButton(t('sponsors:add'), said, async () => {
    await api('POST', `${draftPath}/sponsors`, { delegationId: chosen() });
    await changed();
  });
  const main = actionButton(t('sponsors:nameMain'), said, async () => {
    await api('POST', `${draftPath}/sponsors/${encodeURIComponent(chosen())}/main`, {});
    await changed();
  });

  // The deadline, typed in UTC (the server keeps an ISO time in UTC).
  const deadline = el('input', { type: 'datetime-local', id: 'cosponsor-deadline' });
  const setDeadline = actionButton(t('sponsors:setDeadline'), said, async () => {
    if (!deadline.value) throw new Error(t('sponsors:giveTime'));
    await api('PUT', `${draftPath}/cosponsorship-deadline`, { deadline: `${deadline.value}Z` });
    await changed();
  });
  const clearDeadline = actionButton(t('sponsors:clearDeadline'), said, async () => {
    await api('PUT', `${draftPath}/cosponsorship-deadline`, { deadline: null });
    await changed();
  });
  return el(
    'details',
    { className: 'manage-sponsors' },
    el('summary', {}, t('sponsors:manage')),
    el('p', {}, el('label', { htmlFor: 'sponsor-pick' }, `${t('sponsors:delegation')} `), pick, ' ', add, ' ', main),
    el('p', {}, el('label', { htmlFor: 'cosponsor-deadline' }, `${t('sponsors:deadline')} `), deadline, ' ', setDeadline, ' ', clearDeadline),
  );
}
