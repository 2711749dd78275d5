/** Runs the indicator patterns over a text and returns every hit with its span, sorted by position. */
import { INDICATOR_PATTERNS, type IndicatorKind } from './indicator-patterns.ts';

export interface IndicatorHit {
  kind: IndicatorKind;
  start: number;
  end: number;
  text: string;
}

/** Finds indicators in `text`; a bot username is reported as `bot`, not also as a `handle`. */
export function findIndicators(text: string): IndicatorHit[] {
  const hits: IndicatorHit[] = [];
  const claimed: Array<[number, number]> = [];
  for (const { kind, pattern } of INDICATOR_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      // Earlier, more specific patterns (bot, wallet, price per unit) win over later generic ones.
      if (claimed.some(([s, e]) => start < e && end > s)) continue;
      if (kind === 'phone' && !looksLikePhone(match[0])) continue;
      claimed.push([start, end]);
      hits.push({ kind, start, end, text: match[0] });
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}

/** Phone numbers have 8-15 digits (masked ones count their x's); years and prices do not pass. */
function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/[^\dx]/gi, '');
  if (digits.length < 8 || digits.length > 15) return false;
  return candidate.trim().startsWith('+') || /[\s.-]/.test(candidate.trim()) || digits.startsWith('0');
}
