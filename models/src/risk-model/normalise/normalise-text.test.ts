import { describe, expect, it } from 'vitest';
import { normaliseText, originalSpan } from './normalise-text.ts';

const n = (t: string) => normaliseText(t).text;

describe('normaliseText', () => {
  it('applies NFKC compatibility forms and lower case', () => {
    expect(n('ＦＵＬＬＺ ﬁle ①')).toBe('fullz file 1');
  });

  it('removes zero-width and format characters inside words', () => {
    expect(n('co\u200bca\u200dine \u2060mef\ufeff')).toBe('cocaine mef');
  });

  it('matches Vietnamese without diacritics, including đ', () => {
    expect(n('Lãi 5%/ngày, ĐẦU TƯ ngay')).toBe(n('Lai 5%/ngay, DAU TU ngay'));
  });

  it('folds look-alike letters into the word majority script, both directions', () => {
    expect(n('cocаine')).toBe('cocaine'); // Cyrillic а in a Latin word
    expect(n('мeфедрон')).toBe('мефедрон'); // Latin e in a Cyrillic word
    expect(n('Мефедрон')).toBe('мефедрон'); // plain Cyrillic stays Cyrillic
  });

  it('reads l33t digits between letters, but leaves amounts and units alone', () => {
    expect(n('c0c41ne m3th ск0рость')).toBe('cocaine meth скорость');
    expect(n('5g 10k x2 1tr5 100%')).toBe('5g 10k x2 1tr5 100%');
  });

  it('joins spaced-out letters', () => {
    expect(n('c o k e tonight')).toBe('coke tonight');
    expect(n('m.d.m.a and k-e-t')).toBe('mdma and ket');
    expect(n('k.ẹ.o bay')).toBe('keo bay');
    expect(n('a b')).toBe('a b');
  });

  it('keeps Thai marks, which are part of the spelling', () => {
    expect(n('ยาบ้า')).toBe('ยาบ้า');
  });

  it('maps every normalised character back to the original, so spans cover what the reader sees', () => {
    const text = 'Buy c o k e ﬁ now 🙂 Đá';
    const norm = normaliseText(text);
    expect(norm.origin).toHaveLength(norm.text.length);
    const i = norm.text.indexOf('coke');
    expect(text.slice(...originalSpan(norm, text, i, i + 4))).toBe('c o k e');
    const j = norm.text.indexOf('da');
    expect(text.slice(...originalSpan(norm, text, j, j + 2))).toBe('Đá');
  });
});
