/**
 * The console's forms, each in a modal <dialog>: keyboard first (the first field takes focus,
 * Enter submits, Escape cancels, focus returns to the button that opened it). A form resolves
 * with its values, or null when cancelled.
 */
import { el } from '../dom';

/** One field of a form. */
export type Field =
  | { name: string; label: string; kind: 'text' | 'date'; value?: string; required?: boolean }
  | { name: string; label: string; kind: 'number'; value?: number; required?: boolean }
  | { name: string; label: string; kind: 'select'; options: [value: string, label: string][]; value?: string }
  | { name: string; label: string; kind: 'checkbox'; value?: boolean };

/** The values a submitted form gives, by field name. */
export type FormValues = Record<string, string | number | boolean | null>;

function input(field: Field): HTMLInputElement | HTMLSelectElement {
  const id = `f-${field.name}`;
  if (field.kind === 'select') {
    return el('select', { id, name: field.name }, ...field.options.map(([value, label]) => el('option', { value, selected: value === field.value }, label)));
  }
  if (field.kind === 'checkbox') return el('input', { id, name: field.name, type: 'checkbox', checked: field.value === true });
  return el('input', {
    id,
    name: field.name,
    type: field.kind,
    required: field.required === true,
    value: field.value === undefined ? '' : String(field.value),
    ...(field.kind === 'number' ? { min: '0', step: '1' } : {}),
  });
}

/** Ask for values in a modal form; resolves null when cancelled. */
export function askForm(title: string, fields: Field[], submitLabel: string): Promise<FormValues | null> {
  const opener = document.activeElement as HTMLElement | null;
  const inputs = fields.map((f) => [f, input(f)] as const);
  const cancel = el('button', { type: 'button', value: 'cancel' }, 'Cancel');
  const form = el(
    'form',
    { method: 'dialog', className: 'console-form' },
    el('h2', {}, title),
    ...inputs.map(([f, i]) => el('p', {}, el('label', { htmlFor: i.id }, f.label), ' ', i)),
    el('p', { className: 'actions' }, el('button', { type: 'submit', value: 'ok' }, submitLabel), ' ', cancel),
  );
  const dialog = el('dialog', { className: 'console-dialog', attrs: { 'aria-label': title } }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let done = false;
    const finish = (values: FormValues | null) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      opener?.focus();
      resolve(values);
    };
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', () => finish(null));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values: FormValues = {};
      for (const [f, i] of inputs) {
        if (f.kind === 'checkbox') values[f.name] = (i as HTMLInputElement).checked;
        else if (f.kind === 'number') values[f.name] = i.value === '' ? null : Number(i.value);
        else values[f.name] = i.value.trim() === '' ? null : i.value.trim();
      }
      finish(values);
    });
    dialog.showModal();
    inputs[0]?.[1].focus();
  });
}
