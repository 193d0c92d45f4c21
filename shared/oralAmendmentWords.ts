/**
 * What an oral amendment said, in each of the six languages: the English sentence of the record
 * is shared/oralAmendments.ts describeOralAmendment; here the same sentence as the United Nations'
 * French, Spanish, Russian, Arabic and Chinese texts word amendments ("remplacer « … » par « … »",
 * "sustituir «…» por «…»", "заменить слова «…» словами «…»", "يستعاض عن عبارة «…» بعبارة «…»",
 * "将“……”改为“……”"), so the drafting room shows it in the interface's language. The quoted words
 * stay in the draft's language; a paragraph is named as the text prints it ("OP 3").
 */
import { describeOralAmendment, type OralAmendment } from './oralAmendments';
import { LANGUAGES, type Lang, type LocalizedText } from './languages';
import type { ParagraphType } from './schema';

type Position = 'before' | 'after';

interface AmendmentWords {
  q: (words: string) => string;
  /** "(the second time they occur)", with its leading space. */
  nth: (n: number) => string;
  /** A paragraph named by its id when the text prints no number for it. */
  paragraph: (id: string) => string;
  /** "OP 3: …". */
  at: (where: string, what: string) => string;
  replace: (words: string, text: string) => string;
  delete: (words: string) => string;
  insertAtEdge: (text: string, edge: 'start' | 'end') => string;
  insertBeside: (text: string, position: Position, words: string) => string;
  replaceParagraph: (text: string) => string;
  deleteParagraph: string;
  moveParagraph: (position: Position, target: string) => string;
  /** "insert a new operative paragraph after OP 3: "…"" (no leading paragraph reference). */
  insertParagraph: (type: ParagraphType, position: Position, where: string, text: string) => string;
  notInRecord: string;
}

const guillemets = (w: string) => `«${w}»`;

const WORDS: Record<Exclude<Lang, 'en'>, AmendmentWords> = {
  fr: {
    q: (w) => `« ${w} »`,
    nth: (n) => ` (${n === 1 ? '1re' : `${n}e`} occurrence)`,
    paragraph: (id) => `paragraphe ${id}`,
    at: (where, what) => `${where} : ${what}`,
    replace: (w, t) => `remplacer ${w} par ${t}`,
    delete: (w) => `supprimer ${w}`,
    insertAtEdge: (t, edge) => `insérer ${t} ${edge === 'start' ? 'au début' : 'à la fin'}`,
    insertBeside: (t, p, w) => `insérer ${t} ${p === 'before' ? 'avant' : 'après'} ${w}`,
    replaceParagraph: (t) => `remplacer le paragraphe par ${t}`,
    deleteParagraph: 'supprimer le paragraphe',
    moveParagraph: (p, target) => `déplacer le paragraphe ${p === 'before' ? 'avant' : 'après'} ${target}`,
    insertParagraph: (type, p, where, t) =>
      `insérer ${{ preambular: 'un nouvel alinéa du préambule', operative: 'un nouveau paragraphe du dispositif', subparagraph: 'un nouvel alinéa', plain: 'un nouveau paragraphe' }[type]} ${p === 'before' ? 'avant' : 'après'} ${where} : ${t}`,
    notInRecord: 'amendement oral présenté ; son libellé ne figure pas au dossier',
  },
  es: {
    q: guillemets,
    nth: (n) => ` (${n}.ª aparición)`,
    paragraph: (id) => `párrafo ${id}`,
    at: (where, what) => `${where}: ${what}`,
    replace: (w, t) => `sustituir ${w} por ${t}`,
    delete: (w) => `suprimir ${w}`,
    insertAtEdge: (t, edge) => `insertar ${t} ${edge === 'start' ? 'al principio' : 'al final'}`,
    insertBeside: (t, p, w) => `insertar ${t} ${p === 'before' ? 'antes de' : 'después de'} ${w}`,
    replaceParagraph: (t) => `sustituir el párrafo por ${t}`,
    deleteParagraph: 'suprimir el párrafo',
    moveParagraph: (p, target) => `trasladar el párrafo ${p === 'before' ? 'antes de' : 'después de'} ${target}`,
    insertParagraph: (type, p, where, t) =>
      `insertar un ${{ preambular: 'nuevo párrafo del preámbulo', operative: 'nuevo párrafo de la parte dispositiva', subparagraph: 'nuevo apartado', plain: 'nuevo párrafo' }[type]} ${p === 'before' ? 'antes de' : 'después de'} ${where}: ${t}`,
    notInRecord: 'se presentó una enmienda oral; su texto no consta en el expediente',
  },
  ru: {
    q: guillemets,
    nth: (n) => ` (${n}-е вхождение)`,
    paragraph: (id) => `пункт ${id}`,
    at: (where, what) => `${where}: ${what}`,
    replace: (w, t) => `заменить слова ${w} словами ${t}`,
    delete: (w) => `исключить слова ${w}`,
    insertAtEdge: (t, edge) => `вставить ${edge === 'start' ? 'в начале' : 'в конце'} слова ${t}`,
    insertBeside: (t, p, w) => `вставить ${p === 'before' ? 'перед словами' : 'после слов'} ${w} слова ${t}`,
    replaceParagraph: (t) => `заменить пункт следующим текстом: ${t}`,
    deleteParagraph: 'исключить пункт',
    moveParagraph: (p, target) => `перенести пункт ${p === 'before' ? 'и поставить перед' : 'и поставить после'} ${target}`,
    insertParagraph: (type, p, where, t) =>
      `вставить ${p === 'before' ? 'перед' : 'после'} ${where} ${{ preambular: 'новый пункт преамбулы', operative: 'новый пункт постановляющей части', subparagraph: 'новый подпункт', plain: 'новый пункт' }[type]}: ${t}`,
    notInRecord: 'внесена устная поправка; ее текст в материалах отсутствует',
  },
  ar: {
    q: guillemets,
    nth: (n) => ` (في الموضع ${n})`,
    paragraph: (id) => `الفقرة ${id}`,
    at: (where, what) => `${where}: ${what}`,
    replace: (w, t) => `يستعاض عن عبارة ${w} بعبارة ${t}`,
    delete: (w) => `تحذف عبارة ${w}`,
    insertAtEdge: (t, edge) => `تدرج عبارة ${t} ${edge === 'start' ? 'في البداية' : 'في النهاية'}`,
    insertBeside: (t, p, w) => `تدرج عبارة ${t} ${p === 'before' ? 'قبل' : 'بعد'} عبارة ${w}`,
    replaceParagraph: (t) => `يستعاض عن الفقرة بما يلي: ${t}`,
    deleteParagraph: 'تحذف الفقرة',
    moveParagraph: (p, target) => `تنقل الفقرة إلى ما ${p === 'before' ? 'قبل' : 'بعد'} ${target}`,
    insertParagraph: (type, p, where, t) =>
      `تدرج ${{ preambular: 'فقرة جديدة في الديباجة', operative: 'فقرة جديدة في المنطوق', subparagraph: 'فقرة فرعية جديدة', plain: 'فقرة جديدة' }[type]} ${p === 'before' ? 'قبل' : 'بعد'} ${where}: ${t}`,
    notInRecord: 'قُدم تعديل شفوي؛ ونصه غير وارد في السجل',
  },
  zh: {
    q: (w) => `“${w}”`,
    nth: (n) => `（第${n}处）`,
    paragraph: (id) => `段落${id}`,
    at: (where, what) => `${where}：${what}`,
    replace: (w, t) => `将${w}改为${t}`,
    delete: (w) => `删除${w}`,
    insertAtEdge: (t, edge) => `在${edge === 'start' ? '开头' : '末尾'}插入${t}`,
    insertBeside: (t, p, w) => `在${w}${p === 'before' ? '之前' : '之后'}插入${t}`,
    replaceParagraph: (t) => `将该段改为${t}`,
    deleteParagraph: '删除该段',
    moveParagraph: (p, target) => `将该段移至${target}${p === 'before' ? '之前' : '之后'}`,
    insertParagraph: (type, p, where, t) =>
      `在${where}${p === 'before' ? '之前' : '之后'}插入${{ preambular: '一个新的序言部分段落', operative: '一个新的执行部分段落', subparagraph: '一个新的分段', plain: '一个新的段落' }[type]}：${t}`,
    notInRecord: '提出了口头修正；记录中没有其措辞',
  },
};

/** `describeOralAmendment` in `lang`: the same sentence of the record, worded as that language words amendments. */
export function describeOralAmendmentIn(a: OralAmendment, ref: string | null, targetRef: string | null, lang: Lang): string {
  if (lang === 'en') return describeOralAmendment(a, ref, targetRef);
  const w = WORDS[lang];
  if (a.kind === 'words_not_in_record') return a.note ? `${w.notInRecord} (${a.note})` : w.notInRecord;
  const where = ref ?? w.paragraph(a.paragraphId);
  const nth = (n: number | undefined) => (n === undefined ? '' : w.nth(n));
  switch (a.kind) {
    case 'replace_words':
      return w.at(where, w.replace(`${w.q(a.words)}${nth(a.occurrence)}`, w.q(a.text)));
    case 'delete_words':
      return w.at(where, w.delete(`${w.q(a.words)}${nth(a.occurrence)}`));
    case 'insert_words':
      if (!('words' in a)) return w.at(where, w.insertAtEdge(w.q(a.text), a.position));
      return w.at(where, w.insertBeside(w.q(a.text), a.position, `${w.q(a.words)}${nth(a.occurrence)}`));
    case 'replace_paragraph':
      return w.at(where, w.replaceParagraph(w.q(a.text)));
    case 'delete_paragraph':
      return w.at(where, w.deleteParagraph);
    case 'move_paragraph':
      return w.at(where, w.moveParagraph(a.position, targetRef ?? w.paragraph(a.targetId)));
    case 'insert_paragraph':
      return w.insertParagraph(a.paragraphType, a.position, where, w.q(a.text));
  }
}

/** The sentence in the six languages, for the client to show the interface's (`described` stays the English). */
export function describeOralAmendmentInAll(a: OralAmendment, ref: string | null, targetRef: string | null = null): LocalizedText {
  const out: LocalizedText = {};
  for (const lang of LANGUAGES) out[lang] = describeOralAmendmentIn(a, ref, targetRef, lang);
  return out;
}
