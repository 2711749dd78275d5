/**
 * Text normalisation shared by training and inference, so the model sees obfuscated text the way it
 * sees the plain text it stands for (label policy, "Hard cases"). Every output character keeps the
 * index of the original character it came from, so matches on normalised text become evidence spans
 * on the text the analyst reads.
 *
 * Steps, in order: Unicode NFKC (compatibility forms: fullwidth, ligatures, circled letters) and
 * decomposition; zero-width, format and combining characters dropped (so Vietnamese is matched
 * without diacritics, đ -> d); lower case; per word, look-alike letters folded into the word's
 * majority script and l33t digits between letters read as letters; runs of spaced-out single letters
 * ("c o k e", "m.d.m.a", "k.ẹ.o") joined.
 */
import {
  CYRILLIC_TO_LATIN,
  GREEK_TO_LATIN,
  LATIN_TO_CYRILLIC,
  LEET_TO_CYRILLIC,
  LEET_TO_LATIN,
} from './confusables.ts';

/** Normalised text and, for each of its UTF-16 units, the index in the original text it came from. */
export interface NormalisedText {
  text: string;
  /** origin[i] = index in the original string of the character that produced text[i]. */
  origin: number[];
}

/** Invisible characters used to break up words: zero-width, bidi controls, soft hyphen, BOM, etc. */
const INVISIBLE = /\p{Cf}|\p{Variation_Selector}|\u034f|\u115f|\u1160|\u17b4|\u17b5|\u180e|\u3164|\uffa0/u;
const COMBINING = /\p{M}/u;
const DIACRITIC_SCRIPTS = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** Normalises `text` for matching and feature extraction; see the module comment for the steps. */
export function normaliseText(text: string): NormalisedText {
  const stage1 = decomposeAndFold(text);
  const stage2 = foldWords(stage1);
  return joinSpacedLetters(stage2);
}

function decomposeAndFold(text: string): NormalisedText {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  let previousLetterHasDiacritics = true;
  for (const cp of text) {
    const start = index;
    index += cp.length;
    const code = cp.charCodeAt(0);
    if (code < 0x80) {
      // ASCII: only lower-casing applies.
      out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : cp;
      origin.push(start);
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))
        previousLetterHasDiacritics = true;
      continue;
    }
    if (INVISIBLE.test(cp)) continue;
    // NFKD = NFKC's compatibility mapping without recomposition, so diacritics come apart. Marks are
    // dropped only from Latin, Cyrillic and Greek letters: in Thai and other scripts they are part
    // of the spelling, and those scripts get plain NFKC.
    const decomposed = cp.normalize('NFKD');
    const base = decomposed[0] ?? '';
    // A lone combining mark belongs to the letter before it; keep it when that letter's script needs it.
    const isLoneMark = COMBINING.test(base);
    const diacriticScript = isLoneMark
      ? previousLetterHasDiacritics
      : DIACRITIC_SCRIPTS.test(base) || !/\p{L}/u.test(base);
    if (!isLoneMark && /\p{L}/u.test(base)) previousLetterHasDiacritics = DIACRITIC_SCRIPTS.test(base);
    const pieces = diacriticScript ? decomposed : cp.normalize('NFKC');
    const stripMarks = diacriticScript;
    for (const piece of pieces) {
      if ((stripMarks && COMBINING.test(piece)) || INVISIBLE.test(piece)) continue;
      let lower = piece.toLowerCase();
      if (lower === 'đ') lower = 'd';
      else if (lower === 'ß') lower = 'ss';
      else if (lower === 'ı') lower = 'i';
      for (let i = 0; i < lower.length; i++) {
        out += lower[i];
        origin.push(start);
      }
    }
  }
  return { text: out, origin };
}

type Script = 'latin' | 'cyrillic' | 'greek' | 'other';

function scriptOf(ch: string): Script {
  const code = ch.charCodeAt(0);
  if (code < 0x80)
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 'latin' : 'other';
  if (/\p{Script=Latin}/u.test(ch)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'cyrillic';
  if (/\p{Script=Greek}/u.test(ch)) return 'greek';
  return 'other';
}

/** Characters that can be part of a word for folding: letters, digits and l33t symbols. */
function isWordChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      ch in LEET_TO_LATIN
    );
  }
  return /[\p{L}\p{N}]/u.test(ch);
}

/** Folds look-alikes and l33t inside each word into the word's majority script. */
function foldWords(input: NormalisedText): NormalisedText {
  // Work in code points; origin is per UTF-16 unit, so rebuild it alongside.
  const units: Array<{ ch: string; origin: number }> = [];
  let u = 0;
  for (const ch of input.text) {
    units.push({ ch, origin: input.origin[u]! });
    u += ch.length;
  }
  let i = 0;
  while (i < units.length) {
    if (!isWordChar(units[i]!.ch)) {
      i++;
      continue;
    }
    let j = i;
    while (j < units.length && isWordChar(units[j]!.ch)) j++;
    foldWord(units, i, j);
    i = j;
  }
  let out = '';
  const origin: number[] = [];
  for (const { ch, origin: o } of units) {
    out += ch;
    for (let k = 0; k < ch.length; k++) origin.push(o);
  }
  return { text: out, origin };
}

function foldWord(units: Array<{ ch: string; origin: number }>, from: number, to: number): void {
  const counts = { latin: 0, cyrillic: 0, greek: 0, other: 0 };
  let ascii = true;
  for (let k = from; k < to; k++) {
    const ch = units[k]!.ch;
    if (ch.charCodeAt(0) >= 0x80) ascii = false;
    counts[scriptOf(ch)]++;
  }
  // Plain ASCII words without digits or symbols need nothing (the common case).
  if (ascii && counts.other === 0) return;
  const majority: Script =
    counts.cyrillic > counts.latin ? 'cyrillic' : counts.latin > 0 || counts.greek > 0 ? 'latin' : 'other';
  const word = units.slice(from, to).map((x) => x.ch);
  for (let k = 0; k < word.length; k++) {
    const ch = word[k]!;
    const slot = units[from + k]!;
    const script = scriptOf(ch);
    if (majority === 'latin' && script === 'cyrillic') slot.ch = CYRILLIC_TO_LATIN[ch] ?? ch;
    else if (majority === 'latin' && script === 'greek') slot.ch = GREEK_TO_LATIN[ch] ?? ch;
    else if (majority === 'cyrillic' && script === 'latin') slot.ch = LATIN_TO_CYRILLIC[ch] ?? ch;
    else if (script === 'other' && !/\p{L}/u.test(ch) && isBetweenLetters(word, k)) {
      const table = majority === 'cyrillic' ? LEET_TO_CYRILLIC : LEET_TO_LATIN;
      slot.ch = table[ch] ?? ch;
    }
  }
}

/** A l33t digit counts as a letter only with a letter on both sides ("c0caine", not "5g" or "x2"). */
function isBetweenLetters(word: string[], i: number): boolean {
  const isLetterAt = (j: number) => j >= 0 && j < word.length && /\p{L}/u.test(word[j]!);
  // Allow a run of l33t characters ("c00l"): look past neighbouring l33t characters.
  let left = i - 1;
  while (left >= 0 && !/\p{L}/u.test(word[left]!) && word[left]! in LEET_TO_LATIN) left--;
  let right = i + 1;
  while (right < word.length && !/\p{L}/u.test(word[right]!) && word[right]! in LEET_TO_LATIN) right++;
  return isLetterAt(left) && isLetterAt(right);
}

/**
 * Joins runs of three or more single letters separated by one space, dot, dash, underscore or
 * asterisk ("c o k e" -> "coke"), and of two or more when the separator is not a space ("đ.á").
 */
const SPACED = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·•]\p{L}){1,}(?![\p{L}\p{N}])/gu;

function joinSpacedLetters(input: NormalisedText): NormalisedText {
  let out = '';
  const origin: number[] = [];
  let last = 0;
  for (const match of input.text.matchAll(SPACED)) {
    const run = match[0];
    const letters = run.match(/\p{L}/gu)!.length;
    const spacedOnly = !/[.\-_*·•]/u.test(run);
    if (letters < 3 && spacedOnly) continue;
    if (letters < 2) continue;
    append(input, last, match.index, (s, o) => {
      out += s;
      origin.push(...o);
    });
    for (let i = 0; i < run.length; i++) {
      if (/\p{L}/u.test(run[i]!)) {
        out += run[i];
        origin.push(input.origin[match.index + i]!);
      }
    }
    last = match.index + run.length;
  }
  append(input, last, input.text.length, (s, o) => {
    out += s;
    origin.push(...o);
  });
  return { text: out, origin };
}

function append(
  input: NormalisedText,
  from: number,
  to: number,
  push: (s: string, o: number[]) => void,
): void {
  if (to > from) push(input.text.slice(from, to), input.origin.slice(from, to));
}

/** The original-text span [start, end) behind normalised positions [from, to). */
export function originalSpan(
  normalised: NormalisedText,
  original: string,
  from: number,
  to: number,
): [number, number] {
  const start = normalised.origin[from] ?? original.length;
  const lastOrigin = normalised.origin[Math.max(from, to - 1)] ?? start;
  // Extend to the end of the original code point (and any diacritics or invisibles after it).
  let end = lastOrigin + 1;
  if (end < original.length && /[\udc00-\udfff]/.test(original[end]!)) end++;
  while (end < original.length && (COMBINING.test(original[end]!) || INVISIBLE.test(original[end]!))) end++;
  return [start, Math.min(end, original.length)];
}
