/** A snapshot of everything stored, to check that a refused request changed nothing. */
import type { Store } from '../../../server/storage/types';

/** Every record the API can write, as one comparable value. */
export async function snapshot(store: Store): Promise<unknown> {
  const sessions = await store.listSessions();
  const drafts = (await Promise.all(sessions.map((s) => store.listDrafts(s.id)))).flat();
  const perDraft = await Promise.all(
    drafts.map(async (d) => ({
      draft: d,
      events: await store.listDraftEvents(d.id),
      sponsorship: await store.listSponsorshipEvents(d.id),
      revisions: await store.listRevisions(d.id),
    })),
  );
  return {
    sessions,
    sessionRecords: await Promise.all(sessions.map((s) => store.listSessionRecord(s.id))),
    bodies: await Promise.all(sessions.map((s) => store.getBody(s.bodyId))),
    delegations: await store.listDelegations(),
    users: await store.listUsers(),
    drafts: perDraft,
  };
}
