/**
 * Presence: who is in the draft and where their cursor is. Each client puts its user in the
 * awareness state under `user` (y-prosemirror's cursor plugin reads `name` and `color` there);
 * the server overwrites that identity with the one it authenticated (shared/presence.ts), so
 * what is shown of others is the server's word, not theirs.
 */
import type { Awareness } from 'y-protocols/awareness';
import { PRESENCE_PALETTE, presenceUser, type PresenceUser } from '../../shared/presence';
import type { Me } from '../api';

export type { PresenceUser };
export { colourFor } from '../../shared/presence';

/** The presence entry of the signed-in user (the server stamps the same identity on it for everyone else). */
export function presenceOf(me: Me): PresenceUser {
  return presenceUser({ id: me.id, role: me.role, displayName: me.displayName, delegationId: me.delegationId, delegationName: me.delegation?.name.en ?? null });
}

/**
 * A colour no one else present uses, starting from `preferred`: two delegations in one draft
 * must not share a cursor colour. When two clients clash, the one with the larger client id
 * moves, so that they never both move.
 */
export function freeColour(awareness: Awareness, preferred: string): string {
  const taken = new Set<string>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: PresenceUser }).user;
    if (clientId < awareness.clientID && user) taken.add(user.color);
  }
  if (!taken.has(preferred)) return preferred;
  const start = (PRESENCE_PALETTE as readonly string[]).indexOf(preferred);
  for (let i = 1; i <= PRESENCE_PALETTE.length; i++) {
    const colour = PRESENCE_PALETTE[(start + i) % PRESENCE_PALETTE.length]!;
    if (!taken.has(colour)) return colour;
  }
  return preferred; // more people than colours: names still tell them apart
}

/** Publish the user in the awareness state, and keep their colour distinct as others come and go. */
export function announce(awareness: Awareness, user: PresenceUser): () => void {
  const publish = () => {
    const color = freeColour(awareness, user.color);
    const current = (awareness.getLocalState() as { user?: PresenceUser } | null)?.user;
    if (current?.color !== color) awareness.setLocalStateField('user', { ...user, color, colorLight: `${color}33` });
  };
  publish();
  awareness.on('change', publish);
  return () => awareness.off('change', publish);
}

/** Everyone in the draft now (this client first), one entry per client. */
export function presentUsers(awareness: Awareness): (PresenceUser & { self: boolean })[] {
  const out: (PresenceUser & { self: boolean })[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: PresenceUser }).user;
    if (!user) continue;
    const entry = { ...user, self: clientId === awareness.clientID };
    if (entry.self) out.unshift(entry);
    else out.push(entry);
  }
  return out;
}

/** One person in the "who is here" list: their presence, in how many tabs or windows, and whether it is this user. */
export interface PresentPerson extends PresenceUser {
  self: boolean;
  tabs: number;
}

/**
 * Everyone in the draft, one entry per user however many tabs they have open (a user is their
 * account: the server stamps its id on every client's presence). This user first, then in the
 * order they came.
 */
export function presentPeople(awareness: Awareness): PresentPerson[] {
  const byUser = new Map<string, PresentPerson>();
  for (const entry of presentUsers(awareness)) {
    const known = byUser.get(entry.id);
    if (known) {
      known.tabs += 1;
      known.self ||= entry.self;
    } else byUser.set(entry.id, { ...entry, tabs: 1 });
  }
  return [...byUser.values()].sort((a, b) => Number(b.self) - Number(a.self));
}

/** How a person is named in the list and in announcements: "Peru (Ana Ruiz)". */
export const personLabel = (p: PresenceUser) => (p.name === p.person ? p.name : `${p.name} (${p.person})`);

/** Who came and who went between two lists (by user), for announcing only that. */
export function presenceChanges(before: readonly PresentPerson[], after: readonly PresentPerson[]): { joined: PresentPerson[]; left: PresentPerson[] } {
  const had = new Set(before.map((p) => p.id));
  const has = new Set(after.map((p) => p.id));
  return { joined: after.filter((p) => !had.has(p.id) && !p.self), left: before.filter((p) => !has.has(p.id) && !p.self) };
}
