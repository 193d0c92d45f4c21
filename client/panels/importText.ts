/**
 * Import a text into a draft not yet issued: upload a Word file or paste the text, see what the
 * importer recognised (each paragraph's kind and number, the warnings), then confirm. The text
 * replaces the working text for everyone in the draft (the server writes it through the room).
 */
import { api, ApiError } from '../api';
import { languageNameIn, type Lang } from '../../shared/languages';
import { el } from '../dom';
import { t, uiLanguage } from '../i18n';

// The words for each kind of paragraph the importer recognises.
const KIND_KEYS: Record<string, string> = {
  title: 'draft:kindTitle',
  preambular: 'draft:kindPreambular',
  operative: 'draft:kindOperative',
  subparagraph: 'draft:kindSubparagraph',
  plain: 'draft:kindPlain',
  annex: 'draft:kindAnnex',
};

interface Preview {
  readAs: string;
  title: string | null;
  /** The language the text was read in (one of the six), and whether the importer guessed it from the script. */
  lang?: Lang;
  langGuessed?: boolean;
  /** `printedLabel`: the number the paragraph will take, as the text's language prints it ("1 -", "a)", "(ج)"). */
  paragraphs: { id: string; kind: string; label: string; printedLabel?: string }[];
  warnings: { message: string }[];
  text: unknown;
}

interface JSONNode {
  type: string;
  text?: string;
  attrs?: { id?: string };
  content?: JSONNode[];
}

// The words of each paragraph of the recognised text, by paragraph id (footnotes left out).
function wordsById(doc: JSONNode): Map<string, string> {
  const out = new Map<string, string>();
  const words = (n: JSONNode): string => (n.type === 'footnote' ? '' : (n.text ?? (n.content ?? []).map(words).join('')));
  const visit = (n: JSONNode) => {
    if (n.attrs?.id && n.type !== 'annex' && n.type !== 'footnote') out.set(n.attrs.id, words(n));
    for (const c of n.content ?? []) visit(c);
  };
  visit(doc);
  return out;
}

// A file as base64, for the JSON body the server's CSRF rule requires of cookie writes.
async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The import panel of a draft page (shown to those who may edit a draft not yet issued). */
export function importPanel(draftId: string, lang: Lang = 'en'): HTMLElement {
  const file = el('input', { type: 'file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', id: 'import-file' });
  const pasted = el('textarea', { id: 'import-text', rows: 5, placeholder: t('draft:importPastePlaceholder') });
  const previewButton = el('button', { type: 'button' }, t('draft:importPreview'));
  const result = el('div', { className: 'import-preview', attrs: { 'aria-live': 'polite' } });
  let preview: Preview | null = null;

  previewButton.addEventListener('click', async () => {
    result.replaceChildren(el('p', {}, t('draft:importReading')));
    try {
      const chosen = file.files?.[0];
      const body = chosen ? { docx: await base64(chosen) } : { text: pasted.value };
      // Read with the conventions of the text's language (shared/import/conventions.ts).
      preview = await api<Preview>('POST', `/api/imports/preview?lang=${lang}`, body);
      const words = wordsById(preview.text as JSONNode);
      const confirm = el('button', { type: 'button', className: 'primary' }, t('draft:importConfirm'));
      confirm.addEventListener('click', async () => {
        try {
          await api('POST', `/api/drafts/${draftId}/import`, { text: preview!.text });
          result.replaceChildren(el('p', { attrs: { role: 'status' } }, t('draft:imported')));
        } catch (e) {
          result.append(el('p', { className: 'error', attrs: { role: 'alert' } }, e instanceof ApiError ? e.message : String(e)));
        }
      });
      result.replaceChildren(
        preview.lang
          ? el(
              'p',
              { className: 'muted import-lang' },
              t(preview.langGuessed ? 'draft:importReadInGuessed' : 'draft:importReadIn', { language: languageNameIn(preview.lang, uiLanguage()) }),
            )
          : '',
        el(
          'p',
          {},
          preview.title
            ? t('draft:importRecognisedTitled', { count: preview.paragraphs.length, title: preview.title })
            : t('draft:importRecognised', { count: preview.paragraphs.length }),
        ),
        el(
          'ol',
          { className: 'import-paragraphs' },
          ...preview.paragraphs.map((p) =>
            el(
              'li',
              { attrs: { 'data-kind': p.kind } },
              el('strong', {}, `${p.printedLabel || p.label || '—'} `),
              el('span', { className: 'muted' }, t('draft:importKind', { kind: KIND_KEYS[p.kind] ? t(KIND_KEYS[p.kind]!) : p.kind })),
              (words.get(p.id) ?? '').slice(0, 80),
            ),
          ),
        ),
        preview.warnings.length ? el('ul', { className: 'warnings' }, ...preview.warnings.map((w) => el('li', {}, w.message))) : '',
        confirm,
      );
    } catch (e) {
      result.replaceChildren(el('p', { className: 'error', attrs: { role: 'alert' } }, e instanceof ApiError ? e.message : String(e)));
    }
  });

  return el(
    'details',
    { className: 'panel import-panel' },
    el('summary', {}, t('draft:importSummary')),
    el('label', { htmlFor: 'import-file' }, t('draft:importWordFile')),
    file,
    el('label', { htmlFor: 'import-text' }, t('draft:importText')),
    pasted,
    previewButton,
    result,
  );
}
