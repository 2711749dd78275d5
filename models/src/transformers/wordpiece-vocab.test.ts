import { describe, expect, it } from 'vitest';
import { BertTokenizer } from '@huggingface/transformers';
import {
  bertTokenizerConfig,
  bertTokenizerJson,
  buildWordVocabulary,
  SPECIAL_TOKENS,
  wordsOf,
} from './wordpiece-vocab.ts';

/** Strings that exercise each normalisation step transformers.js applies. */
const TRICKY = [
  'Hello, WORLD!! 2500р — ok?',
  'Đầu Tư USDT ngay, lãi 5%/ngày',
  'Закладки МЕФЕДРОН, йод и ёлка',
  'tabs\tand\nnewlines\r\nand\u00a0nbsp',
  'zero\u200bwidth and control\u0007char',
  '汉字混合text and 𠀀 astral',
  'emoji 🔥🔥 price $100 & more <b>tags</b> [UNK] [CLS]',
  'naïve café façade',
];

function tokenizerFor(texts: readonly string[]): { tokenizer: BertTokenizer; vocabulary: string[] } {
  const vocabulary = buildWordVocabulary(texts, 10_000);
  return { tokenizer: new BertTokenizer(bertTokenizerJson(vocabulary), bertTokenizerConfig(64)), vocabulary };
}

describe('WordPiece vocabulary and tokenizer files', () => {
  it('splits words exactly as transformers.js BertTokenizer does, so no training word is unknown', () => {
    const { tokenizer } = tokenizerFor(TRICKY);
    for (const text of TRICKY) {
      // The library treats literal special tokens in text as those tokens; our word list does not.
      const expected = wordsOf(text.replace(/\[(UNK|CLS)\]/g, ' '));
      const actual = tokenizer.tokenize(text.replace(/\[(UNK|CLS)\]/g, ' '));
      expect(actual, text).toEqual(expected);
      expect(actual, text).not.toContain('[UNK]');
    }
  });

  it('lower-cases, strips accents and splits punctuation', () => {
    expect(wordsOf('Hello, WORLD!! Đầu Tư café')).toEqual([
      'hello',
      ',',
      'world',
      '!',
      '!',
      'đau',
      'tu',
      'cafe',
    ]);
  });

  it('puts specials first with [PAD] = 0, ranks words by count then code-unit order, and caps the size', () => {
    const vocabulary = buildWordVocabulary(['b a b', 'c b a', 'Z'], 8);
    expect(vocabulary).toEqual([...SPECIAL_TOKENS, 'b', 'a', 'c']);
    expect(buildWordVocabulary(['c b a', 'b a b', 'Z'], 8)).toEqual(vocabulary);
    expect(() => buildWordVocabulary(['a'], 5)).toThrow(RangeError);
  });

  it('encodes with [CLS] ... [SEP], unknown words as [UNK], and pads with 0', () => {
    const { tokenizer, vocabulary } = tokenizerFor(['selling weed', 'hash']);
    const id = (token: string): number => vocabulary.indexOf(token);
    const encoded = tokenizer(['Selling WEED', 'hash tomorrow'], { padding: true, truncation: true });
    expect(encoded.input_ids.tolist()).toEqual([
      [id('[CLS]'), id('selling'), id('weed'), id('[SEP]')].map(BigInt),
      [id('[CLS]'), id('hash'), id('[UNK]'), id('[SEP]')].map(BigInt),
    ]);
    const short = tokenizer(['weed', 'selling weed weed'], { padding: true, truncation: true });
    expect(short.input_ids.tolist()[0]).toEqual([id('[CLS]'), id('weed'), id('[SEP]'), 0, 0].map(BigInt));
    expect(short.attention_mask.tolist()[0]).toEqual([1n, 1n, 1n, 0n, 0n]);
  });
});
