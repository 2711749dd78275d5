/**
 * A small language guess for the queue's language filter: the writing system decides most languages
 * (Thai, Chinese, Japanese, Korean, Arabic, Persian, Hebrew, Greek, Hindi, Russian, Ukrainian), and
 * Latin-script text is told apart by Vietnamese letters and then by common function words. Returns
 * an ISO 639-1 code, or `und` (undetermined) when the text gives too little to go on. It is a filter
 * aid, not a classifier feature: a wrong guess only moves a message between filtered views.
 */

const SCRIPTS: Array<[RegExp, string]> = [
  [/[\u0E00-\u0E7F]/g, 'th'],
  [/[\u3040-\u30FF]/g, 'ja'],
  [/[\uAC00-\uD7AF\u1100-\u11FF]/g, 'ko'],
  [/[\u4E00-\u9FFF\u3400-\u4DBF]/g, 'zh'],
  [/[\u0590-\u05FF]/g, 'he'],
  [/[\u0600-\u06FF\u0750-\u077F]/g, 'ar'],
  [/[\u0370-\u03FF]/g, 'el'],
  [/[\u0900-\u097F]/g, 'hi'],
  [/[\u0400-\u04FF]/g, 'ru'],
];

// Letters only Vietnamese uses among the languages we see (tone marks on top of vowel marks, đ).
const VIETNAMESE = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơư]/iu;

const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'to',
    'of',
    'for',
    'you',
    'is',
    'in',
    'with',
    'your',
    'now',
    'on',
    'this',
    'we',
    'it',
    'are',
    'our',
    'get',
    'just',
    'all',
    'my',
    'me',
    'at',
    'be',
    'so',
    'up',
    'out',
    'if',
    'or',
    'can',
    'will',
    'have',
    'from',
    'they',
    'was',
    'what',
    'who',
    'how',
    'today',
    'here',
    'only',
    'free',
    'new',
  ],
  es: [
    'el',
    'la',
    'de',
    'que',
    'y',
    'en',
    'los',
    'por',
    'para',
    'con',
    'una',
    'del',
    'las',
    'es',
    'tu',
    'ya',
    'más',
    'al',
    'hoy',
    'envío',
    'lo',
    'se',
    'te',
    'mi',
    'sin',
    'pero',
    'como',
    'todo',
    'aquí',
    'solo',
  ],
  id: [
    'dan',
    'yang',
    'di',
    'ini',
    'untuk',
    'dengan',
    'ke',
    'kami',
    'ada',
    'tidak',
    'bisa',
    'aja',
    'gan',
    'sudah',
    'dari',
    'kak',
    'langsung',
    'juga',
    'hari',
    'saja',
    'yg',
    'ga',
    'gak',
    'nggak',
    'udah',
    'mau',
    'sama',
    'buat',
    'lagi',
    'kalo',
    'kalau',
    'banget',
    'aku',
    'kamu',
    'bang',
    'harga',
    'murah',
    'itu',
    'apa',
    'atau',
    'jadi',
    'sampai',
    'cuma',
    'terima',
    'kasih',
    'bos',
    'sekarang',
    'hanya',
    'akan',
  ],
  pt: [
    'não',
    'você',
    'com',
    'uma',
    'para',
    'os',
    'do',
    'da',
    'em',
    'que',
    'é',
    'mais',
    'agora',
    'seu',
    'sua',
  ],
  fr: ['le', 'les', 'des', 'et', 'est', 'pour', 'vous', 'avec', 'une', 'dans', 'sur', 'pas', 'nous', 'votre'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'für', 'ein', 'eine', 'auf', 'jetzt', 'sie', 'wir'],
  it: ['il', 'di', 'che', 'per', 'non', 'una', 'con', 'sono', 'della', 'gli', 'anche', 'subito'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'çok', 'ne', 'var', 'hemen'],
};
const WORD_LANG = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words) WORD_LANG.set(word, [...(WORD_LANG.get(word) ?? []), lang]);
}

/** Guesses the language of `text` (ISO 639-1, or `und`). */
export function guessLanguage(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return 'und';
  let best: [string, number] = ['und', 0];
  for (const [pattern, lang] of SCRIPTS) {
    const count = (sample.match(pattern) ?? []).length;
    if (count > best[1]) best = [lang, count];
  }
  // Kana mixed with kanji is Japanese even when kanji outnumber kana.
  if (best[0] === 'zh' && /[\u3040-\u30FF]/.test(sample)) best = ['ja', best[1]];
  if (best[1] >= Math.max(2, letters * 0.3)) {
    if (best[0] === 'ru' && /[іїєґ]/iu.test(sample)) return 'uk';
    if (best[0] === 'ar' && /[پچژگ]/u.test(sample)) return 'fa';
    return best[0];
  }
  if (VIETNAMESE.test(sample)) return 'vi';
  const votes = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const lang of WORD_LANG.get(word) ?? []) votes.set(lang, (votes.get(lang) ?? 0) + 1);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 1 || (second && second[1] === top[1])) return 'und';
  return top[0];
}
