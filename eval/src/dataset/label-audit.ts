/**
 * A second reviewer's label corrections for the authored sources. The files in eval/data/raw stay
 * as their writers wrote them; eval/data/audit/*.jsonl lists, per corrected line, the new labels and
 * kind and the reason under the label policy, so every change is visible and can be argued with.
 * A correction names its source line and the start of its text, so a correction that no longer
 * points at the message it was made for is an error, not a silent relabel.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaIssues, type LabelCorrectionV1 } from '@tg-risk/schemas';

/** A label-correction.v1 line and where it was read. */
export interface LabelCorrection extends LabelCorrectionV1 {
  /** Which audit file it came from, and which line. */
  where: string;
}

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
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          problems.push(`${where}: not JSON (${(error as Error).message})`);
          return;
        }
        const issues = schemaIssues('label-correction.v1', parsed);
        if (issues.length > 0) {
          problems.push(`${where}: ${issues.map((i) => `${i.path || '(record)'} ${i.message}`).join('; ')}`);
          return;
        }
        const entry = parsed as LabelCorrectionV1;
        // The schema cannot tie kind to labels in a way that reads well when it fails; say it plainly.
        if ((entry.kind === 'violation') !== entry.labels.length > 0) {
          problems.push(`${where}: kind "${entry.kind}" does not fit labels ${JSON.stringify(entry.labels)}`);
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
