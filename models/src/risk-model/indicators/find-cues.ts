/**
 * Finds lexicon cues in normalised text, as whole words (or whole phrases), and maps each match
 * back to its span in the original text. Cues are indexed by their first word, so a message costs
 * one pass over its words, not one regular expression per cue; cues in scripts written without
 * spaces (Chinese, Thai) are found by substring search.
 */
import { normaliseText, originalSpan, type NormalisedText } from '../normalise/normalise-text.ts';
import { LEXICON, type CueGroup } from './lexicon.ts';

export interface CueHit {
  group: CueGroup;
  cue: string;
  start: number;
  end: number;
  text: string;
}

interface Cue {
  group: CueGroup;
  cue: string;
  words: string[];
}

interface CueIndex {
  byFirstWord: Map<string, Cue[]>;
  unspaced: Cue[];
}

const UNSPACED = /[\p{Script=Han}\p{Script=Thai}]/u;
const WORD = /[\p{L}\p{N}]+/gu;

let index: CueIndex | undefined;

function buildIndex(): CueIndex {
  const byFirstWord = new Map<string, Cue[]>();
  const unspaced: Cue[] = [];
  const seen = new Set<string>();
  for (const [group, cues] of Object.entries(LEXICON) as Array<[CueGroup, readonly string[]]>) {
    for (const raw of cues) {
      const cue = normaliseText(raw).text;
      if (seen.has(`${group}\u0000${cue}`)) continue;
      seen.add(`${group}\u0000${cue}`);
      if (UNSPACED.test(cue)) {
        unspaced.push({ group, cue, words: [] });
        continue;
      }
      const words = cue.match(WORD) ?? [];
      if (words.length === 0) continue;
      const list = byFirstWord.get(words[0]!) ?? [];
      list.push({ group, cue, words });
      byFirstWord.set(words[0]!, list);
    }
  }
  return { byFirstWord, unspaced };
}

/** Every cue found in `original` (normalised as `normalised`), with original spans. */
export function findCues(original: string, normalised: NormalisedText = normaliseText(original)): CueHit[] {
  index ??= buildIndex();
  const text = normalised.text;
  const words: Array<{ word: string; start: number; end: number }> = [];
  for (const match of text.matchAll(WORD))
    words.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  const hits: CueHit[] = [];
  const push = (cue: Cue, from: number, to: number) => {
    const [start, end] = originalSpan(normalised, original, from, to);
    hits.push({ group: cue.group, cue: cue.cue, start, end, text: original.slice(start, end) });
  };
  for (let i = 0; i < words.length; i++) {
    const candidates = index.byFirstWord.get(words[i]!.word);
    if (!candidates) continue;
    for (const cue of candidates) {
      if (i + cue.words.length > words.length) continue;
      let matches = true;
      for (let j = 1; j < cue.words.length && matches; j++) {
        const next = words[i + j]!;
        // Words of a phrase are separated by white space only, as the phrase is written.
        matches = next.word === cue.words[j] && /^\s+$/u.test(text.slice(words[i + j - 1]!.end, next.start));
      }
      if (matches) push(cue, words[i]!.start, words[i + cue.words.length - 1]!.end);
    }
  }
  if (UNSPACED.test(text)) {
    for (const cue of index.unspaced) {
      for (let at = text.indexOf(cue.cue); at >= 0; at = text.indexOf(cue.cue, at + cue.cue.length)) {
        push(cue, at, at + cue.cue.length);
      }
    }
  }
  return hits.sort(
    (a, b) => a.start - b.start || a.group.localeCompare(b.group) || a.cue.localeCompare(b.cue),
  );
}
