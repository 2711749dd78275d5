/**
 * Builds models/tgrisk-bag-hf/: a Hugging Face-format text-classification directory (WordPiece
 * tokenizer.json, config.json, onnx/model.onnx) trained from the same training split, so the
 * transformers.js backend has a real model of ours to load, compare (`tgrisk eval --compare`) and
 * benchmark. Not the default model: it has no evidence spans and scores lower.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertValid, RISK_LABELS } from '@tg-risk/schemas';
import { buildTinyTextClassifier } from '../src/transformers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const train = readFileSync(path.join(root, 'eval/data/train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => assertValid('eval-example.v1', JSON.parse(l)));
const started = Date.now();
const report = await buildTinyTextClassifier({
  examples: train,
  labels: [...RISK_LABELS],
  outDir: path.join(root, 'models/tgrisk-bag-hf'),
  seed: 20261129,
  vocabSize: 20000,
  dim: 32,
  epochs: 30,
  name: 'tgrisk-bag-hf',
});
console.log(
  `built ${report.model} in ${((Date.now() - started) / 1000).toFixed(1)} s: vocabulary ${report.vocabSize}, ` +
    `unknown-token rate ${(100 * report.unknownTokenRate).toFixed(1)}%`,
);
