/**
 * Presence: who is in the draft and where their cursor is. Each client puts its user in the
 * awareness state under `user` (y-prosemirror's cursor plugin reads `name` and `color` there);
 * the name is the delegation's, because delegates speak for their delegation, not themselves.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Me } from '../api';

/** What each client publishes about itself. */
export interface PresenceUser {
  /** Shown on the cursor: the delegation's name, or the person's for the secretariat and chair. */
  name: string;
  /** The person, for the "who is here" panel. */
  person: string;
  color: string;
  colorLight: string;
}

// Colours with at least 4.5:1 contrast against white text on the cursor label.
const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f', '#9a3412', '#4338ca'];

/** A stable colour for a delegation (or user) id: the same delegation has the same colour everywhere. */
export function colourFor(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** The presence entry of the signed-in user. */
export function presenceOf(me: Me): PresenceUser {
  const color = colourFor(me.delegationId ?? me.id);
  const name = me.delegation ? me.delegation.name.en : me.role === 'secretariat' ? 'Secretariat' : me.role === 'chair' ? 'Chair' : me.displayName;
  return { name, person: me.displayName, color, colorLight: `${color}33` };
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
  const start = PALETTE.indexOf(preferred);
  for (let i = 1; i <= PALETTE.length; i++) {
    const colour = PALETTE[(start + i) % PALETTE.length]!;
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
