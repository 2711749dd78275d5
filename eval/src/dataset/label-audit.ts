/**
 * A second reviewer's label corrections for the authored sources. The files in eval/data/raw stay
 * as their writers wrote them; eval/data/audit/*.jsonl lists, per corrected line, the new labels and
 * kind and the reason under the label policy, so every change is visible and can be argued with.
 * A correction names its source line and the start of its text, so a correction that no longer
 * points at the message it was made for is an error, not a silent relabel.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface LabelCorrection {
  /** Source file name in eval/data/raw, e.g. "en-a-01.jsonl". */
  file: string;
  /** 1-based line number in that file. */
  line: number;
  /** The first characters of the message's text, to check the correction still points at it. */
  text_start: string;
  labels: string[];
  kind: 'violation' | 'hard_negative' | 'negative';
  reason: string;
  /** Which audit file it came from, and where. */
  where: string;
}

const LABELS = new Set(['fraud', 'drugs', 'terrorism']);

/** Reads every correction in `auditDir`; throws naming each malformed or duplicated entry. */
export function readLabelCorrections(auditDir: string): Map<string, LabelCorrection> {
  const corrections = new Map<string, LabelCorrection>();
  const problems: string[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(auditDir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return corrections;
  }
  for (const name of files) {
    readFileSync(path.join(auditDir, name), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (text.trim() === '') return;
        const where = `audit/${name}:${i + 1}`;
        let entry: Omit<LabelCorrection, 'where'>;
        try {
          entry = JSON.parse(text) as Omit<LabelCorrection, 'where'>;
        } catch (error) {
          problems.push(`${where}: not JSON (${(error as Error).message})`);
          return;
        }
        const labelsOk = Array.isArray(entry.labels) && entry.labels.every((l) => LABELS.has(l));
        const kindOk =
          labelsOk &&
          ((entry.kind === 'violation' && entry.labels.length > 0) ||
            ((entry.kind === 'hard_negative' || entry.kind === 'negative') && entry.labels.length === 0));
        if (typeof entry.file !== 'string' || !Number.isInteger(entry.line) || entry.line < 1) {
          problems.push(`${where}: needs "file" (a raw file name) and "line" (a positive integer)`);
        } else if (typeof entry.text_start !== 'string' || entry.text_start.length < 8) {
          problems.push(`${where}: "text_start" must hold at least the first 8 characters of the text`);
        } else if (!kindOk) {
          problems.push(`${where}: kind "${entry.kind}" does not fit labels ${JSON.stringify(entry.labels)}`);
        } else if (typeof entry.reason !== 'string' || entry.reason.trim() === '') {
          problems.push(`${where}: "reason" is empty; say why under the label policy`);
        } else {
          const key = `${entry.file}:${entry.line}`;
          const earlier = corrections.get(key);
          if (earlier) problems.push(`${where}: ${key} is already corrected at ${earlier.where}`);
          else corrections.set(key, { ...entry, where });
        }
      });
  }
  if (problems.length > 0)
    throw new Error(`${problems.length} bad label corrections:\n${problems.slice(0, 50).join('\n')}`);
  return corrections;
}

/**
 * The correction for one source line, checked against its text; undefined when there is none.
 * Throws when the correction's text_start does not match (the source moved under it).
 */
export function correctionFor(
  corrections: ReadonlyMap<string, LabelCorrection>,
  file: string,
  line: number,
  text: string,
): LabelCorrection | undefined {
  const correction = corrections.get(`${file}:${line}`);
  if (!correction) return undefined;
  if (!text.startsWith(correction.text_start)) {
    throw new Error(
      `${correction.where}: ${file}:${line} starts ${JSON.stringify(text.slice(0, 40))}, ` +
        `not ${JSON.stringify(correction.text_start)}; the source moved, fix the correction`,
    );
  }
  return correction;
}
