/**
 * Reads one split of the repository's labelled data (eval/data/<name>.jsonl), validating every line
 * as eval-example.v1 and naming the file and line of the first bad one. Shared by the training
 * report, the held-out-writer evaluation, the shipped-model test and the benchmarks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertValid, type EvalExampleV1 } from '@tg-risk/schemas';

/** eval/data of this repository. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export type DataSplit = 'train' | 'validation' | 'test';

/** The examples of `split`, in file order. */
export function readDataSplit(split: DataSplit, dataDir: string = DATA_DIR): EvalExampleV1[] {
  const file = path.join(dataDir, `${split}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      try {
        return [assertValid('eval-example.v1', JSON.parse(line))];
      } catch (error) {
        throw new Error(`${file}:${i + 1}: ${(error as Error).message}`);
      }
    });
}
