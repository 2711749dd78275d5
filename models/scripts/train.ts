/**
 * `npm run train`: trains the default model from eval/data/{train,validation}.jsonl into
 * models/tgrisk-risk/ and prints the file hashes (also kept in MANIFEST.json).
 * Options: --out DIR (default models/tgrisk-risk), --seed N.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assertValid, type EvalExampleV1 } from '@tg-risk/schemas';
import { DEFAULT_TRAINING_OPTIONS, trainRiskModel } from '../src/risk-model/train/train-risk-model.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string' }, seed: { type: 'string' } } });
const outDir = path.resolve(values.out ?? path.join(root, 'models/tgrisk-risk'));

function readSplit(name: string): EvalExampleV1[] {
  const file = path.join(root, 'eval/data', `${name}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      try {
        return assertValid('eval-example.v1', JSON.parse(line));
      } catch (error) {
        throw new Error(`${file}:${i + 1}: ${(error as Error).message}`);
      }
    });
}

const started = Date.now();
const files = await trainRiskModel(readSplit('train'), readSplit('validation'), {
  ...DEFAULT_TRAINING_OPTIONS,
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
});
mkdirSync(outDir, { recursive: true });
for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(outDir, name), bytes);
console.log(
  `trained in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${path.relative(root, outDir) || outDir}`,
);
console.log(readFileSync(path.join(outDir, 'MANIFEST.json'), 'utf8'));
