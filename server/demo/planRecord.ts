/**
 * A demo draft's record from the action on, and the lifecycle check of its whole record: the
 * oral amendment made (its words not in the record), the action the report gives, the number
 * the adopted text took, the report's own wording of the action (sessionRecord.ts), and the
 * freeze on the hash of the final text, as the secretariat's freeze records it
 * (server/commands/freezer.ts). Events are checked as they would arrive over HTTP and the
 * record as a whole by shared/lifecycle, before anything is written; drafts are taken up in
 * L-number order at placeholder times (planPlaceholders.ts).
 */
import { textHash } from '../../shared/canonical';
import { deriveStatus, type DraftEvent, type DraftStatus, validateEvent } from '../../shared/lifecycle';
import { applyOralAmendments, type OralAmendment, validateOralAmendment } from '../../shared/oralAmendments';
import { resolutionSchema, type TextJSON } from '../../shared/schema';
import { RecordTypes } from '../commands/meetingRecord';
import { timeOn } from './planPlaceholders';
import { REPORT_DETAILS } from './sessionRecord';
import type { ActionFacts, DraftFacts } from './sessionFacts';

// Meetings of the day of action, in minutes after midnight UTC: placeholders (the report gives
// no time of day), morning for the 10th and afternoon for the 11th, in the order they sat.
const MEETING_STARTS: Readonly<Record<number, number>> = { 10: 8 * 60, 11: 13 * 60 };

/** One lifecycle event and when it happened. `byCode` stands for the delegation id in `introduced.by`. */
export interface PlannedEvent {
  event: DraftEvent;
  at: string;
  byCode?: string;
}

/** One record entry beside the lifecycle (a provenance note, an oral amendment, a number). */
export interface PlannedEntry {
  entry: { type: string; payload: Record<string, unknown> };
  at: string;
}

/** The draft's record in the order it is written: lifecycle events and record entries. */
export type PlannedRecord = PlannedEvent | PlannedEntry;

/** The number an adopted text takes: "resolution 11/5" is { kind: 'resolution', number: '11/5' }. */
export interface PlannedNumber {
  kind: 'resolution' | 'decision';
  number: string;
}

/** Whether an entry of a plan is a lifecycle event. */
export function isPlannedEvent(r: PlannedRecord): r is PlannedEvent {
  return 'event' in r;
}

/** The number an adopted text takes, from the fixture's "resolution 11/5". */
export function numberOfAction(action: ActionFacts): PlannedNumber | null {
  if (action.type !== 'adopted') return null;
  const [, kind, number] = /^(resolution|decision) (\S+)$/.exec(action.becomes) ?? [];
  if (kind === undefined || number === undefined) throw new Error(`demo fixture: "${action.becomes}" is not "resolution n/m" or "decision n/m"`);
  return { kind: kind as 'resolution' | 'decision', number };
}

function actionEvent(action: ActionFacts): DraftEvent {
  if (action.type === 'deferred') {
    const { type, meeting, date, decidedBy, noAction, annexedToReport } = action;
    return { type, meeting, date, decidedBy, toSession: null, noAction, annexedToReport };
  }
  return {
    type: 'adopted',
    meeting: action.meeting,
    date: action.date,
    vote: { kind: 'without_vote' },
    orallyAmended: action.orallyAmended ?? false,
    becomes: numberOfAction(action)!,
  };
}

const AMENDMENT_NOTE = 'The report records the draft as adopted "as orally amended"; the words of the amendment, and who proposed it, are not in the record.';

/** Validate every event as it would arrive over HTTP, and the record as a whole, by the lifecycle; throws where they break it. */
export function checkEvents(symbol: string, planned: readonly PlannedEvent[]): DraftStatus {
  const events = planned.map(({ event, byCode }) => {
    const json = event.type === 'introduced' && byCode ? { ...event, by: byCode } : event;
    const valid = validateEvent(JSON.parse(JSON.stringify(json)));
    if (!valid.ok) throw new Error(`demo event of ${symbol} is malformed: ${valid.error}`);
    return valid.value;
  });
  const status = deriveStatus(events);
  if (!status.ok) throw new Error(`demo record of ${symbol} breaks the lifecycle: ${status.error}`);
  return status.value;
}

/**
 * Plan the record of a draft from its action on, after its last issued text; throws when the
 * fixtures and the domain disagree. `finalHash` is the hash of the final text (the issued text
 * as orally amended), the one frozen.
 */
export function planAction(
  facts: DraftFacts,
  lastIssued: { symbol: string; revision: number; text: TextJSON },
  lNumber: number,
): { record: PlannedRecord[]; number: PlannedNumber | null; finalHash: string } {
  const { date: actionDate, meeting } = facts.action;
  const record: PlannedRecord[] = [];
  // Drafts are taken up in L-number order, a few minutes each (placeholder times).
  const start = MEETING_STARTS[meeting] ?? 8 * 60;
  const slot = (k: number) => timeOn(actionDate, start + 4 * lNumber + k);
  const amendments: OralAmendment[] = [];
  if (facts.action.type === 'adopted' && facts.action.orallyAmended) {
    const valid = validateOralAmendment({ kind: 'words_not_in_record', paragraphId: '', proposedBy: null, accepted: true, note: AMENDMENT_NOTE });
    if (!valid.ok) throw new Error(`demo oral amendment of ${facts.symbol} is malformed: ${valid.error}`);
    amendments.push(valid.value);
    record.push({
      entry: { type: RecordTypes.oralAmendment, payload: { symbol: lastIssued.symbol, revision: lastIssued.revision, amendment: valid.value, meeting } },
      at: slot(0),
    });
  }
  record.push({ event: actionEvent(facts.action), at: slot(1) });
  const number = numberOfAction(facts.action);
  if (number) record.push({ entry: { type: RecordTypes.number, payload: { ...number } }, at: slot(2) });
  const details = REPORT_DETAILS[facts.symbol];
  if (details) record.push({ entry: { type: RecordTypes.reportDetails, payload: { ...details } }, at: slot(2) });
  // The final text: the issued text as orally amended (the demo's amendments have no words, so
  // it is the printed text), hashed as the freeze hashes it.
  const final = applyOralAmendments(resolutionSchema.nodeFromJSON(lastIssued.text), amendments);
  if (!final.ok) throw new Error(`demo final text of ${facts.symbol}: ${final.error}`);
  const finalHash = textHash(final.value);
  record.push({ event: { type: 'frozen', hash: finalHash }, at: slot(3) });
  return { record, number, finalHash };
}
