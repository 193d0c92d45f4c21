/**
 * The Penholder browser app: sign in, the drafts of each session, and the drafting room of one
 * draft. Routes are real paths (`/`, `/drafts/<id>`) so that a draft can be bookmarked and
 * shared; the server answers every non-API path with this app.
 */
import { api, ApiError, type Me } from './api';
import { el, localizedString } from './dom';
import { applyDocumentLanguage, onLanguageChange, t } from './i18n';
import { languageChooser } from './languageChooser';
import { showAccount } from './pages/account';
import { showAdmin } from './pages/admin';
import { showCompare } from './pages/compare';
import { showPrint } from './pages/print';
import { showConsole } from './pages/console';
import { showDraft } from './pages/draft';
import { showDrafts } from './pages/drafts';
import { InboxBadge, showInbox } from './pages/inbox';
import { showLogin } from './pages/login';
import { showProposals } from './pages/proposals';
import { showVersions } from './pages/versions';
import { showReset } from './pages/reset';

const app = document.getElementById('app')!;
const who = document.getElementById('who')!;
const skip = document.querySelector<HTMLAnchorElement>('a.skip');
// The words of index.html itself, and <html lang dir>, in the interface's language.
function applyShellLanguage() {
  applyDocumentLanguage();
  if (skip) skip.textContent = t('common:skipToContent');
}
applyShellLanguage();
document.getElementById('who')!.before(languageChooser());
let me: Me | null = null;
let closePage: (() => void) | null = null;
// The unread count in the header, live while someone is signed in (issue #17).
const badge = new InboxBadge((path) => navigate(path));

function showError(e: unknown) {
  app.replaceChildren(el('p', { className: 'error', attrs: { role: 'alert' } }, e instanceof Error ? e.message : String(e)));
}

// The words for a role with no delegation to name.
const ROLE_KEYS: Record<Me['role'], string> = { secretariat: 'common:roleSecretariat', chair: 'common:roleChair', delegate: 'common:roleDelegate' };

function showWho(user: Me) {
  const logout = el('button', { type: 'button' }, t('common:signOut'));
  logout.addEventListener('click', async () => {
    badge.stop();
    await api('POST', '/api/auth/logout', {}).catch(() => undefined);
    me = null;
    navigate('/');
  });
  const speaksFor = user.delegation ? localizedString(user.delegation.name) : t(ROLE_KEYS[user.role]);
  const link = (href: string, className: string, text: string) => {
    const a = el('a', { href, className }, text);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      navigate(href);
    });
    return a;
  };
  const secretariat = user.role === 'secretariat';
  who.replaceChildren(
    el('span', {}, t('common:signedInAs', { name: user.displayName, speaksFor })),
    secretariat ? link('/console', 'console-link', t('common:console')) : '',
    secretariat ? link('/admin', 'admin-link', t('common:administration')) : '',
    badge.element,
    link('/account', 'account-link', t('common:account')),
    logout,
  );
}

/** Go to a path of the app (pushes history unless `replace`). */
function navigate(path: string, replace = false) {
  if (replace) history.replaceState(null, '', path);
  else if (path !== location.pathname) history.pushState(null, '', path);
  void route();
}

async function route() {
  closePage?.();
  closePage = null;
  // Choosing a password with a one-time link needs no sign-in.
  if (location.pathname === '/reset') {
    who.replaceChildren();
    showReset(app, () => {
      me = null;
      navigate('/', true);
    });
    return;
  }
  try {
    me ??= await api<Me>('GET', '/api/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      badge.stop();
      who.replaceChildren();
      showLogin(app, () => void route());
      return;
    }
    showError(e);
    return;
  }
  showWho(me);
  badge.start();
  const match = /^\/drafts\/([^/]+)$/.exec(location.pathname);
  const compare = /^\/drafts\/([^/]+)\/compare$/.exec(location.pathname);
  const print = /^\/drafts\/([^/]+)\/print$/.exec(location.pathname);
  const proposals = /^\/drafts\/([^/]+)\/proposals$/.exec(location.pathname);
  const versions = /^\/drafts\/([^/]+)\/versions$/.exec(location.pathname);
  try {
    if (print) {
      const id = decodeURIComponent(print[1]!);
      await showPrint(app, id, new URLSearchParams(location.search).get('text'), () => navigate(`/drafts/${encodeURIComponent(id)}`));
    } else if (compare) {
      const id = decodeURIComponent(compare[1]!);
      closePage = await showCompare(app, id, () => navigate(`/drafts/${encodeURIComponent(id)}`));
    } else if (proposals) {
      const id = decodeURIComponent(proposals[1]!);
      closePage = await showProposals(app, me, id, () => navigate(`/drafts/${encodeURIComponent(id)}`));
    } else if (versions) {
      const id = decodeURIComponent(versions[1]!);
      closePage = await showVersions(app, me, id, () => navigate(`/drafts/${encodeURIComponent(id)}`));
    } else if (location.pathname === '/inbox') closePage = await showInbox(app, badge, (p) => navigate(p));
    else if (location.pathname === '/console') await showConsole(app);
    else if (location.pathname === '/account') showAccount(app, me);
    else if (location.pathname === '/admin' || location.pathname.startsWith('/admin/')) await showAdmin(app, me, location.pathname.slice(7), (p) => navigate(p));
    else if (match) closePage = await showDraft(app, me, decodeURIComponent(match[1]!), () => navigate('/'));
    else await showDrafts(app, (id) => navigate(`/drafts/${encodeURIComponent(id)}`));
    app.focus({ preventScroll: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      me = null;
      badge.stop();
      void route();
    } else showError(e);
  }
}

window.addEventListener('popstate', () => void route());
// A new language redraws the page in it (the page closes and opens again, as on navigation).
onLanguageChange(() => {
  applyShellLanguage();
  void route();
});
void route();
