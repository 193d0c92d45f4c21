/** The audit record in words (shared/audit.ts): each action named, ids turned into names, changes as "from → to". */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AuditActions, describeAuditDetail, describeAuditTarget, type AuditNames } from '../../shared/audit';

const names: AuditNames = {
  user: (id) => ({ u1: 'Ana Ruiz', u2: 'Li Wei' })[id] ?? null,
  delegation: (id) => ({ d1: 'Peru', d2: 'Chile' })[id] ?? null,
  draft: (id) => ({ x1: 'CTOC/COP/2022/L.9' })[id] ?? null,
};

describe('the audit record in words', () => {
  it('names every action', () => {
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action]).toMatch(/^[A-Z]/);
  });

  it('says what a write on a draft did', () => {
    const on = (method: string, path: string, type?: string) =>
      describeAuditDetail({ action: AuditActions.draftAction, detail: { method, path, status: 201, ...(type ? { type } : {}) } }, names);
    expect(on('POST', '/drafts/x1/revisions')).toBe('issued a revision');
    expect(on('POST', '/drafts/x1/events', 'adopted')).toBe('recorded adopted');
    expect(on('POST', '/drafts/x1/sponsors/d1/withdraw')).toBe('recorded a sponsor withdrawing');
    // A write it has no words for yet is still shown, as the request.
    expect(on('POST', '/drafts/x1/something-new')).toBe('POST /drafts/x1/something-new');
  });

  it('turns ids into names in account changes and shows each change as from → to', () => {
    const detail = { role: { from: 'delegate', to: 'chair' }, delegationId: { from: 'd1', to: null }, active: { from: true, to: false } };
    expect(describeAuditDetail({ action: AuditActions.userUpdated, detail }, names)).toBe('role: delegate → chair; delegation: Peru → —; active: yes → no');
    expect(describeAuditDetail({ action: AuditActions.chairChanged, detail: { from: null, to: 'u2' } }, names)).toBe('chair: none → Li Wei');
    const delegation = { code: 'PER', from: { name: { en: 'Peru', zh: '秘鲁' }, kind: 'state' }, to: { name: { en: 'Republic of Peru', zh: '秘鲁' }, kind: 'state' } };
    expect(describeAuditDetail({ action: AuditActions.delegationUpdated, detail: delegation }, names)).toBe('PER: name: Peru → Republic of Peru');
    // A name changed in one language only says which, and a name given in a new language says so.
    const french = {
      code: 'PER',
      from: { name: { en: 'Peru', fr: 'Pérou' }, kind: 'member' },
      to: { name: { en: 'Peru', fr: 'République du Pérou', ar: 'بيرو' }, kind: 'member' },
    };
    expect(describeAuditDetail({ action: AuditActions.delegationUpdated, detail: french }, names)).toBe('PER: name (ar): — → بيرو; name (fr): Pérou → République du Pérou');
  });

  it('names what an entry was about, or keeps the id it cannot name', () => {
    expect(describeAuditTarget({ action: AuditActions.draftAction, target: 'x1' }, names)).toBe('CTOC/COP/2022/L.9');
    expect(describeAuditTarget({ action: AuditActions.userCreated, target: 'u1' }, names)).toBe('Ana Ruiz');
    expect(describeAuditTarget({ action: AuditActions.delegationCreated, target: 'd2' }, names)).toBe('Chile');
    expect(describeAuditTarget({ action: AuditActions.userCreated, target: 'gone' }, names)).toBe('gone');
  });
});
