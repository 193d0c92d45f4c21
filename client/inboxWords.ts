/**
 * An inbox item's line in the interface's language: the server sends the facts
 * (shared/inbox.ts InboxFactsJSON: who, which paragraph, what was decided), the `inbox` catalog
 * words them. An item without facts (an older server) keeps the server's English title.
 */
import type { InboxFactsJSON, InboxItemJSON } from '../shared/inbox';
import { textPreferring, type Lang } from '../shared/languages';
import { PROPOSAL_STATE_LABELS } from '../shared/proposals';
import { t, uiLanguage } from './i18n';

// "On behalf of" as each language says it: a text that already says it is not said twice.
const ON_BEHALF = /on behalf of|au nom d|en nombre d|от имени|代表|باسم/i;

/** The title of an inbox item, in `lang` (the interface's language). */
export function inboxTitle(item: Pick<InboxItemJSON, 'kind' | 'title' | 'facts'>, lang: Lang = uiLanguage()): string {
  const f: InboxFactsJSON | undefined = item.facts;
  if (!f) return item.title;
  const say = (key: string, values: Record<string, unknown> = {}) => t(`inbox:item.${key}`, { ...values, lng: lang });
  const who = textPreferring(f.who, lang)?.text ?? say('someone');
  const paragraph = f.paragraph;
  switch (item.kind) {
    case 'proposal_tabled': {
      const title = paragraph ? say('proposalTabledOn', { who, paragraph }) : say('proposalTabled', { who });
      const behalf = textPreferring(f.onBehalfOf, lang)?.text;
      if (!behalf) return title;
      return ON_BEHALF.test(behalf) ? say('withBehalf', { title, behalf }) : say('onBehalf', { title, name: behalf });
    }
    case 'comment_added': {
      let title = say(f.reply ? 'replied' : 'commented', { who });
      if (paragraph) title = say('onParagraph', { title, paragraph });
      if (f.quote) title = say(paragraph ? 'quoteAfterParagraph' : 'onQuote', { title, quote: f.quote });
      return title;
    }
    case 'proposal_decided': {
      const labels = f.state ? PROPOSAL_STATE_LABELS[f.state as keyof typeof PROPOSAL_STATE_LABELS] : undefined;
      // "Superseded" says by what, as the server's line does.
      const state = f.state === 'superseded' ? say('superseded') : (labels?.[lang] ?? labels?.en ?? f.state ?? '');
      return paragraph ? say('decidedOn', { paragraph, state }) : say('decided', { state });
    }
    case 'proposal_stale':
      return say('stale');
    case 'cosponsor_requested':
      return say(f.request === 'withdraw' ? 'asksToWithdraw' : 'asksToJoin', { who });
    case 'cosponsor_request_decided':
      return say(`${f.request === 'withdraw' ? 'withdraw' : 'join'}${f.decision === 'confirmed' ? 'Confirmed' : 'Declined'}`);
    case 'revision_issued':
      return f.symbol ? say('issued', { symbol: f.symbol }) : say('newRevision');
    case 'paragraph_agreed':
      if (paragraph) return say(f.adReferendum ? 'agreedAdRef' : 'agreed', { paragraph });
      return say(f.adReferendum ? 'aParagraphAgreedAdRef' : 'aParagraphAgreed');
    case 'paragraph_reopened':
      return paragraph ? say('reopened', { paragraph }) : say('aParagraphReopened');
    case 'text_frozen':
      return say('frozen');
    default:
      return say('other');
  }
}

/** The item's second line: the words users typed as they are; the server's advice on a stale proposal in `lang`. */
export function inboxSummary(item: Pick<InboxItemJSON, 'kind' | 'summary' | 'facts'>, lang: Lang = uiLanguage()): string | null {
  if (item.kind === 'proposal_stale' && item.facts) return t('inbox:staleSummary', { lng: lang });
  return item.summary;
}
