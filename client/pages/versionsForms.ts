/**
 * The secretariat's forms on the language versions page (client/pages/versions.ts): import a
 * version (pasted or a Word file), shown checked against the reference paragraph by paragraph
 * BEFORE anything is stored; carry a version forward from an earlier revision; record a
 * corrigendum or a reissue for one language or several. Every answer is the server's.
 */
import { LANGUAGES, isLang, languageNameIn, type Lang } from '../../shared/languages';
import type { Mismatch } from '../../shared/languageVersions';
import { api, ApiError } from '../api';
import { el } from '../dom';
import { t, uiLanguage } from '../i18n';
import type { Choice, VersionsListJSON } from './versionsTypes';

/** What the forms need of the page: where the draft is, what is chosen, and how to redraw with a word said. */
export interface VersionsContext {
  path: string;
  revision: VersionsListJSON['revisions'][number];
  list: VersionsListJSON;
  choice: Choice;
  reload: (said?: string) => Promise<void>;
}

const nameOf = (lang: Lang) => languageNameIn(lang, uiLanguage());
const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

// A file as base64, for the JSON body the server's CSRF rule requires of cookie writes (as the import panel sends it).
async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The mismatches a refusal carries (`version_misaligned`), wherever the error body puts them. */
function mismatchesOf(e: unknown): Mismatch[] | null {
  if (!(e instanceof ApiError)) return null;
  const details = e.details as { mismatches?: Mismatch[] } | Mismatch[] | undefined;
  if (Array.isArray(details)) return details;
  return details?.mismatches ?? null;
}

/** The list of where a version's structure differs from the reference's. */
export function mismatchList(mismatches: readonly Mismatch[]): HTMLElement {
  return el(
    'ul',
    { className: 'mismatches' },
    ...mismatches.map((m) =>
      el(
        'li',
        { attrs: { 'data-kind': m.kind } },
        el('strong', {}, m.versionAt ? t('versions:mismatchAtBoth', { at: m.at, versionAt: m.versionAt }) : t('versions:mismatchAt', { at: m.at })),
        ' ',
        // The server's sentence, in English (shared/languageVersions.ts words it).
        el('span', { attrs: { lang: 'en' } }, m.detail),
      ),
    ),
  );
}

/** Import a version: check first (nothing stored), then record. */
export function importForm(ctx: VersionsContext): HTMLElement {
  const { path, revision, list, choice } = ctx;
  const others = LANGUAGES.filter((l) => l !== list.reference);
  const lang = el('select', { id: 'import-version-lang' }, ...others.map((l) => el('option', { value: l, selected: l === choice.b }, nameOf(l))));
  const text = el('textarea', { id: 'import-version-text', rows: 8 });
  const file = el('input', { type: 'file', id: 'import-version-file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  const check = el('button', { type: 'button' }, t('versions:check'));
  const result = el('div', { className: 'import-result', attrs: { 'aria-live': 'polite' } });
  const target = () => `${path}/revisions/${revision.revision}/versions/${lang.value}`;
  const body = async () => {
    const chosen = file.files?.[0];
    return chosen ? { docx: await base64(chosen) } : { text: text.value };
  };
  const refuse = (e: unknown) => {
    const mismatches = mismatchesOf(e);
    result.replaceChildren(
      el('p', { className: 'refusal', attrs: { role: 'alert' } }, mismatches ? t('versions:misaligned') : reasonOf(e)),
      mismatches ? mismatchList(mismatches) : '',
    );
  };
  check.addEventListener('click', async () => {
    if (!isLang(lang.value)) return;
    result.replaceChildren(el('p', {}, t('versions:checking')));
    try {
      const sent = await body();
      const answer = await api<{ ok: boolean; mismatches: Mismatch[] }>('POST', `${target()}?check=1`, sent);
      if (!answer.ok) {
        result.replaceChildren(el('p', { className: 'refusal', attrs: { role: 'alert' } }, t('versions:misaligned')), mismatchList(answer.mismatches));
        return;
      }
      const record = el('button', { type: 'button', className: 'primary' }, t('versions:record', { lang: nameOf(lang.value as Lang), symbol: revision.symbol }));
      record.addEventListener('click', async () => {
        record.disabled = true;
        try {
          await api('POST', target(), sent);
          await ctx.reload(t('versions:recorded', { lang: nameOf(lang.value as Lang), symbol: revision.symbol }));
        } catch (e) {
          record.disabled = false;
          refuse(e);
        }
      });
      result.replaceChildren(el('p', { className: 'aligned' }, t('versions:aligned')), record);
    } catch (e) {
      refuse(e);
    }
  });
  return el(
    'form',
    { className: 'versions-import', attrs: { 'aria-labelledby': 'import-version-heading' } },
    el('h2', { id: 'import-version-heading' }, t('versions:importHeading', { symbol: revision.symbol })),
    el('label', { htmlFor: 'import-version-lang' }, t('versions:language'), ' ', lang),
    el('label', { htmlFor: 'import-version-text' }, t('versions:paste')),
    text,
    el('label', { htmlFor: 'import-version-file' }, t('versions:wordFile'), ' ', file),
    el('p', { className: 'hint' }, t('versions:checkHint')),
    check,
    result,
  );
}

/** Carry version b forward from an earlier revision that has one. */
export function carryForwardForm(ctx: VersionsContext): HTMLElement {
  const { path, revision, list, choice } = ctx;
  const heading = el('h2', { id: 'carry-heading' }, t('versions:carryHeading', { lang: nameOf(choice.b) }));
  const section = el('section', { className: 'versions-carry', attrs: { 'aria-labelledby': 'carry-heading' } }, heading);
  const earlier = list.revisions.filter((r) => r.revision < revision.revision && r.versions.some((v) => v.lang === choice.b));
  if (choice.b === list.reference || earlier.length === 0) {
    section.append(el('p', { className: 'muted' }, t('versions:carryNone', { lang: nameOf(choice.b), symbol: revision.symbol })));
    return section;
  }
  const from = el('select', { id: 'carry-from' }, ...earlier.map((r) => el('option', { value: String(r.revision), selected: r === earlier.at(-1) }, r.symbol)));
  const carry = el('button', { type: 'button' }, t('versions:carry', { lang: nameOf(choice.b), symbol: revision.symbol }));
  const refusal = el('p', { className: 'refusal', attrs: { role: 'alert' } });
  carry.addEventListener('click', async () => {
    carry.disabled = true;
    try {
      const answer = await api<{ seq: number; pending: string[] }>('POST', `${path}/revisions/${revision.revision}/versions/${choice.b}/carry-forward`, {
        from: Number(from.value),
      });
      await ctx.reload(t('versions:carried', { count: answer.pending.length }));
    } catch (e) {
      carry.disabled = false;
      refusal.textContent = reasonOf(e);
    }
  });
  section.append(el('p', { className: 'hint' }, t('versions:carryHint')), el('label', { htmlFor: 'carry-from' }, t('versions:carryFrom'), ' ', from), ' ', carry, refusal);
  return section;
}

/** Record a corrigendum or a reissue of the revision, for one language or several. */
export function corrigendumForm(ctx: VersionsContext): HTMLElement {
  const { path, revision } = ctx;
  const kind = el(
    'select',
    { id: 'corrigendum-kind' },
    el('option', { value: 'corrigendum' }, t('versions:kind.corrigendum')),
    el('option', { value: 'reissue' }, t('versions:kind.reissue')),
  );
  const boxes = LANGUAGES.map((l) => ({ lang: l, box: el('input', { type: 'checkbox', value: l, id: `corrigendum-${l}` }) }));
  const symbol = el('input', { id: 'corrigendum-symbol', type: 'text' });
  const note = el('textarea', { id: 'corrigendum-note', rows: 2 });
  const record = el('button', { type: 'button' }, t('versions:corrigendumRecord'));
  const refusal = el('p', { className: 'refusal', attrs: { role: 'alert' } });
  record.addEventListener('click', async () => {
    const langs = boxes.filter((b) => b.box.checked).map((b) => b.lang);
    record.disabled = true;
    try {
      await api('POST', `${path}/revisions/${revision.revision}/corrigenda`, {
        kind: kind.value,
        langs,
        ...(symbol.value.trim() ? { symbol: symbol.value.trim() } : {}),
        ...(note.value.trim() ? { note: { [uiLanguage()]: note.value.trim() } } : {}),
      });
      await ctx.reload(t('versions:corrigendumRecorded', { kind: t(`versions:kind.${kind.value}`), symbol: revision.symbol }));
    } catch (e) {
      record.disabled = false;
      refusal.textContent = reasonOf(e);
    }
  });
  return el(
    'form',
    { className: 'versions-corrigendum', attrs: { 'aria-labelledby': 'corrigendum-heading' } },
    el('h2', { id: 'corrigendum-heading' }, t('versions:corrigendumHeading', { symbol: revision.symbol })),
    el('label', { htmlFor: 'corrigendum-kind' }, t('versions:corrigendumKind'), ' ', kind),
    el(
      'fieldset',
      {},
      el('legend', {}, t('versions:corrigendumLangs')),
      ...boxes.map(({ lang, box }) => el('label', { htmlFor: box.id, className: 'inline' }, box, ' ', nameOf(lang))),
    ),
    el('label', { htmlFor: 'corrigendum-symbol' }, t('versions:corrigendumSymbol'), ' ', symbol),
    el('label', { htmlFor: 'corrigendum-note' }, t('versions:corrigendumNote')),
    note,
    record,
    refusal,
  );
}
