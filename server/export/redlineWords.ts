/**
 * The Word redline's own heading lines (server/export/redline.ts) in the six languages: what is
 * compared with what, how the changes are shown (by `author`, the name Word shows on each tracked
 * change) and the legend. The comparison's summary beside them is shared/compare/summary.ts's and
 * summaryWords.ts's, also in the six.
 */
import type { Lang } from '../../shared/languages';

export const REDLINE_WORDS: Record<Lang, { comparison: (l: string, r: string) => string; how: (r: string, author: string) => string; legend: string }> = {
  ar: {
    comparison: (l, r) => `مقارنة ${l} مع ${r}`,
    how: (r, author) => `تظهر التغييرات في شكل تعقب للتغييرات (${author})؛ اقبل جميع التغييرات للحصول على ${r}.`,
    legend: 'النص المدرج والمحذوف والمنقول معقَّب؛ والحواشي في أسفل الصفحة.',
  },
  zh: {
    comparison: (l, r) => `比较：${l} → ${r}`,
    how: (_r, author) => `修订以修订标记显示（${author}）。`,
    legend: '插入、删除和移动的文字均以修订标记显示；脚注见页脚。',
  },
  en: {
    comparison: (l, r) => `Comparison of ${l} with ${r}`,
    how: (r, author) => `Changes are shown as tracked changes (${author}); accept all to obtain ${r}.`,
    legend: 'Inserted, deleted and moved text is tracked; footnotes are at the foot of the page.',
  },
  fr: {
    comparison: (l, r) => `Comparaison de ${l} avec ${r}`,
    how: (r, author) => `Les modifications apparaissent en marques de révision (${author}) ; acceptez-les toutes pour obtenir ${r}.`,
    legend: 'Le texte inséré, supprimé ou déplacé est marqué en révision ; les notes figurent en bas de page.',
  },
  ru: {
    comparison: (l, r) => `Сравнение ${l} с ${r}`,
    how: (r, author) => `Изменения показаны в режиме исправлений (${author}); примите все исправления, чтобы получить ${r}.`,
    legend: 'Вставленный, удаленный и перемещенный текст отмечен исправлениями; сноски приводятся внизу страницы.',
  },
  es: {
    comparison: (l, r) => `Comparación de ${l} con ${r}`,
    how: (r, author) => `Los cambios se muestran con control de cambios (${author}); acéptelos todos para obtener ${r}.`,
    legend: 'El texto insertado, suprimido o desplazado aparece con control de cambios; las notas figuran a pie de página.',
  },
};
