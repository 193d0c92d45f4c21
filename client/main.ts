/**
 * The Penholder browser app, first cut: sign in, then the sessions and their drafts with
 * symbol, title, status and sponsor count. The drafting room (the editor) comes with the
 * ProseMirror client.
 */
import { api, ApiError } from './api';

const app = document.getElementById('app')!;
const who = document.getElementById('who')!;

interface Me { id: string; login: string; displayName: string; role: string; delegation: { name: { en: string } } | null }
interface SessionSummary { id: string; number: number; title: { en: string; zh: string }; symbolPrefix: string }
interface DraftSummary {
  id: string;
  symbol: string;
  title: { en: string; zh: string };
  status: { label: { en: string } } | string;
  sponsorCount: number;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function showLogin(message = '') {
  who.textContent = '';
  const login = el('input', { name: 'login', autocomplete: 'username', required: true });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = el('p', { className: 'error', role: 'alert' }, message);
  const form = el('form', { className: 'login' },
    el('h1', {}, 'Sign in'),
    el('label', {}, 'Login', login),
    el('label', {}, 'Password', password),
    el('button', { type: 'submit' }, 'Sign in'),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/auth/login', { login: login.value, password: password.value });
      await start();
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : 'Could not sign in.';
    }
  });
  app.replaceChildren(form);
  login.focus();
}

function statusText(status: DraftSummary['status']): string {
  return typeof status === 'string' ? status : status.label.en;
}

async function showSessions(me: Me) {
  const logout = el('button', { type: 'button' }, 'Sign out');
  logout.addEventListener('click', async () => {
    await api('POST', '/api/auth/logout', {});
    showLogin();
  });
  who.replaceChildren(`${me.displayName}${me.delegation ? ` (${me.delegation.name.en})` : ` (${me.role})`}`, logout);

  const sessions = await api<SessionSummary[]>('GET', '/api/sessions');
  const sections: Node[] = [];
  for (const session of sessions) {
    const drafts = await api<DraftSummary[]>('GET', `/api/sessions/${session.id}/drafts`);
    const rows = drafts.map((d) =>
      el('tr', {},
        el('td', {}, d.symbol),
        el('td', { lang: 'zh' }, d.title.zh),
        el('td', {}, d.title.en),
        el('td', { className: 'status' }, statusText(d.status)),
        el('td', {}, String(d.sponsorCount)),
      ),
    );
    sections.push(
      el('section', {},
        el('h2', {}, `${session.title.en} (${session.symbolPrefix})`),
        el('table', {},
          el('thead', {}, el('tr', {}, ...['Symbol', 'Title (zh)', 'Title (en)', 'Status', 'Sponsors'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...rows),
        ),
      ),
    );
  }
  app.replaceChildren(...(sections.length ? sections : [el('p', {}, 'No sessions yet.')]));
}

async function start() {
  try {
    const me = await api<Me>('GET', '/api/auth/me');
    await showSessions(me);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) showLogin();
    else app.replaceChildren(el('p', { className: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
  }
}

void start();
