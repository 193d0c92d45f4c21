/**
 * The language versions of a draft (`/drafts/:id/versions?revision=N&a=en&b=fr`): a translator's
 * or reviser's view of one issued revision in two of the six languages, paragraph by paragraph,
 * each column numbered as that language prints it and its footnotes beside it
 * (shared/languageVersions.ts `sideBySide`). Paragraphs of the second version whose reference
 * text changed since it was made are flagged "needs updating". Above it, the status of each
 * language for the revision: the reference text, the original (or "not in the record"), each
 * version's kind and date.
 *
 * The secretariat may import a version (checked paragraph by paragraph before anything is stored),
 * type a paragraph of the second version in place, carry a version forward from an earlier
 * revision and record a corrigendum or a reissue (client/pages/versionsForms.ts). The server
 * decides every one of these; the page shows what it answers. What it says of each language and
 * version is in client/pages/versionsStatus.ts.
 */
import { LANGUAGES, isLang, isRightToLeft, languageNameIn, type Lang } from '../../shared/languages';
import { paragraphForTyping, sideBySide, TITLE_ID, type SideBySideRow } from '../../shared/languageVersions';
import { sequentialNumbering } from '../../shared/numbering';
import { spokenParagraphNames } from '../../shared/paragraphNames';
import { api, ApiError, type DraftDetail, type Me } from '../api';
import { el } from '../dom';
import { t, uiLanguage } from '../i18n';
import '../versions.css';
import { carryForwardForm, corrigendumForm, importForm, type VersionsContext } from './versionsForms';
import { carryForecasts, revisionNotes, statusTable, versionPanel } from './versionsStatus';
import type { Choice, VersionJSON, VersionsListJSON } from './versionsTypes';

const nameOf = (lang: Lang) => languageNameIn(lang, uiLanguage());
const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The choices in the address, completed with defaults: the latest revision, the reference language, and a language that has a version. */
export function readChoice(search: string, list: VersionsListJSON): Choice | null {
  const params = new URLSearchParams(search);
  const latest = list.revisions.at(-1);
  if (!latest) return null;
  const raw = params.get('revision') ?? '';
  const asked = /^\d+$/.test(raw) ? Number(raw) : null;
  const revision = list.revisions.find((r) => r.revision === asked) ?? latest;
  const a = params.get('a');
  const first: Lang = isLang(a) ? a : (list.reference ?? 'en');
  const b = params.get('b');
  const withVersion = revision.versions.map((v) => v.lang).find((l) => l !== first);
  const second: Lang = isLang(b) ? b : (withVersion ?? (first === 'en' ? 'fr' : 'en'));
  return { revision: revision.revision, a: first, b: second };
}

/** The address of a choice. */
function searchOf(choice: Choice): string {
  return `?revision=${choice.revision}&a=${choice.a}&b=${choice.b}`;
}

/** A cell of one version: its printed label, its words, its footnotes; in its language and direction. */
function cell(side: SideBySideRow['a'], lang: Lang, className: string): HTMLTableCellElement {
  const td = el('td', { className, attrs: { lang, dir: isRightToLeft(lang) ? 'rtl' : 'ltr' } });
  if (!side) {
    td.append(el('span', { className: 'muted' }, t('versions:noParagraph')));
    return td;
  }
  if (side.label) td.append(el('span', { className: 'version-label' }, side.label), ' ');
  td.append(el('span', { className: 'version-words' }, side.text));
  if (side.footnotes.length > 0) td.append(el('ol', { className: 'version-footnotes' }, ...side.footnotes.map((f) => el('li', {}, f))));
  return td;
}

/** Typing a paragraph of version b in place: its words as a translator types them ("[^1]" where a footnote stands), its name, and where they go. */
interface Typing {
  wordsOf: (id: string) => string | null;
  nameOf: (id: string) => string;
  save: (row: SideBySideRow, words: string) => Promise<void>;
}

/** The side-by-side table; with `typing`, each paragraph of version b may be typed in place. */
function sideTable(rows: SideBySideRow[], choice: Choice, typing: Typing | null, bMissing: boolean): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { attrs: { scope: 'col', lang: choice.a } }, nameOf(choice.a)),
    bMissing ? null : el('th', { attrs: { scope: 'col', lang: choice.b } }, nameOf(choice.b)),
  );
  const body = rows.map((row) => {
    const tr = el('tr', { className: row.pending ? 'pending' : '', attrs: { 'data-id': row.id, 'data-kind': row.kind } }, cell(row.a, choice.a, 'version-a'));
    if (bMissing) return tr;
    const b = cell(row.b, choice.b, 'version-b');
    if (row.pending) b.prepend(el('strong', { className: 'needs-updating', attrs: { lang: uiLanguage() } }, t('versions:needsUpdating')), ' ');
    const words = typing && row.b && row.id ? typing.wordsOf(row.id) : null;
    if (typing && words !== null) b.append(typeInPlace(row, typing.nameOf(row.id), words, choice.b, typing.save));
    tr.append(b);
    return tr;
  });
  return el('table', { className: 'versions-side' }, el('thead', {}, head), el('tbody', {}, ...body));
}

// A button that opens a textarea holding the paragraph's words, saved with PUT.
function typeInPlace(row: SideBySideRow, label: string, words: string, lang: Lang, onType: (row: SideBySideRow, words: string) => Promise<void>): HTMLElement {
  const open = el('button', { type: 'button', className: 'type-paragraph', attrs: { lang: uiLanguage() } }, t('versions:typeParagraph', { label }));
  const slot = el('div', { className: 'type-slot', attrs: { lang: uiLanguage() } }, open);
  open.addEventListener('click', () => {
    const area = el('textarea', {
      rows: 3,
      value: words,
      attrs: { lang, dir: isRightToLeft(lang) ? 'rtl' : 'ltr', 'aria-label': t('versions:typedWords', { label, lang: nameOf(lang) }) },
    });
    const save = el('button', { type: 'button', className: 'primary' }, t('versions:save'));
    const cancel = el('button', { type: 'button' }, t('versions:cancel'));
    const refusal = el('p', { className: 'refusal', attrs: { role: 'alert' } });
    save.addEventListener('click', async () => {
      save.disabled = true;
      try {
        await onType(row, area.value);
      } catch (e) {
        refusal.textContent = reasonOf(e);
        save.disabled = false;
      }
    });
    cancel.addEventListener('click', () => slot.replaceChildren(open));
    const hint = words.includes('[^') ? el('p', { className: 'hint' }, t('versions:footnoteHint')) : null;
    slot.replaceChildren(area, hint ?? '', el('div', { className: 'type-buttons' }, save, cancel), refusal);
    area.focus();
  });
  return slot;
}

function languagePicker(id: string, label: string, chosen: Lang, onChange: (lang: Lang) => void): HTMLElement {
  const select = el('select', { id }, ...LANGUAGES.map((l) => el('option', { value: l, selected: l === chosen }, nameOf(l))));
  select.addEventListener('change', () => {
    if (isLang(select.value)) onChange(select.value);
  });
  return el('label', { htmlFor: id }, label, ' ', select);
}

async function fetchVersion(path: string, choice: Choice, lang: Lang): Promise<VersionJSON | null> {
  try {
    return await api<VersionJSON>('GET', `${path}/revisions/${choice.revision}/versions/${lang}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** Open the language versions page of a draft; returns the function that closes it. */
export async function showVersions(app: HTMLElement, me: Me, draftId: string, toDraft: () => void): Promise<() => void> {
  app.replaceChildren(el('p', { attrs: { role: 'status' } }, t('versions:opening')));
  const path = `/api/drafts/${encodeURIComponent(draftId)}`;
  const draft = await api<DraftDetail>('GET', path);
  document.title = t('versions:pageTitle', { symbol: draft.symbol });
  // The server decides every write (mayRecordLanguageVersion: the secretariat); the page only offers them.
  const mayRecord = me.role === 'secretariat';
  let closed = false;

  // An illustrative draft says so on every page that shows it (the demo's, server/demo/illustrative.ts).
  const illustrative =
    draft.illustrative || draft.provenance?.some((p) => p.kind === 'illustrative' && p.symbol === null)
      ? el('p', { className: 'provenance illustrative', attrs: { 'data-provenance': 'illustrative' } }, t('drafts:illustrative'))
      : null;
  const back = el('a', { href: `/drafts/${encodeURIComponent(draftId)}`, className: 'back-link' }, t('versions:back', { symbol: draft.symbol }));
  back.addEventListener('click', (event) => {
    event.preventDefault();
    toDraft();
  });

  const draw = async (message?: string) => {
    const list = await api<VersionsListJSON>('GET', `${path}/versions`);
    if (closed) return;
    const choice = readChoice(location.search, list);
    const heading = el('h1', {}, t('versions:heading', { symbol: draft.symbol }));
    if (!choice) {
      app.replaceChildren(el('div', { className: 'versions-page' }, back, heading, el('p', {}, t('versions:noRevision'))));
      return;
    }
    const revision = list.revisions.find((r) => r.revision === choice.revision)!;
    const [a, b, forecasts] = await Promise.all([fetchVersion(path, choice, choice.a), fetchVersion(path, choice, choice.b), carryForecasts(path, list, revision)]);
    if (closed) return;
    const choose = (next: Partial<Choice>) => {
      history.replaceState(null, '', searchOf({ ...choice, ...next }));
      void draw().catch(showFailure);
    };
    const revisionSelect = el(
      'select',
      { id: 'versions-revision' },
      ...list.revisions.map((r) => el('option', { value: String(r.revision), selected: r.revision === choice.revision }, r.symbol)),
    );
    revisionSelect.addEventListener('change', () => choose({ revision: Number(revisionSelect.value) }));
    const pickers = el(
      'div',
      { className: 'versions-pickers' },
      el('label', { htmlFor: 'versions-revision' }, t('versions:revision'), ' ', revisionSelect),
      languagePicker('versions-a', t('versions:first'), choice.a, (l) => choose({ a: l })),
      languagePicker('versions-b', t('versions:second'), choice.b, (l) => choose({ b: l })),
    );

    const said = el('p', { className: 'versions-said', attrs: { role: 'status' } }, message ?? '');
    const ctx: VersionsContext = { path, revision, list, choice, reload: (words?: string) => draw(words).catch(showFailure) };
    // Paragraphs named as spoken in the interface's language ("PP 2", "OP 3"), from the version's own structure (the reference's).
    const names = b ? spokenParagraphNames(sequentialNumbering(b.text), uiLanguage()) : new Map<string, string>();
    const typing: Typing | null =
      mayRecord && b && !b.reference
        ? {
            wordsOf: (id) => paragraphForTyping(b.text, id)?.text ?? null,
            nameOf: (id) => (id === TITLE_ID ? t('versions:titleRow') : (names.get(id) ?? id)),
            save: async (row, words) => {
              await api('PUT', `${path}/revisions/${choice.revision}/versions/${choice.b}/paragraphs/${encodeURIComponent(row.id)}`, { text: words });
              await ctx.reload(t('versions:typedSaved', { label: row.id === TITLE_ID ? t('versions:titleRow') : (names.get(row.id) ?? row.id) }));
            },
          }
        : null;

    let side: HTMLElement;
    if (revision.textInRecord === false) side = el('p', { className: 'versions-missing' }, t('versions:noTextInRecord', { symbol: revision.symbol }));
    else if (!a) side = el('p', { className: 'versions-missing' }, t('versions:noVersion', { lang: nameOf(choice.a), symbol: revision.symbol }));
    else {
      const rows = sideBySide(a.text, choice.a, b ? b.text : a.text, b ? choice.b : choice.a, b?.pending ?? []);
      side = el(
        'div',
        {},
        b ? null : el('p', { className: 'versions-missing' }, t('versions:noVersion', { lang: nameOf(choice.b), symbol: revision.symbol })),
        el('div', { className: 'version-panels' }, ...[a, b].map((v) => versionPanel(v, draftId))),
        sideTable(rows, choice, typing, b === null),
      );
    }
    const forms = mayRecord
      ? el('section', { className: 'versions-forms', attrs: { 'aria-label': t('versions:formsHeading') } }, importForm(ctx), carryForwardForm(ctx), corrigendumForm(ctx))
      : null;
    app.replaceChildren(
      el(
        'div',
        { className: 'versions-page' },
        back,
        heading,
        illustrative,
        pickers,
        said,
        ...revisionNotes(draft, revision.symbol),
        statusTable(list, revision, forecasts),
        el(
          'section',
          { className: 'versions-compare', attrs: { 'aria-labelledby': 'versions-side-heading' } },
          el('h2', { id: 'versions-side-heading' }, t('versions:sideHeading')),
          side,
        ),
        forms,
      ),
    );
  };
  const showFailure = (e: unknown) => {
    if (!closed) app.replaceChildren(el('p', { className: 'error', attrs: { role: 'alert' } }, reasonOf(e)));
  };
  await draw();
  return () => {
    closed = true;
  };
}
