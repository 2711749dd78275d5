/**
 * Turns a message into a sparse, L2-normalised feature vector over hashed buckets (the "hashing
 * trick", Weinberger et al. 2009): word uni/bigrams and character n-grams of the normalised text,
 * Vietnamese words with their diacritics, indicator kinds and lexicon cues. The same function
 * serves training and inference, so they cannot drift apart.
 */
import { findCues } from '../indicators/find-cues.ts';
import { findIndicators } from '../indicators/find-indicators.ts';
import { normaliseText, originalSpan } from '../normalise/normalise-text.ts';
import { bucketOf, fnv1a } from './hash.ts';

export interface FeatureConfig {
  /** Number of hash buckets (rows of the weight matrix), a power of two. */
  buckets: number;
  charNgramMin: number;
  charNgramMax: number;
  /** Messages are cut to this many characters before feature extraction (Telegram's cap is 4096). */
  maxChars: number;
  /** Weight of one character n-gram relative to a word (1). */
  charWeight: number;
}

export const DEFAULT_FEATURE_CONFIG: Readonly<FeatureConfig> = Object.freeze({
  // 2^20 rows: at ~30,000 training messages, 2^18 and 2^19 lost 0.03 and 0.015 of out-of-fold recall
  // at precision 0.90 to hash collisions; 2^21 gained nothing more (12 MB of float32 weights).
  buckets: 1 << 20,
  charNgramMin: 2,
  charNgramMax: 5,
  maxChars: 4096,
  charWeight: 0.5,
});

/** Where a feature came from, for evidence: its name and its span in the original text. */
export interface FeatureOrigin {
  bucket: number;
  name: string;
  kind: 'word' | 'bigram' | 'char' | 'accented' | 'indicator' | 'cue' | 'length';
  start: number;
  end: number;
}

export interface MessageFeatures {
  /** Distinct buckets, ascending. */
  ids: Int32Array;
  /** L2-normalised values, aligned with ids. */
  values: Float32Array;
  /** Present when asked for (inference with evidence): one entry per feature occurrence kind. */
  origins?: FeatureOrigin[];
}

const TOKEN = /[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Thai}]/u;

/**
 * Per-config scratch space: a dense count per bucket plus the list of buckets touched, reset after
 * each message. Reusing it avoids a hash map per message; it is private to this module and holds
 * no state between calls.
 */
const scratch = new WeakMap<FeatureConfig, { counts: Float64Array; touched: number[] }>();

function scratchFor(config: FeatureConfig): { counts: Float64Array; touched: number[] } {
  let entry = scratch.get(config);
  if (!entry) {
    entry = { counts: new Float64Array(config.buckets), touched: [] };
    scratch.set(config, entry);
  }
  return entry;
}

/** Extracts the features of one text. */
export function extractFeatures(rawText: string, config: FeatureConfig, explain = false): MessageFeatures {
  const text = rawText.length > config.maxChars ? rawText.slice(0, config.maxChars) : rawText;
  const { counts, touched } = scratchFor(config);
  const origins: FeatureOrigin[] | undefined = explain ? [] : undefined;
  const count = (bucket: number, weight: number) => {
    if (counts[bucket] === 0) touched.push(bucket);
    counts[bucket] = counts[bucket]! + weight;
  };
  const add = (name: string, kind: FeatureOrigin['kind'], start: number, end: number, weight = 1) => {
    const bucket = bucketOf(name, config.buckets);
    count(bucket, weight);
    origins?.push({ bucket, name, kind, start, end });
  };

  const normalised = normaliseText(text);
  const tokens: Array<{ token: string; start: number; end: number }> = [];
  for (const match of normalised.text.matchAll(TOKEN)) {
    const [start, end] = originalSpan(normalised, text, match.index, match.index + match[0].length);
    tokens.push({ token: match[0], start, end });
  }
  /**
   * Adds the character n-grams of `s` with lengths min..max, named `<prefix><n-gram>`. Hashes are
   * extended one UTF-16 unit at a time instead of building each n-gram string: this loop is most of
   * a message's cost. The names (and so the buckets) equal `fnv1a(prefix + s.slice(j, j + n))`.
   */
  const addNgrams = (
    prefix: string,
    s: string,
    min: number,
    max: number,
    start: number,
    end: number,
    weight: number,
  ) => {
    const base = fnv1a(prefix);
    for (let j = 0; j < s.length; j++) {
      let hash = base;
      for (let n = 1; n <= max && j + n <= s.length; n++) {
        hash = Math.imul(hash ^ s.charCodeAt(j + n - 1), 0x01000193);
        if (n < min) continue;
        const bucket = 1 + ((hash >>> 0) % (config.buckets - 1));
        count(bucket, weight);
        origins?.push({ bucket, name: `${prefix}${s.slice(j, j + n)}`, kind: 'char', start, end });
      }
    }
  };
  tokens.forEach(({ token, start, end }, i) => {
    if (UNSPACED.test(token)) {
      // Chinese and Thai are written without spaces: a "token" is a whole clause, useless as a word.
      // Character n-grams over the whole run stand in for words (1-3 for Han, 2-4 for Thai).
      const [min, max] = /\p{Script=Han}/u.test(token) ? [1, 3] : [2, 4];
      addNgrams('u:', token, min, max, start, end, 1);
      return;
    }
    add(`w:${token}`, 'word', start, end);
    const next = tokens[i + 1];
    if (next) add(`b:${token} ${next.token}`, 'bigram', start, next.end);
    const padded = `<${token.length > 30 ? token.slice(0, 30) : token}>`;
    addNgrams('c:', padded, config.charNgramMin, config.charNgramMax, start, end, config.charWeight);
  });
  // Vietnamese diacritics carry meaning ("đá" stone/ice vs "da" skin): keep accented words too.
  for (const match of text.toLowerCase().normalize('NFC').matchAll(TOKEN)) {
    if (/[\u00c0-\u024f\u1e00-\u1eff]/.test(match[0]))
      add(`a:${match[0]}`, 'accented', match.index, match.index + match[0].length);
  }
  for (const hit of findIndicators(text)) add(`i:${hit.kind}`, 'indicator', hit.start, hit.end, 2);
  const groups = new Set<string>();
  for (const hit of findCues(text, normalised)) {
    add(`l:${hit.group}`, 'cue', hit.start, hit.end);
    add(`lc:${hit.group}:${hit.cue}`, 'cue', hit.start, hit.end);
    groups.add(hit.group);
  }
  // A linear model cannot see "drug words AND news words" by itself; these crosses let it learn that
  // talking about an activity differs from doing it.
  if (groups.has('about')) {
    for (const group of groups) if (group !== 'about') add(`x:${group}&about`, 'length', 0, 0);
  }
  add(`len:${Math.min(8, Math.floor(Math.log2(1 + tokens.length)))}`, 'length', 0, 0);

  touched.sort((a, b) => a - b);
  const ids = Int32Array.from(touched);
  const values = new Float32Array(ids.length);
  let norm = 0;
  ids.forEach((id, i) => {
    // Sublinear counts: a word said five times is stronger evidence, not five times stronger.
    const v = 1 + Math.log(counts[id]!);
    values[i] = v;
    norm += v * v;
    counts[id] = 0;
  });
  touched.length = 0;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i] = values[i]! * scale;
  return origins ? { ids, values, origins } : { ids, values };
}
