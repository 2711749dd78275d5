/**
 * `npm run bench`: classifier, fastText peer, pipeline on Kafka and store benchmarks in one run;
 * writes bench/RESULTS.md and bench/results.json. Starts its own Kafka broker (as the tests do)
 * unless KAFKA_BROKERS is set. `--quick` shrinks every workload for a smoke run.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDefaultClassifier } from '@tg-risk/models';
import { benchClassifier } from './src/classifier-bench.ts';
import { benchFastText } from './src/fasttext-bench.ts';
import { machineInfo } from './src/machine.ts';
import { drainBacklog, passThroughCeiling, steadyLatency } from './src/pipeline-bench.ts';
import { renderResults, type BenchResults } from './src/report.ts';
import { summarise } from './src/stats.ts';
import { benchQueuePages } from './src/store-bench.ts';
import { evaluateClassifier, readDataSplit } from '@tg-risk/eval';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'skip-pipeline': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const readSplit = readDataSplit;

const startedAt = new Date();
const [train, validation, test] = [readSplit('train'), readSplit('validation'), readSplit('test')];
const texts = test.map((e) => e.text);
const messages = quick ? 2048 : 10_240;
const runs = quick ? 1 : 3;

log('classifiers');
const classifiers = [];
const defaultModel = await createDefaultClassifier();
const oursMacroF1 = (await evaluateClassifier(defaultModel, test)).macro_f1;
classifiers.push(await benchClassifier(defaultModel, texts, { messages, runs, batchSizes: [1, 64, 512] }));
await defaultModel.close();
const hf = await createDefaultClassifier(path.join(root, 'models/tgrisk-bag-hf'));
classifiers.push(await benchClassifier(hf, texts, { messages, runs, batchSizes: [1, 64, 512] }));
await hf.close();

log('fastText');
const benchTexts = Array.from({ length: messages }, (_, i) => texts[i % texts.length]!);
const fasttext = benchFastText(train, validation, test, benchTexts, runs);

let pipeline: BenchResults['pipeline'] = null;
let startedBroker = false;
if (!values['skip-pipeline']) {
  let brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    const out = execFileSync('bash', [path.join(root, 'scripts/kafka/kafka.sh'), 'start'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    brokers = /KAFKA_BROKERS=(\S+)/.exec(out)![1]!;
    startedBroker = true;
  }
  try {
    const options = { repoRoot: root, brokers: brokers.split(','), texts };
    const backlog = quick ? 20_000 : 200_000;
    const one: number[] = [];
    const two: number[] = [];
    const ceiling: number[] = [];
    const pipelineRuns = quick ? 1 : 2;
    for (let run = 0; run < pipelineRuns; run++) {
      log(`pipeline run ${run + 1}: one worker`);
      one.push(await drainBacklog(options, backlog, 1));
      log(`pipeline run ${run + 1}: two workers`);
      two.push(await drainBacklog(options, backlog, 2));
      log(`pipeline run ${run + 1}: pass-through ceiling`);
      ceiling.push(await passThroughCeiling(options, backlog));
    }
    log('steady rate latency');
    const steady = await steadyLatency(options, 2000, quick ? 10 : 30, 2);
    pipeline = {
      messages: backlog,
      one_worker: summarise(one),
      two_workers: summarise(two),
      ceiling: summarise(ceiling),
      steady,
    };
  } finally {
    if (startedBroker)
      execFileSync('bash', [path.join(root, 'scripts/kafka/kafka.sh'), 'stop'], { stdio: 'inherit' });
  }
}

log('store');
const store = await benchQueuePages(quick ? 100_000 : 1_000_000, 50, 500);

const ours512 = classifiers[0]!.throughput['512']!.median;
const targets: BenchResults['targets'] = [];
if (fasttext) {
  targets.push({
    target: 'default model at batch 512 >= 0.5 x fastText prediction throughput (one core)',
    value: `${Math.round(ours512)} vs ${Math.round(fasttext.throughput.median)} msg/s (${(ours512 / fasttext.throughput.median).toFixed(3)}x)`,
    met: ours512 >= 0.5 * fasttext.throughput.median,
    why: 'feature extraction in JavaScript dominates (normalisation, cue and indicator matching, ~300 hashed n-grams per message); fastText is C++ over whitespace tokens. See the profile note in the README.',
  });
}
if (pipeline) {
  const share = pipeline.two_workers.median / pipeline.ceiling.median;
  targets.push({
    target: 'pipeline throughput >= 70% of the pass-through ceiling',
    value: `${(100 * share).toFixed(1)}% (two workers)`,
    met: share >= 0.7,
    why: 'classification is CPU-bound at the per-core rate above; the ceiling moves bytes only',
  });
  const scale = pipeline.two_workers.median / pipeline.one_worker.median;
  targets.push({
    target: 'two workers >= 1.6 x one worker',
    value: `${scale.toFixed(2)}x`,
    met: scale >= 1.6,
    why: 'the machine has 2 cores shared with the broker and the bench itself',
  });
  targets.push({
    target: 'p99 ingest-to-label latency < 200 ms at 2,000 msg/s',
    value: `${Math.round(pipeline.steady.p99)} ms`,
    met: pipeline.steady.p99 < 200 && pipeline.steady.received === pipeline.steady.sent,
    why:
      pipeline.steady.received < pipeline.steady.sent
        ? 'the workers did not keep up with the offered rate'
        : 'batching and transaction commit per batch add latency',
  });
}
targets.push({
  target: 'review queue page p99 < 100 ms with 1,000,000 rows',
  value: `${store.p99_ms.toFixed(2)} ms (${store.rows.toLocaleString('en-US')} rows)`,
  met: store.p99_ms < 100 && store.rows >= 1_000_000,
  why: store.rows < 1_000_000 ? 'quick run' : 'see query plan',
});

const results: BenchResults = {
  machine: machineInfo(root),
  started_at: startedAt.toISOString(),
  duration_s: (Date.now() - startedAt.getTime()) / 1000,
  classifiers,
  fasttext,
  ours_macro_f1: oursMacroF1,
  pipeline,
  store,
  targets,
};
const out = quick ? path.join(root, '.data/bench-quick') : path.join(root, 'bench');
execFileSync('mkdir', ['-p', out]);
writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(out, 'RESULTS.md'), renderResults(results));
process.stdout.write(renderResults(results));
