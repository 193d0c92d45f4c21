/**
 * The house style of resolution texts that both ends apply: the opening words of a preambular
 * paragraph are set in italics ("*Noting with concern* the …"). The editor shows it by
 * decoration and the Word export by a character style; it is never stored in the text.
 */

// Words that continue an opening phrase after its first word: "Noting with concern",
// "Bearing in mind", "Taking note with appreciation", "Recalling also", "Deeply concerned".
const CONTINUATIONS = new Set([
  'also',
  'further',
  'furthermore',
  'moreover',
  'with',
  'in',
  'note',
  'mind',
  'deep',
  'deeply',
  'grave',
  'great',
  'serious',
  'particular',
  'concern',
  'appreciation',
  'satisfaction',
  'interest',
  'alarm',
  'regret',
  'gratitude',
  'concerned',
  'aware',
  'convinced',
  'determined',
  'account',
  'into',
  'taking',
  'noting',
  'recalling',
]);
const WORD = /^[A-Za-z\u00C0-\u024F'’-]+/;

/**
 * How many characters of a preambular paragraph's text are its opening words: adverbs, then the
 * participle or adjective, then the words that complete the phrase. Zero when the text does not
 * start with a Latin letter: Chinese and Arabic texts have no italic opening.
 */
export function openingWordsLength(text: string): number {
  const words: { word: string; end: number }[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) {
    const w = WORD.exec(m[0]); // a Latin word; digits and other scripts end the phrase
    if (!w) break;
    words.push({ word: w[0].toLowerCase(), end: m.index + w[0].length });
    if (w[0].length !== m[0].length) break; // "concern," : punctuation ends it
  }
  if (words.length === 0) return 0;
  let k = 0;
  while (k + 1 < words.length && words[k]!.word.endsWith('ly')) k++; // "Deeply concerned", "Strongly condemning"
  k++;
  while (k < words.length && CONTINUATIONS.has(words[k]!.word)) k++;
  return words[k - 1]!.end;
}
