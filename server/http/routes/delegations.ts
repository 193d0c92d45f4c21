/** Delegations: `/api/delegations`. Everyone signed in reads; the secretariat adds and edits them, and says which delegations a group speaks for (`/:id/members`). */
import { Router } from 'express';
import { z } from 'zod';
import { DELEGATION_KINDS, type DelegationKind, delegationNameIn } from '../../../shared/delegations';
import { mayAdminister } from '../../../shared/policy';
import { sortByEnglishName } from '../../../shared/sponsorship';
import { createDelegation } from '../../commands/delegationCreator';
import { presentDelegation } from '../../presenters/delegation';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { id, idParams, localizedText, parse } from '../validate';
import { audit } from '../audit';
import { AuditActions } from '../../../shared/audit';
import { DomainErrors } from '../../errors';

const newDelegationBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'a code in capitals, such as CHL or EU'),
  name: localizedText,
  kind: z.enum(DELEGATION_KINDS),
});

/** The kinds of delegation that speak for members of their own. */
const GROUP_KINDS: readonly DelegationKind[] = ['regional', 'group'];
const membersBody = z.strictObject({ memberIds: z.array(id).max(500) });

// The code is a delegation's identity in symbols and records: it stays; names and kind may change.
const delegationChangesBody = z.strictObject({ name: localizedText.optional(), kind: z.enum(DELEGATION_KINDS).optional() });

/** The /api/delegations routes. */
export function delegationRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    requireUser(req);
    // The order of sponsor lists: English alphabetical, whatever the language.
    send(res, 200, sortByEnglishName(await store.listDelegations()).map(presentDelegation));
  });

  router.post('/', async (req, res) => {
    const actor = requireUser(req);
    const input = parse(newDelegationBody, req.body);
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const created = await createDelegation(store, input);
    await audit(deps, req, { action: AuditActions.delegationCreated, target: created.id, detail: { code: created.code, kind: created.kind } });
    send(res, 201, presentDelegation(created));
  });

  router.patch('/:id', async (req, res) => {
    const actor = requireUser(req);
    const { id } = parse(idParams, req.params, 'params');
    const changes = parse(delegationChangesBody, req.body);
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const before = await store.getDelegation(id);
    const after = before ? await store.updateDelegation(id, changes) : null;
    if (!before || !after) throw DomainErrors.notFound('delegation');
    await audit(deps, req, {
      action: AuditActions.delegationUpdated,
      target: id,
      detail: { code: after.code, from: { name: before.name, kind: before.kind }, to: { name: after.name, kind: after.kind } },
    });
    send(res, 200, presentDelegation(after));
  });

  // Which delegations a group or regional organization speaks for (its sponsorship "on behalf of its
  // member States" does not make them sponsors: shared/sponsorship.ts sponsorshipNote).
  router.get('/:id/members', async (req, res) => {
    requireUser(req);
    const { id } = parse(idParams, req.params, 'params');
    const group = await store.getDelegation(id);
    if (!group) throw DomainErrors.notFound('delegation');
    send(res, 200, await presentMembers(group.id));
  });

  router.put('/:id/members', async (req, res) => {
    const actor = requireUser(req);
    const { id } = parse(idParams, req.params, 'params');
    const { memberIds } = parse(membersBody, req.body);
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const group = await store.getDelegation(id);
    if (!group) throw DomainErrors.notFound('delegation');
    if (!GROUP_KINDS.includes(group.kind)) throw DomainErrors.refused(`${delegationNameIn(group)} is not a group or a regional organization: it speaks for no members`);
    const known = new Map((await store.listDelegations()).map((d) => [d.id, d]));
    const unique = [...new Set(memberIds)];
    const unknown = unique.find((m) => !known.has(m));
    if (unknown !== undefined) throw DomainErrors.refused(`there is no delegation with id "${unknown}"`);
    if (unique.includes(group.id)) throw DomainErrors.refused(`${delegationNameIn(group)} cannot be one of its own members`);
    await store.setGroupMembers(group.id, unique);
    await audit(deps, req, { action: AuditActions.delegationUpdated, target: group.id, detail: { code: group.code, members: unique.map((m) => known.get(m)?.code ?? m) } });
    send(res, 200, await presentMembers(group.id));
  });

  async function presentMembers(groupId: string) {
    const [rows, delegations] = await Promise.all([store.listGroupMembers(), store.listDelegations()]);
    const ids = new Set(rows.filter((r) => r.groupId === groupId).map((r) => r.memberId));
    return { groupId, members: sortByEnglishName(delegations.filter((d) => ids.has(d.id))).map(presentDelegation) };
  }

  return router;
}
