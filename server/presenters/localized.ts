/** How a text given in some of the six languages looks in JSON. */
import { LANGUAGES, type LocalizedText } from '../../shared/languages';

/**
 * A localized text as the API sends it: the languages it is given in, in the UN's order, each
 * key listed, nothing else a stored row may carry. A language not given is absent, never "".
 */
export function presentLocalized(text: LocalizedText): LocalizedText {
  const shown: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const value = text[lang];
    if (typeof value === 'string' && value.trim() !== '') shown[lang] = value;
  }
  return shown;
}
