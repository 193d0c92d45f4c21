/**
 * The audit record: who did what, when and from where. Every sign-in, failed sign-in, permission
 * refusal, account change and action on a draft leaves one entry; nothing ever changes an entry.
 * The action names are shared so that the secretariat's filter and the server agree on them.
 */
import { isLang, LANGUAGES, type LocalizedText, textPreferring } from './languages';

/** Every kind of audited action. Add names here; never rename one (old entries keep it). */
export const AuditActions = {
  /** A sign-in that succeeded. */
  signIn: 'auth.sign_in',
  /** A sign-in refused for a wrong login or password (the login typed is recorded). */
  signInFailed: 'auth.sign_in_failed',
  /** A sign-in refused because of too many failures. */
  signInThrottled: 'auth.sign_in_throttled',
  /** A sign-out. */
  signOut: 'auth.sign_out',
  /** A user changed their own password. */
  passwordChanged: 'auth.password_changed',
  /** A user set a new password with a one-time reset code. */
  passwordReset: 'auth.password_reset',
  /** A reset code was refused (unknown, used or expired). */
  passwordResetFailed: 'auth.password_reset_failed',
  /** The policy refused a request (HTTP 403, or a refused collaboration socket). */
  permissionRefused: 'access.refused',
  /** A user wrote too fast and was slowed down. */
  rateLimited: 'access.rate_limited',
  /** The secretariat created an account. */
  userCreated: 'account.user_created',
  /** The secretariat changed an account (name, login, role, delegation, active). */
  userUpdated: 'account.user_updated',
  /** The secretariat issued a one-time password-reset code. */
  resetIssued: 'account.reset_issued',
  /** The secretariat created a delegation. */
  delegationCreated: 'account.delegation_created',
  /** The secretariat changed a delegation. */
  delegationUpdated: 'account.delegation_updated',
  /** The secretariat named (or removed) the chair of a draft's consultations. */
  chairChanged: 'account.chair_changed',
  /** A write on a draft or a session's drafts that succeeded (the path and method say which). */
  draftAction: 'draft.action',
  /** The secretariat restored a draft's working text to an earlier point of its log (the seq or time it came from). */
  textRestored: 'draft.text_restored',
} as const;

/** One audited action name. */
export type AuditAction = (typeof AuditActions)[keyof typeof AuditActions];

/** Every audited action name, for the filter's choices. */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditActions);

/** An audit entry as the API presents it. */
export interface AuditEntryJSON {
  seq: number;
  at: string;
  action: string;
  /** The user who acted, when known (null for a failed sign-in or an anonymous request). */
  userId: string | null;
  /** The login as it was at the time (or as typed, for a failed sign-in). */
  login: string | null;
  /** The client address the request came from. */
  ip: string | null;
  /** What the action was about: a draft id, a user id, a delegation id. */
  target: string | null;
  detail: Record<string, unknown>;
  /** The action in words ("Issued a password-reset link"). */
  label: string;
  /** Who acted, by name ("Ana Ruiz (ana@…)"), or the login typed. */
  who: string;
  /** What it was about, by name (a draft's symbol, a person, a delegation). */
  about: string;
  /** The change in words, ids turned into names (describeAuditDetail). */
  summary: string;
}

/** What an audit action is called on the audit page. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in refused',
  'auth.sign_in_throttled': 'Sign-in refused: too many failures',
  'auth.sign_out': 'Signed out',
  'auth.password_changed': 'Changed own password',
  'auth.password_reset': 'Set a new password with a reset link',
  'auth.password_reset_failed': 'Reset link refused',
  'access.refused': 'Refused by the policy',
  'access.rate_limited': 'Slowed down: writing too fast',
  'account.user_created': 'Created an account',
  'account.user_updated': 'Changed an account',
  'account.reset_issued': 'Issued a password-reset link',
  'account.delegation_created': 'Created a delegation',
  'account.delegation_updated': 'Changed a delegation',
  'account.chair_changed': 'Named the chair of a draft',
  'draft.action': 'Acted on a draft',
  'draft.text_restored': 'Restored a working text',
};

/** Names the audit page shows instead of ids (null: not known, the id is shown). */
export interface AuditNames {
  user(id: string): string | null;
  delegation(id: string): string | null;
  /** A draft's symbol ("CTOC/COP/2022/L.9"). */
  draft(id: string): string | null;
}

// What a write on a draft did, from its method and the path under /drafts/<id> (or /sessions/<id>).
const DRAFT_WRITES: readonly [RegExp, string][] = [
  [/^POST \/sessions\/[^/]+\/drafts$/, 'created a draft'],
  [/^POST \/drafts\/[^/]+\/revisions$/, 'issued a revision'],
  [/^POST \/drafts\/[^/]+\/revisions\/\d+\/documents$/, 'recorded an addendum or corrigendum'],
  [/^POST \/drafts\/[^/]+\/events$/, 'recorded'],
  [/^POST \/drafts\/[^/]+\/sponsors$/, 'added a sponsor'],
  [/^POST \/drafts\/[^/]+\/sponsors\/[^/]+\/withdraw$/, 'recorded a sponsor withdrawing'],
  [/^POST \/drafts\/[^/]+\/sponsors\/[^/]+\/main$/, 'named the main sponsor'],
  [/^POST \/drafts\/[^/]+\/(oral-)?amendments$/, 'recorded an oral amendment'],
  [/^POST \/drafts\/[^/]+\/paragraph-states$/, "set a paragraph's state"],
  [/^POST \/drafts\/[^/]+\/import$/, 'imported a text into the working text'],
  [/^POST \/drafts\/[^/]+\/restore$/, 'restored the working text'],
  [/^PUT \/drafts\/[^/]+\/chair$/, 'named the chair'],
  [/^POST \/drafts\/[^/]+\/proposals$/, 'tabled a proposal'],
  [/^POST \/drafts\/[^/]+\/proposals\/[^/]+\/decision$/, 'decided on a proposal'],
  [/^POST \/drafts\/[^/]+\/proposals\/[^/]+\/withdraw$/, 'withdrew a proposal'],
  [/^POST \/drafts\/[^/]+\/comments$/, 'commented'],
  [/^POST \/drafts\/[^/]+\/comments\/[^/]+\/resolve$/, 'resolved a comment thread'],
  [/^POST \/drafts\/[^/]+\/comments\/[^/]+\/reopen$/, 'reopened a comment thread'],
  [/^POST \/drafts\/[^/]+\/sponsors\/requests$/, 'asked to join or withdraw as a co-sponsor'],
  [/^POST \/drafts\/[^/]+\/sponsors\/requests\/[^/]+\/decision$/, 'decided on a co-sponsorship request'],
  [/^PUT \/drafts\/[^/]+\/cosponsorship-deadline$/, 'set the co-sponsorship deadline'],
];

const words = (key: string) =>
  key
    .replace(/Id$/, '')
    .replace(/([A-Z])/g, ' $1')
    .replace(/_/g, ' ')
    .toLowerCase();

// A text given in some of the six languages (a name, a title), as a stored detail holds it.
function isLocalized(value: unknown): value is LocalizedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([k, v]) => isLang(k) && typeof v === 'string');
}

// A change of a localized text, one language at a time: "name: Peru → Republic of Peru; name (fr): Pérou → République du Pérou".
function localizedChange(key: string, from: LocalizedText, to: LocalizedText): string[] {
  return LANGUAGES.filter((l) => (from[l] ?? '') !== (to[l] ?? '')).map((l) => `${words(key)}${l === 'en' ? '' : ` (${l})`}: ${from[l] || '—'} → ${to[l] || '—'}`);
}

// One value as people read it: names for ids, text for names, yes/no for booleans.
function valueText(key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (key === 'delegationId') return names.delegation(value) ?? value;
    if (/^(userId|chairUserId|from|to)$/.test(key)) return names.user(value) ?? value;
    return value;
  }
  if (isLocalized(value)) return textPreferring(value, 'en')?.text ?? '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${words(k)} ${valueText(k, v, names)}`)
      .join(', ');
  }
  return String(value);
}

/**
 * What one audit entry says, in words: "issued a revision", "role: delegate → secretariat",
 * "chair: Ana Ruiz → Li Wei". Ids become names where `names` knows them; nothing is dropped,
 * and what this does not know how to say is listed as "key value".
 */
export function describeAuditDetail(entry: Pick<AuditEntryJSON, 'action' | 'detail'>, names: AuditNames): string {
  const d = entry.detail;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  switch (entry.action) {
    case AuditActions.draftAction: {
      const key = `${str('method') ?? ''} ${str('path') ?? ''}`;
      const said = DRAFT_WRITES.find(([re]) => re.test(key))?.[1] ?? key.trim();
      return said === 'recorded' ? `recorded ${(str('type') ?? 'an event').replace(/_/g, ' ')}` : said;
    }
    case AuditActions.permissionRefused:
    case AuditActions.rateLimited:
      return [str('reason'), str('method') && str('path') ? `(${str('method')} ${str('path')})` : null].filter(Boolean).join(' ');
    case AuditActions.chairChanged:
      return `chair: ${d.from ? valueText('from', d.from, names) : 'none'} → ${d.to ? valueText('to', d.to, names) : 'none'}`;
    case AuditActions.textRestored:
      return `to its text as of seq ${String(d.fromSeq ?? '?')}; the change is seq ${String(d.seq ?? '?')}`;
    case AuditActions.signOut:
      return typeof d.tokensEnded === 'number' && d.tokensEnded > 0 ? `${d.tokensEnded} token${d.tokensEnded === 1 ? '' : 's'} ended with it` : '';
    case AuditActions.passwordResetFailed:
      return '';
  }
  // A change listed as { field: { from, to } } (accounts), or { from: {…}, to: {…} } (delegations).
  const from = d.from as Record<string, unknown> | undefined;
  const to = d.to as Record<string, unknown> | undefined;
  if (from && to && typeof from === 'object' && typeof to === 'object') {
    const changed = Object.keys(to).filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]));
    const head = typeof d.code === 'string' ? `${d.code}: ` : '';
    const said = changed.flatMap((k) => {
      const [a, b] = [from[k], to[k]];
      return isLocalized(a) && isLocalized(b) ? localizedChange(k, a, b) : [`${words(k)}: ${valueText(k, a, names)} → ${valueText(k, b, names)}`];
    });
    return head + said.join('; ');
  }
  return Object.entries(d)
    .map(([k, v]) => {
      if (v && typeof v === 'object' && 'from' in v && 'to' in v) {
        const change = v as { from: unknown; to: unknown };
        return `${words(k)}: ${valueText(k, change.from, names)} → ${valueText(k, change.to, names)}`;
      }
      return `${words(k)} ${valueText(k, v, names)}`;
    })
    .join('; ');
}

/** What an entry was about, named: a draft's symbol, a person, a delegation, or the id when unknown. */
export function describeAuditTarget(entry: Pick<AuditEntryJSON, 'action' | 'target'>, names: AuditNames): string {
  const t = entry.target;
  if (!t) return '';
  if (t.startsWith('session:')) return 'a session';
  if (entry.action.startsWith('draft.') || entry.action === AuditActions.chairChanged) return names.draft(t) ?? t;
  if (entry.action.startsWith('account.delegation')) return names.delegation(t) ?? t;
  return names.user(t) ?? names.draft(t) ?? names.delegation(t) ?? t;
}
