/**
 * The provenance notes of a demo draft: where each text comes from and what the record does not
 * give (server/demo/plan.ts says why). The text acted on is the Chinese version the report
 * prints (`printed_version`), saying whether it is the text as adopted after an oral amendment;
 * each earlier text of the lineage is stored empty and says so (`text_not_in_record`); the
 * draft's original language is not in the record (`original_language_not_in_record`); each
 * stored date of issue is said to be a placeholder. A note is an entry of the draft's record
 * (server/commands/meetingRecord.ts).
 */
import type { LocalizedText } from '../../shared/delegations';
import { type ProvenancePayload, RecordTypes } from '../commands/meetingRecord';
import { numberOfAction } from './planRecord';
import type { DraftFacts } from './sessionFacts';

/** The record type of a provenance note. */
export const PROVENANCE = RecordTypes.provenance;

/** A provenance note: `symbol` null is about the whole draft (server/commands/meetingRecord.ts). */
export type ProvenanceNote = ProvenancePayload;

const placeholderDate = (day: string): LocalizedText => ({
  en: `The date of issue is not in the record: the date stored (${day}, the session's first day) is a placeholder.`,
  zh: `记录中没有印发日期：所存日期（${day}，届会第一天）仅为占位。`,
});

const joined = (a: LocalizedText, b: LocalizedText): LocalizedText => ({ en: `${a.en} ${b.en}`, zh: `${a.zh}${b.zh}` });

/** What the report says of the text it prints, for the `printed_version` note. */
function printedNote(facts: DraftFacts, symbol: string): LocalizedText {
  const action = facts.action;
  if (action.type === 'deferred') {
    return action.annexedToReport
      ? { en: `Chinese version of ${symbol} as printed in the annex to the report of the session.`, zh: `${symbol}的中文本，依届会报告附件所载。` }
      : { en: `Chinese version of ${symbol} as printed in the report of the session.`, zh: `${symbol}的中文本，依届会报告所载。` };
  }
  const number = numberOfAction(action)!;
  const zhNumber = `第${number.number}号${number.kind === 'resolution' ? '决议' : '决定'}`;
  if (action.orallyAmended) {
    return {
      en: `Chinese version as printed in chapter I of the report of the session as ${number.kind} ${number.number}: the text as adopted, orally amended. The text of ${symbol} as issued, before the oral amendment, and the words of the amendment are not in the record.`,
      zh: `中文本，依届会报告第一章所载${zhNumber}：经口头修正后通过的案文。${symbol}印发时（口头修正之前）的案文及口头修正的措辞均不在记录中。`,
    };
  }
  return {
    en: `Chinese version as printed in chapter I of the report of the session as ${number.kind} ${number.number}; the report records no amendment to it.`,
    zh: `中文本，依届会报告第一章所载${zhNumber}；报告未记载对其作任何修正。`,
  };
}

function notInRecordNote(symbol: string, last: string, day: string): LocalizedText {
  return joined(
    {
      en: `The text of ${symbol} is not in the record: the report of the session prints only the text acted on (${last}). Its sponsors at issue are not in the record either.`,
      zh: `${symbol}的案文不在记录中：届会报告仅载有据以采取行动的案文（${last}）。其印发时的提案国也不在记录中。`,
    },
    placeholderDate(day),
  );
}

// The English titles are the demo's renderings of the report's Chinese ones (sessionFacts.ts ENGLISH_TITLES): said here, on the whole draft.
const ORIGINAL_LANGUAGE_NOTE: LocalizedText = {
  en: "The language this draft was first written in is not in the record; the text here is the Chinese version printed in the report. Its English title is the demo's rendering of the Chinese title, not the title of the report's English edition.",
  zh: '本草案最初以何种语文拟订不在记录中；此处案文为报告所载中文本。其英文标题为演示对中文标题的译文，并非报告英文本所载标题。',
};

/** The note of an issued text: the printed version for the text acted on, else a text not in the record; each with its placeholder date. */
export function revisionNote(facts: DraftFacts, symbol: string, textInRecord: boolean, day: string): ProvenanceNote {
  return textInRecord
    ? { kind: 'printed_version', symbol, note: joined(printedNote(facts, symbol), placeholderDate(day)) }
    : { kind: 'text_not_in_record', symbol, note: notInRecordNote(symbol, facts.symbol, day) };
}

/** The note about the whole draft: the language it was first written in is not in the record. */
export const ORIGINAL_LANGUAGE: ProvenanceNote = { kind: 'original_language_not_in_record', symbol: null, note: ORIGINAL_LANGUAGE_NOTE };
