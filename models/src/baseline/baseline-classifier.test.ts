import { describe, expect, it } from 'vitest';
import { assertValid } from '@tg-risk/schemas';
import { classifyOne } from './baseline-classifier.ts';
import { foldPreservingOffsets } from './fold-text.ts';

describe('baseline classifier', () => {
  it('flags sale offers and points evidence at the exact characters', () => {
    const text = 'Закладки мефедрон 1г - 2500р, пиши боту';
    const p = classifyOne(text);
    expect(p.labels).toEqual(['drugs']);
    for (const e of p.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(assertValid('label.v1', { schema: 'label.v1', ...p }).model).toBe('baseline-lexicon@0.1.0');
  });

  it('matches Vietnamese with and without diacritics alike', () => {
    expect(classifyOne('Lãi 5%/ngày, đầu tư USDT ngay').labels).toEqual(['fraud']);
    expect(classifyOne('Lai 5%/ngay, dau tu USDT ngay').labels).toEqual(['fraud']);
  });

  it('does not flag news about the activity', () => {
    expect(classifyOne('Công an bắt giữ đối tượng buôn ma túy, thu giữ 2kg ke').labels).toEqual([]);
    expect(classifyOne('Police warning: scam alert about "guaranteed profit" schemes').labels).toEqual([]);
  });

  it('is deterministic', () => {
    const text = 'join the brigade and donate to the fighters';
    expect(JSON.stringify(classifyOne(text))).toBe(JSON.stringify(classifyOne(text)));
  });
});

describe('foldPreservingOffsets', () => {
  it('lower-cases and strips diacritics without changing length', () => {
    for (const s of ['Đầu Tư', 'ЗАКЛАДКИ', 'Ümlaut 🙂 ok', 'ﬁ ligature']) {
      expect(foldPreservingOffsets(s)).toHaveLength(s.length);
    }
    expect(foldPreservingOffsets('Đầu Tư')).toBe('dau tu');
  });
});
