/**
 * Client-id ownership: a Yjs client id belongs to the user who first wrote under it, so the
 * log's attribution of every character cannot be forged. The store is the authority (claims
 * survive restarts and span server instances); this cache spares it the common case.
 */
import type { UpdateLogRepo } from '../storage/types';

/** The owners of client ids on one draft, as far as this server has seen them. */
export class ClientIdOwners {
  private readonly owner = new Map<number, string>();

  constructor(
    private readonly store: Pick<UpdateLogRepo, 'claimClientIds'>,
    private readonly draftId: string,
  ) {}

  /**
   * Claim `clientIds` for `userId`. Resolves to the ids another user already owns (empty when
   * the claim holds). Rejects when the store fails (the caller treats it as a storage failure).
   */
  async claim(userId: string, clientIds: readonly number[]): Promise<number[]> {
    const unknown: number[] = [];
    const taken: number[] = [];
    for (const id of clientIds) {
      const o = this.owner.get(id);
      if (o === undefined) unknown.push(id);
      else if (o !== userId) taken.push(id);
    }
    if (taken.length > 0 || unknown.length === 0) return taken;
    const refused = new Set(await this.store.claimClientIds(this.draftId, userId, unknown));
    for (const id of unknown) {
      if (refused.has(id)) taken.push(id);
      else this.owner.set(id, userId);
    }
    return taken;
  }

  /** Whether `userId` is already known to own every one of `clientIds` (then `claim` has nothing to ask the store). */
  ownsAll(userId: string, clientIds: readonly number[]): boolean {
    for (const id of clientIds) if (this.owner.get(id) !== userId) return false;
    return true;
  }

  /** The owner of `clientId` as far as this server has seen (undefined when it has not). */
  knownOwner(clientId: number): string | undefined {
    return this.owner.get(clientId);
  }

  /** Record an owner already known from the log (loading), sparing a round trip later. */
  remember(clientId: number, userId: string): void {
    this.owner.set(clientId, userId);
  }
}
