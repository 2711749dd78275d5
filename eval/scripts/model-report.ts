/**
 * Evaluates the trained model on the test split, trains and evaluates the fastText peer on the same
 * splits, and writes models/tgrisk-risk/metrics.json and MODEL_CARD.md. Run by `npm run train`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRiskClassifier, readRiskModelFiles, stableJson } from '@tg-risk/models';
import { RISK_LABELS } from '@tg-risk/schemas';
import { round4, type SetMetrics } from '../src/metrics/classification-metrics.ts';
import { reportFromScores, scoreExamples } from '../src/offline/evaluate-classifier.ts';
import { fastTextAvailable, fastTextTestMetrics } from '../src/peers/fasttext.ts';
import { renderModelCard } from '../src/reports/model-card.ts';
import { readDataSplit } from '../src/dataset/read-split.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { model: { type: 'string' } } });
const modelDir = path.resolve(values.model ?? path.join(root, 'models/tgrisk-risk'));

const readSplit = readDataSplit;
const [train, validation, test] = [readSplit('train'), readSplit('validation'), readSplit('test')];

const classifier = await createRiskClassifier({ modelDir });
const ours = reportFromScores(classifier.model, await scoreExamples(classifier, test));
await classifier.close();

let fastText: SetMetrics | null = null;
if (fastTextAvailable()) {
  fastText = fastTextTestMetrics(train, validation, test, 0.9);
}

const files = readRiskModelFiles(modelDir);
const manifest = (
  JSON.parse(readFileSync(path.join(modelDir, 'MANIFEST.json'), 'utf8')) as { sha256: Record<string, string> }
).sha256;
const all = [...train, ...validation, ...test];
const langs: Record<string, number> = {};
for (const e of all) langs[e.lang ?? 'unknown'] = (langs[e.lang ?? 'unknown'] ?? 0) + 1;
const roundDeep = (v: unknown): unknown =>
  typeof v === 'number'
    ? round4(v)
    : Array.isArray(v)
      ? v.map(roundDeep)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)]))
        : v;
writeFileSync(
  path.join(modelDir, 'metrics.json'),
  stableJson(roundDeep({ test: ours, fasttext_test: fastText })),
);
writeFileSync(
  path.join(modelDir, 'MODEL_CARD.md'),
  renderModelCard({
    model: ours.model,
    ours,
    fastText,
    thresholds: files.thresholds.labels,
    targetPrecision: files.thresholds.target_precision,
    data: {
      train: train.length,
      validation: validation.length,
      test: test.length,
      langs: Object.fromEntries(Object.entries(langs).sort()),
      hardNegativeShare: all.filter((e) => e.kind === 'hard_negative').length / all.length,
    },
    manifest,
  }),
);
const line = (name: string, m: SetMetrics) =>
  `${name.padEnd(10)} macro-F1 ${m.macro_f1.toFixed(3)}  ` +
  RISK_LABELS.map(
    (l) => `${l} P ${m.labels[l].precision.toFixed(3)} R ${m.labels[l].recall.toFixed(3)}`,
  ).join('  ');
console.log(line('tg-risk', ours));
if (fastText) console.log(line('fastText', fastText));
for (const [lang, m] of Object.entries(ours.by_lang)) console.log(line(`  ${lang}`, m));
