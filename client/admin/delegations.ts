/** Delegations: the list, and a form to add one or change its names and kind (the code stays). */
import { DELEGATION_KINDS } from '../../shared/delegations';
import { api } from '../api';
import { el } from '../dom';
import { field, select, statusLine, type DelegationJSON } from './common';

const KIND_NAMES: Record<string, string> = {
  member: 'Member State',
  observer: 'Observer State',
  regional: 'Regional organisation',
  group: 'Group of States',
  igo: 'Intergovernmental organisation',
};

/** The delegations section. */
export async function delegationsSection(): Promise<HTMLElement> {
  const status = statusLine();
  const table = el('tbody');
  let editing: DelegationJSON | null = null;

  const code = el('input', { name: 'code', required: true, maxLength: 16 });
  const en = el('input', { name: 'name-en', required: true });
  const zh = el('input', { name: 'name-zh', required: true, lang: 'zh' });
  const kind = select(
    'kind',
    DELEGATION_KINDS.map((k) => [k, KIND_NAMES[k] ?? k]),
    'member',
  );
  const submit = el('button', { type: 'submit' }, 'Add delegation');
  const cancel = el('button', { type: 'button', hidden: true }, 'Cancel');
  const form = el(
    'form',
    { className: 'admin-form', attrs: { 'aria-label': 'Delegation' } },
    field('Code', code),
    field('Name (English)', en),
    field('Name (Chinese)', zh),
    field('Kind', kind),
    submit,
    cancel,
  );

  const reset = () => {
    editing = null;
    form.reset();
    code.disabled = false;
    submit.textContent = 'Add delegation';
    cancel.hidden = true;
  };
  cancel.addEventListener('click', reset);

  const render = async () => {
    const list = await api<DelegationJSON[]>('GET', '/api/delegations');
    table.replaceChildren(
      ...list.map((d) => {
        const edit = el('button', { type: 'button' }, 'Edit');
        edit.setAttribute('aria-label', `Edit ${d.name.en}`);
        edit.addEventListener('click', () => {
          editing = d;
          code.value = d.code;
          code.disabled = true;
          en.value = d.name.en;
          zh.value = d.name.zh;
          kind.value = d.kind;
          submit.textContent = 'Save delegation';
          cancel.hidden = false;
          en.focus();
        });
        return el(
          'tr',
          { attrs: { 'data-delegation': d.code } },
          el('td', {}, d.code),
          el('td', {}, d.name.en),
          el('td', { lang: 'zh' }, d.name.zh),
          el('td', {}, KIND_NAMES[d.kind] ?? d.kind),
          el('td', {}, edit),
        );
      }),
    );
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = { en: en.value.trim(), zh: zh.value.trim() };
    const ok = editing
      ? await status.run(`${name.en} saved`, () => api('PATCH', `/api/delegations/${editing!.id}`, { name, kind: kind.value }))
      : await status.run(`${name.en} added`, () => api('POST', '/api/delegations', { code: code.value.trim().toUpperCase(), name, kind: kind.value }));
    if (ok) {
      reset();
      await render();
    }
  });

  await render();
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'admin-delegations' } },
    el('h2', { id: 'admin-delegations' }, 'Delegations'),
    form,
    status.element,
    el(
      'div',
      { className: 'table-wrap' },
      el('table', {}, el('thead', {}, el('tr', {}, ...['Code', 'English', 'Chinese', 'Kind', ''].map((h) => el('th', { scope: 'col' }, h)))), table),
    ),
  );
}
