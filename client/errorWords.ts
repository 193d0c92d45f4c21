/**
 * A refusal of the API in the interface's language. The server answers with a stable id
 * (shared/errors.ts) and an English sentence; the client words each known id from the `errors`
 * catalog (client/locales/<lang>/errors.json). Where the server's sentence carries what the
 * catalog cannot know (which paragraph, which field, the policy's reason, the deadline), the
 * localized sentence is followed by the server's words; in English, and for an id the catalog
 * does not know, the server's sentence is shown as it is.
 */
import { ErrorIds, type ErrorId } from '../shared/errors';
import type { Lang } from '../shared/languages';
import { policyReasonIn } from '../shared/policyWords';
import { t, uiLanguage } from './i18n';

const KNOWN: ReadonlySet<string> = new Set(Object.values(ErrorIds));

/** The ids whose sentence says it all: the server's words would add nothing the reader needs. */
const SAID_IN_FULL: ReadonlySet<ErrorId> = new Set<ErrorId>([
  ErrorIds.unauthenticated,
  ErrorIds.badCredentials,
  ErrorIds.crossSite,
  ErrorIds.tooManyAttempts,
  ErrorIds.rateLimited,
  ErrorIds.badResetCode,
  ErrorIds.unavailable,
  ErrorIds.internal,
  ErrorIds.noFinalText,
  ErrorIds.referenceLanguage,
]);

/** Whether `id` is one of the stable ids the catalog words. */
export function isKnownErrorId(id: string): id is ErrorId {
  return KNOWN.has(id);
}

/** What a refusal carries besides its id and sentence. */
export interface RefusalExtras {
  details?: unknown;
  /** The `Retry-After` header, in seconds, when the server sent one. */
  retryAfterSeconds?: number | null;
}

/**
 * The message to show for a refusal: the catalog's sentence in `lang` (the interface's language),
 * followed by the server's detail where it carries one; the server's sentence in English or when
 * the id is unknown.
 */
export function refusalMessage(id: string, serverMessage: string, extras: RefusalExtras = {}, lang: Lang = uiLanguage()): string {
  if (lang === 'en' || !isKnownErrorId(id)) return serverMessage;
  const details = (extras.details ?? {}) as { field?: unknown; limit?: unknown };
  if (id === ErrorIds.tooManyAttempts && typeof extras.retryAfterSeconds === 'number' && extras.retryAfterSeconds > 0)
    return t('errors:too_many_attempts_wait', { seconds: Math.ceil(extras.retryAfterSeconds), lng: lang });
  if (id === ErrorIds.textTooLong && typeof details.limit === 'number') {
    const sentence = t(`errors:${id}`, { limit: details.limit, lng: lang });
    return typeof details.field === 'string' ? t('errors:withDetail', { sentence, detail: details.field, lng: lang }) : sentence;
  }
  const sentence = t(`errors:${id}`, { lng: lang });
  if (SAID_IN_FULL.has(id) || serverMessage.trim() === '') return sentence;
  // A refusal of the policy gives its reason in English: said in `lang` when shared/policyWords.ts words it.
  return t('errors:withDetail', { sentence, detail: policyReasonIn(serverMessage, lang), lng: lang });
}
