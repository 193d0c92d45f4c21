/** How an audit entry looks in JSON. */
import type { AuditEntryJSON } from '../../shared/audit';
import type { AuditEntryRow } from '../storage/types';

/** An audit entry as the secretariat's audit page reads it. */
export function presentAuditEntry(e: AuditEntryRow): AuditEntryJSON {
  return { seq: e.seq, at: e.at, action: e.action, userId: e.userId, login: e.login, ip: e.ip, target: e.target, detail: e.detail };
}
