/**
 * What both benchmark servers (bench/penholderServer.ts on SQLite, bench/clusterServer.ts on
 * PostgreSQL) need besides the real endpoint: one bench user whose token is BENCH_TOKEN, and a
 * store that creates a draft the first time the harness opens a name it invented — the only
 * shortcut, and only in the benchmarks.
 */
import { hashSecret } from '../server/auth/sessions';
import { UniqueViolation, type Store } from '../server/storage/types';

/** The bench identities (reused on a restart: the durability run restarts on the same data) and the draft-creating store. */
export async function benchStore(store: Store, token: string): Promise<Store> {
  const existing = await store.getUserByLogin('bench');
  const user =
    existing ??
    (await (async () => {
      const delegation = await store.createDelegation({ code: 'BENCH', name: { en: 'Bench', zh: 'Bench' }, kind: 'member' });
      return store.createUser({ login: 'bench', displayName: 'Bench', role: 'delegate', delegationId: delegation.id, passwordHash: 'x' });
    })());
  const delegationId = user.delegationId!;
  const session =
    (await store.listSessions()).find((s) => s.symbolPrefix === 'BENCH') ??
    (await (async () => {
      const body = await store.createBody({ name: { en: 'Bench', zh: 'Bench' } });
      return store.createSession({
        bodyId: body.id,
        number: 1,
        title: { en: 'Bench', zh: 'Bench' },
        symbolPrefix: 'BENCH',
        place: 'here',
        opens: '2022-01-01',
        closes: '2099-01-01',
      });
    })());
  if (!(await store.getAuthSession(hashSecret(token)))) {
    await store.createAuthSession({ tokenHash: hashSecret(token), userId: user.id, kind: 'token', createdAt: new Date().toISOString(), expiresAt: '2099-01-01T00:00:00.000Z' });
  }

  const creating = new Map<string, Promise<unknown>>();
  const ensureDraft = async (id: string): Promise<void> => {
    if (await store.getDraft(id)) return;
    let p = creating.get(id);
    if (!p) {
      p = (async () => {
        try {
          // Instances cannot share an L-number counter: a random one keeps them from racing for one.
          await store.createDraft({
            id,
            sessionId: session.id,
            lNumber: 1 + Math.floor(Math.random() * 1e9),
            kind: 'resolution',
            title: { en: id, zh: id },
            agendaItem: '1',
            language: 'en',
            submittedBy: null,
            chairUserId: null,
            createdBy: user.id,
          });
          await store.addSponsorshipEvent({ draftId: id, delegationId, type: 'main', date: '2022-01-01', onBehalfOf: null, recordedBy: user.id });
        } catch (e) {
          // Another instance created it first.
          if (!(e instanceof UniqueViolation)) throw e;
        }
      })();
      creating.set(id, p);
      // Once created, getDraft finds it: the entry would only hold memory (the unload benchmark).
      void p.finally(() => creating.delete(id)).catch(() => undefined);
    }
    await p;
  };

  // Everything is the real store except that opening an unknown draft creates it first. Methods
  // are bound once (binding on every call would add the bench's own cost to the server's).
  const getDraft = async (id: string) => (await ensureDraft(id), store.getDraft(id));
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'getDraft') return getDraft;
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      if (!bound.has(prop)) bound.set(prop, v.bind(target));
      return bound.get(prop);
    },
  }) as Store;
}
