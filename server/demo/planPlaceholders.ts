/**
 * What the demo stores where the report of the session gives nothing and storage needs
 * something (server/demo/plan.ts): the report gives no date of issue and no time of day, so
 * texts are issued and sponsors join on the session's first day and events happen at
 * placeholder times of the meeting day the report gives; a text the report does not print is
 * stored empty, a title and no paragraph. Each placeholder is said to be one by a provenance
 * note (planProvenance.ts).
 */
import { resolutionSchema, type TextJSON } from '../../shared/schema';
import type { SessionFacts } from './sessionFacts';

/** The days of the session the plan needs; the first is the placeholder for what the report does not date. */
export type SessionDays = Pick<SessionFacts['session'], 'opens' | 'closes'>;

/** The eleventh session's days, for callers that plan a draft without the session's facts. */
export const COP11_DAYS: SessionDays = { opens: '2022-10-17', closes: '2022-10-21' };

/** An ISO time on a day, from minutes after midnight UTC. */
export function timeOn(date: string, minute: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date}T${two(Math.floor(minute / 60))}:${two(minute % 60)}:00.000Z`;
}

/** The text stored where the record holds none: a title and no paragraph. */
export function emptyText(): TextJSON {
  return resolutionSchema.node('doc', null, [resolutionSchema.node('title')]).toJSON() as TextJSON;
}
