/** How an audit entry looks in JSON: the stored entry, and the same in words for the audit page. */
import { AUDIT_ACTION_LABELS, describeAuditDetail, describeAuditTarget, type AuditAction, type AuditEntryJSON, type AuditNames } from '../../shared/audit';
import type { AuditEntryRow } from '../storage/types';

/** An audit entry as the secretariat's audit page reads it; `names` turns ids into names. */
export function presentAuditEntry(e: AuditEntryRow, names: AuditNames): AuditEntryJSON {
  const name = e.userId ? names.user(e.userId) : null;
  const who = name ? `${name}${e.login ? ` (${e.login})` : ''}` : e.login ? (e.userId ? e.login : `nobody signed in (typed: ${e.login})`) : '—';
  return {
    seq: e.seq,
    at: e.at,
    action: e.action,
    userId: e.userId,
    login: e.login,
    ip: e.ip,
    target: e.target,
    detail: e.detail,
    label: AUDIT_ACTION_LABELS[e.action as AuditAction] ?? e.action,
    who,
    about: describeAuditTarget(e, names),
    summary: describeAuditDetail(e, names),
  };
}
