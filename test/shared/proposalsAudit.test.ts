/** The audit record in words for the whole room's writes (#17): proposals, comments, co-sponsorship requests. */
import { expect, it } from 'vitest';
import { AuditActions, describeAuditDetail, type AuditNames } from '../../shared/audit';

const names: AuditNames = { user: () => null, delegation: () => null, draft: () => null };
const on = (method: string, path: string) => describeAuditDetail({ action: AuditActions.draftAction, detail: { method, path, status: 200 } }, names);

it('says what each new write on a draft did', () => {
  expect(on('POST', '/drafts/x1/proposals')).toBe('tabled a proposal');
  expect(on('POST', '/drafts/x1/proposals/p1/decision')).toBe('decided on a proposal');
  expect(on('POST', '/drafts/x1/proposals/p1/withdraw')).toBe('withdrew a proposal');
  expect(on('POST', '/drafts/x1/comments')).toBe('commented');
  expect(on('POST', '/drafts/x1/comments/t1/resolve')).toBe('resolved a comment thread');
  expect(on('POST', '/drafts/x1/comments/t1/reopen')).toBe('reopened a comment thread');
  expect(on('POST', '/drafts/x1/sponsors/requests')).toBe('asked to join or withdraw as a co-sponsor');
  expect(on('POST', '/drafts/x1/sponsors/requests/r1/decision')).toBe('decided on a co-sponsorship request');
  expect(on('PUT', '/drafts/x1/cosponsorship-deadline')).toBe('set the co-sponsorship deadline');
  // The older writes keep their words.
  expect(on('POST', '/drafts/x1/sponsors')).toBe('added a sponsor');
});
