/**
 * Reads a JSONL input file line by line in constant memory while hashing its bytes, validating each
 * non-blank line against a schema. Bad lines do not stop the reading: they are collected and
 * reported together, each with its line number, so one run shows every line to fix.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { schemaIssues, type SchemaName } from '@tg-risk/schemas';
import { TgRiskError } from '@tg-risk/core';
import { EstimateInputError } from '../estimate/errors.ts';

/** Longest line accepted; a label.v1 line with evidence is a few KiB. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
/** Bad lines named in the error message; the rest are counted. */
const MAX_LINES_NAMED = 20;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Hash and size of the file read. */
export interface FileDigest {
  sha256: string;
  bytes: number;
}

/**
 * Calls `accept(value, line)` with every valid line. A line is bad when it is not UTF-8, too long,
 * not JSON, fails `schema`, or `accept` throws an EstimateInputError; after the whole file, throws
 * one EstimateInputError naming `label`, the file and the bad lines.
 */
export async function readJsonlFile<K extends SchemaName>(
  file: string,
  schema: K,
  label: string,
  accept: (value: unknown, line: number) => void,
): Promise<FileDigest> {
  const hash = createHash('sha256');
  const bad: string[] = [];
  let badCount = 0;
  let bytes = 0;
  let line = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;

  const complain = (message: string) => {
    badCount++;
    if (bad.length < MAX_LINES_NAMED) bad.push(`line ${line}: ${message}`);
  };
  const finishLine = () => {
    line++;
    if (tooLong) return complain(`longer than ${MAX_LINE_BYTES} bytes`);
    let raw = Buffer.concat(parts, size);
    if (raw.length > 0 && raw[raw.length - 1] === 0x0d) raw = raw.subarray(0, -1);
    let text: string;
    try {
      text = strictUtf8.decode(raw);
    } catch {
      return complain('not valid UTF-8');
    }
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return complain(`not JSON (${(error as Error).message})`);
    }
    const issues = schemaIssues(schema, value);
    if (issues.length > 0) {
      return complain(`${schema}: ${issues.map((i) => `${i.path || '(line)'} ${i.message}`).join('; ')}`);
    }
    try {
      accept(value, line);
    } catch (error) {
      if (error instanceof EstimateInputError) return complain(error.message);
      throw error;
    }
  };

  try {
    for await (const chunk of createReadStream(file)) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      bytes += buffer.length;
      let start = 0;
      for (;;) {
        const newline = buffer.indexOf(0x0a, start);
        const piece = buffer.subarray(start, newline === -1 ? buffer.length : newline);
        size += piece.length;
        if (size > MAX_LINE_BYTES) {
          tooLong = true;
          parts = [];
        } else if (piece.length > 0) parts.push(piece);
        if (newline === -1) break;
        finishLine();
        parts = [];
        size = 0;
        tooLong = false;
        start = newline + 1;
      }
    }
  } catch (error) {
    if (error instanceof TgRiskError) throw error;
    throw new EstimateInputError(
      `${label} ${file} cannot be read (${(error as Error).message}); check the path`,
      {
        file,
      },
    );
  }
  if (size > 0 || tooLong) finishLine();
  if (badCount > 0) {
    const more = badCount > bad.length ? `\n  ... and ${badCount - bad.length} more` : '';
    throw new EstimateInputError(
      `${label} ${file}: ${badCount} bad line${badCount === 1 ? '' : 's'}; fix or remove ${badCount === 1 ? 'it' : 'them'}:\n  ${bad.join('\n  ')}${more}`,
      { file, line: Number(bad[0]!.match(/^line (\d+)/)![1]) },
    );
  }
  return { sha256: hash.digest('hex'), bytes };
}
