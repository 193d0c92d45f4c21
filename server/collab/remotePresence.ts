/**
 * Presence that came from other instances, remembered by the instance it came from, so that it
 * can be taken away as soon as that instance is gone — killed (its heartbeat stops) or closed
 * (it says bye) — instead of lingering until y-protocols' 30-second awareness timeout.
 *
 * A removal is built at the clock last heard from the gone instance: if the client has since
 * said something newer (it reconnected here or elsewhere), the room's awareness holds a higher
 * clock and ignores the removal, so a moved client keeps its presence.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The update says the client left (its state is null). */
  removed: boolean;
}

/** The entries of an encoded awareness update (throws on a malformed one). */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    out.push({ clientId, clock, removed: decoding.readVarString(d) === 'null' });
  }
  return out;
}

/** An awareness update removing these clients at these clocks. */
export function awarenessRemoval(clients: { clientId: number; clock: number }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.length);
  for (const c of clients) {
    encoding.writeVarUint(e, c.clientId);
    encoding.writeVarUint(e, c.clock);
    encoding.writeVarString(e, 'null');
  }
  return encoding.toUint8Array(e);
}

interface Heard {
  lastSeen: number;
  /** Only instances that send heartbeats are judged by them (an older one is left to the timeout). */
  beats: boolean;
}

/** Which instance each remote client's presence came from, and when each instance was last heard. */
export class RemotePresence {
  private readonly owners = new Map<string, Map<number, { instance: string; clock: number }>>();
  private readonly heard = new Map<string, Heard>();
  // Instances declared gone, in case one was only slow and speaks again (a long stall).
  private readonly departed = new Set<string>();

  constructor(
    private readonly goneAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `instance` said something (`heartbeat`: a heartbeat). Returns true when it had been declared
   * gone: it was only stalled, and the presence of its clients that was taken away is missing here.
   */
  seen(instance: string, heartbeat: boolean): boolean {
    const h = this.heard.get(instance);
    if (h) {
      h.lastSeen = this.now();
      h.beats ||= heartbeat;
      return false;
    }
    this.heard.set(instance, { lastSeen: this.now(), beats: heartbeat });
    return this.departed.delete(instance);
  }

  /** Presence from `instance`'s clients in a draft, as applied to its room. */
  received(instance: string, draftId: string, update: Uint8Array): void {
    let clients = this.owners.get(draftId);
    for (const { clientId, clock, removed } of awarenessEntries(update)) {
      const known = clients?.get(clientId);
      if (known && known.clock > clock) continue;
      if (removed) clients?.delete(clientId);
      else {
        if (!clients) this.owners.set(draftId, (clients = new Map()));
        clients.set(clientId, { instance, clock });
      }
    }
  }

  /** Presence of this instance's own clients: whatever another instance said of them is stale. */
  published(draftId: string, update: Uint8Array): void {
    const clients = this.owners.get(draftId);
    if (!clients) return;
    for (const { clientId, clock } of awarenessEntries(update)) {
      const known = clients.get(clientId);
      if (known && known.clock <= clock) clients.delete(clientId);
    }
  }

  /** A draft was unloaded here. */
  forgetDraft(draftId: string): void {
    this.owners.delete(draftId);
  }

  /** Instances that beat before and have been silent for longer than `goneAfterMs`. */
  silent(): string[] {
    const t = this.now();
    return [...this.heard].filter(([, h]) => h.beats && t - h.lastSeen > this.goneAfterMs).map(([instance]) => instance);
  }

  /** This instance could not listen for `ms` (its event loop was blocked): that is nobody's silence. */
  excuse(ms: number): void {
    const t = this.now();
    for (const h of this.heard.values()) h.lastSeen = Math.min(t, h.lastSeen + ms);
  }

  /** Count everyone as just heard (after this instance itself could not hear anyone). */
  pardonAll(): void {
    const t = this.now();
    for (const h of this.heard.values()) h.lastSeen = t;
  }

  /**
   * `instance` is gone: forget it, and return per draft the update that removes its clients.
   * `forGood`: it said bye, and will not speak again (a restart is a new instance).
   */
  gone(instance: string, forGood = false): Map<string, Uint8Array> {
    this.heard.delete(instance);
    if (!forGood) {
      // Bounded: only the most recent departures are worth recognising.
      if (this.departed.size >= 64) this.departed.delete(this.departed.values().next().value!);
      this.departed.add(instance);
    }
    const removals = new Map<string, Uint8Array>();
    for (const [draftId, clients] of this.owners) {
      const theirs = [...clients].filter(([, o]) => o.instance === instance).map(([clientId, o]) => ({ clientId, clock: o.clock }));
      if (theirs.length === 0) continue;
      for (const c of theirs) clients.delete(c.clientId);
      removals.set(draftId, awarenessRemoval(theirs));
    }
    return removals;
  }
}
