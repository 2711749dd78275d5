/**
 * A whole-word WordPiece vocabulary and the BERT-style tokenizer.json/tokenizer_config.json that
 * @huggingface/transformers loads for it. Words are split exactly as transformers.js splits them
 * (BertNormalizer with lowercase + strip_accents, then BertPreTokenizer), so the vocabulary holds
 * the units the runtime will look up. With no "##" pieces in the vocabulary, WordPiece maps any
 * unseen word to [UNK] as a whole, i.e. it behaves as a word-level tokenizer.
 */

/** Special tokens, with the ids they get: [PAD] must be 0 (padding id = masked id in our graph). */
export const SPECIAL_TOKENS = Object.freeze(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const);
export const PAD_ID = 0;

/**
 * The character classes of @huggingface/tokenizers' BertPreTokenizer (PUNCTUATION_REGEX): Unicode
 * punctuation plus every ASCII symbol, each of which becomes its own token.
 */
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const WORD_PATTERN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');

/** BertNormalizer(clean_text, handle_chinese_chars, lowercase, strip_accents) as transformers.js runs it. */
export function normalizeLikeBert(text: string): string {
  let cleaned = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code === 0 || code === 0xfffd || isControl(char)) continue;
    cleaned += /^\s$/.test(char) ? ' ' : char;
  }
  let spaced = '';
  // Code units, not code points: the library tests charCodeAt per UTF-16 unit, so astral CJK is not spaced.
  for (let i = 0; i < cleaned.length; i++) {
    const char = cleaned[i]!;
    spaced += isCjk(char.charCodeAt(0)) ? ` ${char} ` : char;
  }
  return spaced
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
}

/** The words BertPreTokenizer makes of normalized text. */
export function preTokenizeLikeBert(normalized: string): string[] {
  return normalized.trim().match(WORD_PATTERN) ?? [];
}

/** Words of a raw text, as the tokenizer will see them. */
export function wordsOf(text: string): string[] {
  return preTokenizeLikeBert(normalizeLikeBert(text));
}

/**
 * The vocabulary: special tokens first, then the most frequent words (ties in code-unit order, so
 * the result never depends on input order or locale), up to `maxSize` entries in all.
 */
export function buildWordVocabulary(texts: readonly string[], maxSize: number): string[] {
  if (!Number.isInteger(maxSize) || maxSize <= SPECIAL_TOKENS.length) {
    throw new RangeError(`vocabSize must be an integer above ${SPECIAL_TOKENS.length}, got ${maxSize}`);
  }
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const special of SPECIAL_TOKENS) counts.delete(special);
  const ranked = [...counts].sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0));
  return [...SPECIAL_TOKENS, ...ranked.slice(0, maxSize - SPECIAL_TOKENS.length).map(([word]) => word)];
}

/** tokenizer.json in the layout Hugging Face `tokenizers` saves for BERT. */
export function bertTokenizerJson(vocabulary: readonly string[]): Record<string, unknown> {
  const id = (token: string): number => vocabulary.indexOf(token);
  const special = (token: string, typeId: number) => ({ SpecialToken: { id: token, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: true,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]', 0), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]', 0)],
      pair: [
        special('[CLS]', 0),
        { Sequence: { id: 'A', type_id: 0 } },
        special('[SEP]', 0),
        { Sequence: { id: 'B', type_id: 1 } },
        special('[SEP]', 1),
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [token, { id: token, ids: [id(token)], tokens: [token] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((token, index) => [token, index])),
    },
  };
}

/** tokenizer_config.json: the class name picks transformers.js' BertTokenizer; the rest names specials. */
export function bertTokenizerConfig(maxLength: number): Record<string, unknown> {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: true,
    tokenize_chinese_chars: true,
    model_max_length: maxLength,
    padding_side: 'right',
    clean_up_tokenization_spaces: true,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}

/** Mirrors BertNormalizer.is_control: tab/newline/CR are whitespace, other Cc/Cf/Co/Cs are dropped. */
function isControl(char: string): boolean {
  if (char === '\t' || char === '\n' || char === '\r') return false;
  return /^\p{Cc}|\p{Cf}|\p{Co}|\p{Cs}$/u.test(char);
}

/** The CJK ideograph blocks BertNormalizer pads with spaces (tokenizers' is_chinese_char). */
function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x2a6df) ||
    (code >= 0x2a700 && code <= 0x2b73f) ||
    (code >= 0x2b740 && code <= 0x2b81f) ||
    (code >= 0x2b820 && code <= 0x2ceaf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  );
}
