/**
 * Finds lexicon cues in normalised text, as whole words (or whole phrases), and maps each match
 * back to its span in the original text.
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

interface CompiledCue {
  group: CueGroup;
  cue: string;
  pattern: RegExp;
}

let compiled: CompiledCue[] | undefined;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Scripts written without spaces between words match anywhere; the rest need word boundaries. */
const UNSPACED = /[\p{Script=Han}\p{Script=Thai}]/u;

function compile(): CompiledCue[] {
  compiled ??= (Object.entries(LEXICON) as Array<[CueGroup, readonly string[]]>).flatMap(([group, cues]) =>
    [...new Set(cues.map((cue) => normaliseText(cue).text))].map((cue) => ({
      group,
      cue,
      pattern: UNSPACED.test(cue)
        ? new RegExp(escape(cue), 'gu')
        : new RegExp(`(?<![\\p{L}\\p{N}])${escape(cue).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'gu'),
    })),
  );
  return compiled;
}

/** Every cue found in `text` (already normalised as `normalised`), with original spans. */
export function findCues(original: string, normalised: NormalisedText = normaliseText(original)): CueHit[] {
  const hits: CueHit[] = [];
  for (const { group, cue, pattern } of compile()) {
    pattern.lastIndex = 0;
    for (const match of normalised.text.matchAll(pattern)) {
      const [start, end] = originalSpan(normalised, original, match.index, match.index + match[0].length);
      hits.push({ group, cue, start, end, text: original.slice(start, end) });
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.group.localeCompare(b.group));
}
