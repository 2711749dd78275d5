import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, extractFeatures } from './extract-features.ts';

describe('extractFeatures', () => {
  it('gives a sorted, de-duplicated, L2-normalised sparse vector', () => {
    const f = extractFeatures('Закладки мефедрон 1г - 2500₽, бот @shop_bot', DEFAULT_FEATURE_CONFIG);
    expect([...f.ids]).toEqual([...new Set(f.ids)].sort((a, b) => a - b));
    expect(f.ids.every((id) => id > 0 && id < DEFAULT_FEATURE_CONFIG.buckets)).toBe(true);
    const norm = Math.sqrt(f.values.reduce((s, v) => s + v * v, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('is the same for an obfuscated text and its plain form', () => {
    const plain = extractFeatures('cocaine for sale', DEFAULT_FEATURE_CONFIG);
    const obfuscated = extractFeatures('c0c\u200bаine for sale', DEFAULT_FEATURE_CONFIG);
    expect([...obfuscated.ids]).toEqual([...plain.ids]);
  });

  it('records where indicator and cue features came from when asked', () => {
    const text = 'Закладки, бот @shop_bot';
    const f = extractFeatures(text, DEFAULT_FEATURE_CONFIG, true);
    const named = f
      .origins!.filter((o) => o.kind === 'indicator' || o.kind === 'cue')
      .map((o) => [o.name, text.slice(o.start, o.end)]);
    expect(named).toEqual(
      expect.arrayContaining([
        ['i:bot', '@shop_bot'],
        ['l:drugs', 'Закладки'],
        ['lc:drugs:закладки', 'Закладки'],
      ]),
    );
  });

  it('handles empty and very long texts', () => {
    expect(extractFeatures('', DEFAULT_FEATURE_CONFIG).ids.length).toBe(1); // the length feature
    const long = extractFeatures('word '.repeat(200_000), DEFAULT_FEATURE_CONFIG);
    expect(long.ids.length).toBeGreaterThan(0);
  });
});
