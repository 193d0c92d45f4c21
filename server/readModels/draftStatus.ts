/**
 * A draft's status, derived from its stored record by shared/lifecycle. The record may hold
 * other governed entries (paragraph states); only lifecycle events count towards the status.
 */
import { deriveStatus, EVENT_TYPES, type DraftEvent, type DraftEventType, type DraftStatus } from '../../shared/lifecycle';
import type { DraftEventRow } from '../storage/types';

/** Whether a stored event type is one of the lifecycle's. */
export function isLifecycleEvent(type: string): type is DraftEventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

/** The lifecycle events of a stored record, in order, as shared/lifecycle reads them. */
export function lifecycleEvents(rows: readonly DraftEventRow[]): DraftEvent[] {
  return [...rows]
    .sort((a, b) => a.seq - b.seq)
    .filter((r) => isLifecycleEvent(r.type))
    .map((r) => ({ ...r.payload, type: r.type }) as DraftEvent);
}

/**
 * The status a stored record leads to. Every stored event was checked before it was appended,
 * so a refusal here means the record is corrupt: a fault, thrown.
 */
export function statusOfRecord(rows: readonly DraftEventRow[]): DraftStatus {
  const status = deriveStatus(lifecycleEvents(rows));
  if (!status.ok) throw new Error(`corrupt draft record: ${status.error}`);
  return status.value;
}
