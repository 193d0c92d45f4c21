/**
 * The console's forms, each in a modal <dialog>: keyboard first (the first field takes focus, or
 * Cancel in a confirmation without fields; Enter submits, Escape cancels, focus returns to the button that opened it). A form resolves
 * with its values, or null when cancelled. A form that submits to the server stays open when
 * the server refuses: what was typed is kept and the reason stands beside the field it concerns.
 */
import { el } from '../dom';
import { t } from '../i18n';

/** What every field may add: a line of help under it, and when it is shown (by the values now). */
interface FieldCommon {
  name: string;
  label: string;
  /** A short help line, read with the field (aria-describedby). */
  hint?: string;
  /** Show the field only while this holds of the form's values; a hidden field gives null. */
  shownWhen?: (values: FormValues) => boolean;
}

/** One field of a form. */
export type Field = FieldCommon &
  (
    | { kind: 'text' | 'date'; value?: string; required?: boolean }
    | { kind: 'number'; value?: number; required?: boolean }
    | { kind: 'select'; options: [value: string, label: string][]; value?: string }
    | { kind: 'checkbox'; value?: boolean }
  );

/** The values a submitted form gives, by field name. */
export type FormValues = Record<string, string | number | boolean | null>;

/** Why the server refused what a form sent: its words, and the field they concern when known. */
export interface Refusal {
  message: string;
  field?: string;
}

/** What a form's submit step answers: done (the dialog closes with the value) or refused (it stays open). */
export type SubmitOutcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

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

// One field on the form: its label, control, help and the place for the server's reason.
interface Row {
  field: Field;
  control: HTMLInputElement | HTMLSelectElement;
  line: HTMLElement;
  error: HTMLElement;
  hintId: string | null;
}

function row(field: Field): Row {
  const control = input(field);
  const hintId = field.hint ? `${control.id}-hint` : null;
  const error = el('span', { id: `${control.id}-error`, className: 'field-error error', attrs: { role: 'alert' } });
  if (hintId) control.setAttribute('aria-describedby', hintId);
  const line = el(
    'p',
    { className: 'field', attrs: { 'data-field': field.name } },
    el('label', { htmlFor: control.id }, field.label),
    ' ',
    control,
    field.hint ? el('span', { id: hintId!, className: 'field-hint muted' }, field.hint) : null,
    error,
  );
  return { field, control, line, error, hintId };
}

// The values typed; those of hidden fields are null unless `all` is asked (to decide what to show).
function valuesOf(rows: readonly Row[], all = false): FormValues {
  const values: FormValues = {};
  for (const { field: f, control: i, line } of rows) {
    if (line.hidden && !all) values[f.name] = null;
    else if (f.kind === 'checkbox') values[f.name] = (i as HTMLInputElement).checked;
    else if (f.kind === 'number') values[f.name] = i.value === '' ? null : Number(i.value);
    else values[f.name] = i.value.trim() === '' ? null : i.value.trim();
  }
  return values;
}

/**
 * Ask in a modal form that stays open until `submit` accepts its values. A refusal is shown
 * beside the field it names (or under the form's title when it names none), the field marked
 * invalid and described by the reason; nothing typed is lost. Resolves with what `submit`
 * gave, or null when cancelled.
 */
export function askFormUntil<T>(title: string, fields: Field[], submitLabel: string, submit: (values: FormValues) => Promise<SubmitOutcome<T>>): Promise<T | null> {
  const opener = document.activeElement as HTMLElement | null;
  const rows = fields.map(row);
  const cancel = el('button', { type: 'button', value: 'cancel' }, t('console:cancel'));
  const send = el('button', { type: 'submit', value: 'ok' }, submitLabel);
  const formError = el('p', { id: 'f-form-error', className: 'form-error error', attrs: { role: 'alert' } });
  const form = el(
    'form',
    { method: 'dialog', className: 'console-form' },
    el('h2', {}, title),
    formError,
    ...rows.map((r) => r.line),
    el('p', { className: 'actions' }, send, ' ', cancel),
  );
  const dialog = el('dialog', { className: 'console-dialog', attrs: { 'aria-label': title } }, form);

  const showFields = () => {
    const values = valuesOf(rows, true);
    for (const r of rows) r.line.hidden = r.field.shownWhen ? !r.field.shownWhen(values) : false;
  };
  const clearRefusal = () => {
    formError.textContent = '';
    for (const r of rows) {
      r.error.textContent = '';
      r.control.removeAttribute('aria-invalid');
      if (r.hintId) r.control.setAttribute('aria-describedby', r.hintId);
      else r.control.removeAttribute('aria-describedby');
    }
  };
  const showRefusal = (refusal: Refusal) => {
    clearRefusal();
    const target = rows.find((r) => r.field.name === refusal.field && !r.line.hidden);
    if (!target) {
      formError.textContent = t('console:refused', { reason: refusal.message });
      return;
    }
    target.error.textContent = refusal.message;
    target.control.setAttribute('aria-invalid', 'true');
    target.control.setAttribute('aria-describedby', [target.error.id, target.hintId].filter(Boolean).join(' '));
    target.control.focus();
  };
  form.addEventListener('change', showFields);
  showFields();
  document.body.append(dialog);

  return new Promise((resolve) => {
    let done = false;
    const finish = (value: T | null) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      opener?.focus();
      resolve(value);
    };
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', () => finish(null));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (send.disabled) return;
      send.disabled = true;
      form.setAttribute('aria-busy', 'true');
      try {
        const outcome = await submit(valuesOf(rows));
        if (outcome.ok) finish(outcome.value);
        else showRefusal(outcome.refusal);
      } catch (e) {
        showRefusal({ message: e instanceof Error ? e.message : String(e) });
      } finally {
        send.disabled = false;
        form.removeAttribute('aria-busy');
      }
    });
    dialog.showModal();
    // A form with no field is a confirmation ("Freeze …?"): the focus starts on Cancel, the safe
    // choice, so that an Enter pressed by habit never does what cannot be undone.
    (rows.find((r) => !r.line.hidden)?.control ?? cancel).focus();
  });
}

/** Ask for values in a modal form; resolves null when cancelled. */
export function askForm(title: string, fields: Field[], submitLabel: string): Promise<FormValues | null> {
  return askFormUntil(title, fields, submitLabel, async (values) => ({ ok: true, value: values }));
}
