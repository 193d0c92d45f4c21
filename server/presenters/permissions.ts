/**
 * How a user's permissions on a draft look in JSON: each act `{ allowed: true }`, or
 * `{ allowed: false, reason }` with the policy's or the lifecycle's sentence. Pages show these
 * as they come (a button, a banner, a form); they never work them out again.
 */
import type { Actor } from '../../shared/accounts';
import type { DraftStatus } from '../../shared/lifecycle';
import {
  draftPermissions,
  MEETING_EVENT_TYPES,
  type DraftAccess,
  type DraftPermissionsJSON,
  type MeetingEventType,
  type Permission,
  type PermissionJSON,
} from '../../shared/policy';

function presentPermission(p: Permission): PermissionJSON {
  return p.ok ? { allowed: true } : { allowed: false, reason: p.error };
}

/** Every permission of `actor` on a draft, computed by shared/policy and listed one by one. */
export function presentPermissions(actor: Actor, access: DraftAccess, status: DraftStatus): DraftPermissionsJSON {
  const p = draftPermissions(actor, access, status);
  const recordEvent = {} as Record<MeetingEventType, PermissionJSON>;
  for (const type of MEETING_EVENT_TYPES) recordEvent[type] = presentPermission(p.recordEvent[type]);
  return {
    editText: presentPermission(p.editText),
    issueRevision: presentPermission(p.issueRevision),
    recordEvent,
    recordOralAmendment: presentPermission(p.recordOralAmendment),
    setParagraphState: presentPermission(p.setParagraphState),
    changeSponsors: presentPermission(p.changeSponsors),
    tableProposal: presentPermission(p.tableProposal),
    decideProposals: presentPermission(p.decideProposals),
    comment: presentPermission(p.comment),
    requestCosponsorship: presentPermission(p.requestCosponsorship),
    decideCosponsorship: presentPermission(p.decideCosponsorship),
    freeze: presentPermission(p.freeze),
  };
}
