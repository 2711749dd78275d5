/**
 * Reads a labelled set: JSONL bytes, one eval-example.v1 object per line. Every line is decoded
 * as strict UTF-8, parsed and validated on its own, so one bad line is reported with its number and
 * what is wrong with it, and never hides the lines around it. Blank lines are skipped.
 */
import { createHash } from 'node:crypto';
import { schemaIssues, type EvalExampleV1 } from '@tg-risk/schemas';

/** A line that is not an evaluation example, with its 1-based number and the problem in words. */
export interface BadLine {
  line: number;
  problem: string;
}

/** The valid examples in file order, the bad lines, and what identifies the input. */
export interface EvalSet {
  examples: EvalExampleV1[];
  /** Input line number of each example, parallel to `examples`. */
  lineNumbers: number[];
  badLines: BadLine[];
  /** Non-blank lines read. */
  lines: number;
  sha256: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** What a line must look like, for error messages. */
export const EVAL_EXAMPLE_SHAPE =
  '{"text": string, "labels": [zero or more of "fraud", "drugs", "terrorism"], "id"?, "lang"?, "channel_id"?}';

/** Splits, decodes, parses and validates every line of `bytes`. */
export function parseEvalSet(bytes: Uint8Array): EvalSet {
  const set: EvalSet = {
    examples: [],
    lineNumbers: [],
    badLines: [],
    lines: 0,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  let start = 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    lineNumber++;
    readLine(set, lineNumber, bytes.subarray(start, end));
    start = end + 1;
  }
  return set;
}

function readLine(set: EvalSet, line: number, raw: Uint8Array): void {
  const bytes = raw.length > 0 && raw[raw.length - 1] === 0x0d ? raw.subarray(0, -1) : raw;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    set.lines++;
    set.badLines.push({ line, problem: 'not valid UTF-8' });
    return;
  }
  if (text.trim() === '') return;
  set.lines++;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    set.badLines.push({ line, problem: `not JSON (${(error as Error).message})` });
    return;
  }
  const issues = schemaIssues('eval-example.v1', value);
  if (issues.length > 0) {
    const detail = issues.map((i) => `${i.path || '(line)'} ${i.message}`).join('; ');
    set.badLines.push({ line, problem: `not an eval-example.v1: ${detail}` });
    return;
  }
  set.examples.push(value as EvalExampleV1);
  set.lineNumbers.push(line);
}
