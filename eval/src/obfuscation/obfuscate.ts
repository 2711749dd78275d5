/**
 * Obfuscations that channels use to slip past keyword filters (label policy, "Hard cases"). Each
 * rewrites a message the way a human evader would; the label must not change. Deterministic for a
 * given seed so the suite is reproducible.
 */
import { mulberry32 } from '@tg-risk/core';

export type Obfuscation =
  'spaced' | 'leet' | 'homoglyph' | 'zero_width' | 'no_diacritics' | 'fullwidth' | 'dotted' | 'upper';

export const OBFUSCATIONS: readonly Obfuscation[] = [
  'spaced',
  'leet',
  'homoglyph',
  'zero_width',
  'no_diacritics',
  'fullwidth',
  'dotted',
  'upper',
];

const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у' };
const CYRILLIC_TO_LATIN: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y' };
const LEET: Record<string, string> = { o: '0', e: '3', a: '4', i: '1', s: '5', t: '7', о: '0', з: '3' };

/** Words of 4+ letters: the ones evaders disguise. */
const WORD = /\p{L}{4,}/gu;

/** Applies `kind` to a few words of `text` (all of them for whole-text kinds). */
export function obfuscate(text: string, kind: Obfuscation, seed: number): string {
  const random = mulberry32(seed);
  const pick = () => random() < 0.5;
  switch (kind) {
    case 'no_diacritics':
      return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    case 'fullwidth':
      return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'upper':
      return text.toUpperCase();
    default:
      return text.replace(WORD, (word) => (pick() ? disguise(word, kind, random) : word));
  }
}

function disguise(word: string, kind: Obfuscation, random: () => number): string {
  const chars = [...word];
  switch (kind) {
    case 'spaced':
      return chars.join(' ');
    case 'dotted':
      return chars.join('.');
    case 'zero_width':
      return chars.join('\u200b');
    case 'leet':
      return chars
        .map((c) => (LEET[c.toLowerCase()] !== undefined && random() < 0.6 ? LEET[c.toLowerCase()]! : c))
        .join('');
    case 'homoglyph': {
      // Swap one look-alike letter for the other script's: "cocaine" -> "cocаine".
      const table = /\p{Script=Cyrillic}/u.test(word) ? CYRILLIC_TO_LATIN : LATIN_TO_CYRILLIC;
      const positions = chars.map((c, i) => (table[c] ? i : -1)).filter((i) => i >= 0);
      if (positions.length === 0) return word;
      const at = positions[Math.floor(random() * positions.length)]!;
      chars[at] = table[chars[at]!]!;
      return chars.join('');
    }
    default:
      return word;
  }
}
