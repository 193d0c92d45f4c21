/**
 * The header's language chooser: the six languages, each named in its own language ("العربية",
 * "中文", "English", "Français" …) and marked with its `lang`, so that someone who cannot read the
 * interface's language now still finds theirs, and a screen reader says each name in its language.
 */
import { LANGUAGE_NAMES, type Lang } from '../shared/languages';
import { el } from './dom';
import { onLanguageChange, setUiLanguage, t, UI_LANGUAGES, uiLanguage } from './i18n';

// A language's name as its speakers write it at the head of a list: "Français", not "français".
const ownName = (lang: Lang) => {
  const name = LANGUAGE_NAMES[lang][lang];
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
};

/** The chooser (a labelled `<select id="ui-language">`); choosing a language changes the interface at once. */
export function languageChooser(): HTMLElement {
  const select = el(
    'select',
    { id: 'ui-language', name: 'ui-language' },
    ...UI_LANGUAGES.map((lang) => el('option', { value: lang, lang, selected: lang === uiLanguage() }, ownName(lang))),
  );
  const caption = el('span', {}, t('common:language'));
  select.addEventListener('change', () => setUiLanguage(select.value as Lang));
  onLanguageChange((lang) => {
    select.value = lang;
    caption.textContent = t('common:language');
  });
  return el('label', { className: 'ui-language', htmlFor: 'ui-language' }, caption, select);
}
