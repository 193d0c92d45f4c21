/** Delegations: the list, and a form to add one or change its names (in any of the six languages) and kind (the code stays). */
import { DELEGATION_KINDS } from '../../shared/delegations';
import { LANGUAGES, languageNameIn, languagesOf, type Lang, type LocalizedText } from '../../shared/languages';
import { api } from '../api';
import { el, localized, localizedString } from '../dom';
import { t, uiLanguage } from '../i18n';
import { field, select, statusLine, type DelegationJSON } from './common';

const kindName = (kind: string) => ((DELEGATION_KINDS as readonly string[]).includes(kind) ? t(`admin:kind.${kind}`) : kind);

/** The delegations section. */
export async function delegationsSection(): Promise<HTMLElement> {
  const status = statusLine();
  const table = el('tbody');
  let editing: DelegationJSON | null = null;
  const ui = uiLanguage();

  const code = el('input', { name: 'code', required: true, maxLength: 16 });
  // A name in each of the six, the interface's language first; at least one is needed (the server says so).
  const names = new Map<Lang, HTMLInputElement>([ui, ...LANGUAGES.filter((l) => l !== ui)].map((lang) => [lang, el('input', { name: `name-${lang}`, lang, dir: 'auto' })]));
  const kind = select(
    'kind',
    DELEGATION_KINDS.map((k) => [k, kindName(k)]),
    'member',
  );
  const submit = el('button', { type: 'submit' }, t('admin:delegations.add'));
  const cancel = el('button', { type: 'button', hidden: true }, t('admin:cancel'));
  const form = el(
    'form',
    { className: 'admin-form', attrs: { 'aria-label': t('admin:delegations.form') } },
    field(t('admin:delegations.code'), code),
    ...[...names].map(([lang, input]) => field(t('admin:delegations.nameIn', { language: languageNameIn(lang, ui) }), input)),
    field(t('admin:delegations.kind'), kind),
    submit,
    cancel,
  );

  const reset = () => {
    editing = null;
    form.reset();
    code.disabled = false;
    submit.textContent = t('admin:delegations.add');
    cancel.hidden = true;
  };
  cancel.addEventListener('click', reset);

  const render = async () => {
    const list = await api<DelegationJSON[]>('GET', '/api/delegations');
    table.replaceChildren(
      ...list.map((d) => {
        const edit = el('button', { type: 'button' }, t('admin:edit'));
        edit.setAttribute('aria-label', t('admin:editNamed', { name: localizedString(d.name) }));
        edit.addEventListener('click', () => {
          editing = d;
          code.value = d.code;
          code.disabled = true;
          for (const [lang, input] of names) input.value = d.name[lang] ?? '';
          kind.value = d.kind;
          submit.textContent = t('admin:delegations.save');
          cancel.hidden = false;
          names.get(ui)?.focus();
        });
        const given = languagesOf(d.name);
        return el(
          'tr',
          { attrs: { 'data-delegation': d.code } },
          el('td', {}, d.code),
          el('td', {}, localized(d.name)),
          el('td', { attrs: { title: given.map((l) => languageNameIn(l, ui)).join(', ') } }, given.join(' ')),
          el('td', {}, kindName(d.kind)),
          el('td', {}, edit),
        );
      }),
    );
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name: LocalizedText = {};
    for (const [lang, input] of names) if (input.value.trim()) name[lang] = input.value.trim();
    const shown = localizedString(name) || code.value.trim().toUpperCase();
    const ok = editing
      ? await status.run(t('admin:delegations.saved', { name: shown }), () => api('PATCH', `/api/delegations/${editing!.id}`, { name, kind: kind.value }))
      : await status.run(t('admin:delegations.added', { name: shown }), () => api('POST', '/api/delegations', { code: code.value.trim().toUpperCase(), name, kind: kind.value }));
    if (ok) {
      reset();
      await render();
    }
  });

  await render();
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'admin-delegations' } },
    el('h2', { id: 'admin-delegations' }, t('admin:delegations.heading')),
    form,
    status.element,
    el(
      'div',
      { className: 'table-wrap' },
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el('tr', {}, ...['code', 'name', 'languages', 'kind'].map((h) => el('th', { scope: 'col' }, t(`admin:delegations.column.${h}`))), el('th', { scope: 'col' }, '')),
        ),
        table,
      ),
    ),
  );
}
