/**
 * Who a presence entry says someone is. Each client publishes its cursor under `user` in its
 * awareness state (y-prosemirror's cursor plugin reads `name` and `color` there), but the
 * server does not take a client's word for it: it overwrites `user` with the identity it
 * authenticated before relaying, so that a stock client shows the truth. Both ends build the
 * entry here, so what a client shows of itself is what others see of it.
 */
import type { Role } from './accounts';

/** The identity part of a presence entry, as every client receives it. */
export interface PresenceUser {
  /** The account, so that one user's tabs can be told apart from two users. */
  id: string;
  /** Shown on the cursor: the delegation's name, or "Secretariat" / "Chair" for those roles. */
  name: string;
  /** The person, for the "who is here" panel. */
  person: string;
  /** The delegation the person speaks for, or null. */
  delegationId: string | null;
  /** The cursor colour (the client picks one no one else present uses). */
  color: string;
  /** The selection colour: `color` with transparency. */
  colorLight: string;
}

/** What the server knows of the person behind a connection. */
export interface PresenceSubject {
  id: string;
  role: Role;
  displayName: string;
  delegationId: string | null;
  /** The delegation's name in English, or null for users without a delegation. */
  delegationName: string | null;
}

/**
 * The cursor colours, each with at least 4.5:1 contrast against white text on the cursor label,
 * and as the colour of a delegation's proposed words on the light green of an insertion
 * (client/editor/proposalMarks.ts; WCAG 1.4.3).
 */
export const PRESENCE_PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#92400e', '#0e7490', '#be185d', '#3f6212', '#9a3412', '#4338ca'] as const;

/** A stable colour for a delegation (or user) id: the same delegation has the same colour everywhere. */
export function colourFor(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PRESENCE_PALETTE[hash % PRESENCE_PALETTE.length]!;
}

/** Delegates speak for their delegation, not themselves: the cursor shows the delegation. */
function cursorName(subject: PresenceSubject): string {
  if (subject.delegationName) return subject.delegationName;
  if (subject.role === 'secretariat') return 'Secretariat';
  if (subject.role === 'chair') return 'Chair';
  return subject.displayName;
}

/**
 * The presence identity of `subject`. `color` is the client's choice when it is one of the
 * palette's (it moves to avoid a clash with someone else present), the subject's own otherwise.
 */
export function presenceUser(subject: PresenceSubject, color?: unknown): PresenceUser {
  const own = colourFor(subject.delegationId ?? subject.id);
  const chosen = typeof color === 'string' && (PRESENCE_PALETTE as readonly string[]).includes(color) ? color : own;
  return {
    id: subject.id,
    name: cursorName(subject),
    person: subject.displayName,
    delegationId: subject.delegationId,
    color: chosen,
    colorLight: `${chosen}33`,
  };
}
