/** `tgrisk eval` as a user runs it: the real CLI, the shipped models, a small labelled set on disk. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValid, RISK_LABELS, schemaIssues } from '@tg-risk/schemas';
import { runTgrisk, tempDir } from '../../../tests/helpers.ts';

const EXAMPLES = [
  {
    text: 'Guaranteed 30% daily profit! Send USDT to our wallet and double it in 24h',
    labels: ['fraud'],
    lang: 'en',
  },
  {
    text: 'Crypto recovery agent: we return your lost funds, pay the fee first',
    labels: ['fraud'],
    lang: 'en',
  },
  {
    text: 'Fresh menu: weed 3.5g $40, carts, shrooms, stealth shipping, DM to order',
    labels: ['drugs'],
    lang: 'en',
  },
  { text: 'Закладки мефедрон и соль, оплата в BTC, пишите в бот', labels: ['drugs'], lang: 'ru' },
  {
    text: 'Join the brothers, we need fighters and donations for the operation, weapons provided',
    labels: ['terrorism'],
    lang: 'en',
  },
  { text: 'Police warn about investment scams promising daily returns', labels: [], lang: 'en' },
  { text: 'Our bakery opens at 8 tomorrow, fresh croissants', labels: [], lang: 'en' },
  { text: 'Погода на выходные: солнечно, до +25', labels: [], lang: 'ru' },
  { text: 'Удвоим ваши деньги за сутки, гарантия 100%, переводите на карту', labels: ['fraud'], lang: 'ru' },
  { text: 'New study on addiction treatment published today', labels: [] },
  {
    text: 'Selling cocaine and MDMA pills, fast delivery in the city, crypto only',
    labels: ['drugs'],
    lang: 'en',
    id: 11,
  },
  { text: 'Football match tonight at 9, see you at the bar', labels: [], lang: 'en', channel_id: '1234' },
];
const GOOD = EXAMPLES.map((e) => JSON.stringify(e));

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('tgrisk-eval-'));
});
afterAll(() => cleanup());

function writeSet(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('tgrisk eval', () => {
  it('prints one eval-report.v1 object with --json, byte-identical across runs, and the same in --out', async () => {
    const file = writeSet('set.jsonl', GOOD);
    const out = path.join(dir, 'report.json');
    const first = await runTgrisk(['eval', file, '--json', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(schemaIssues('eval-report.v1', report)).toEqual([]);
    expect(report).toMatchObject({
      examples: GOOD.length,
      input: { file, lines: GOOD.length, bad_lines: 0 },
      model: expect.stringMatching(/^tgrisk-risk@/) as unknown,
    });
    const labels = report.labels as Record<string, Record<string, unknown>>;
    for (const l of RISK_LABELS) {
      expect(Object.keys(labels[l]!)).toEqual([
        'precision',
        'recall',
        'f1',
        'support',
        'pr_auc',
        'confusion',
      ]);
    }
    expect(labels.fraud!.support).toBe(3);
    expect(Object.keys(report.by_lang as object)).toEqual(['en', 'ru', 'unknown']);
    expect(Object.keys(report.f1_interval as object)).toEqual([...RISK_LABELS, 'macro', 'micro']);
    expect(readFileSync(out, 'utf8')).toBe(first.stdout);

    const second = await runTgrisk(['eval', file, '--json']);
    expect(second.stdout).toBe(first.stdout);
  });

  it('prints a readable table without --json', async () => {
    const file = writeSet('table.jsonl', GOOD);
    const result = await runTgrisk(['eval', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^label +precision +recall +F1 +F1 95% CI +support +PR-AUC +ECE$/m);
    for (const row of [...RISK_LABELS, 'macro', 'micro', 'en', 'ru'])
      expect(result.stdout).toMatch(new RegExp(`^${row} `, 'm'));
  });

  it('stops on bad lines, naming each line number and the problem, and says how to go on', async () => {
    const file = writeSet('bad.jsonl', [
      GOOD[0]!,
      GOOD[1]!,
      '{"text": "no labels"}',
      GOOD[2]!,
      '{"text": "x", "labels": ["spam"]}',
      'not json at all',
    ]);
    const result = await runTgrisk(['eval', file, '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `${file}:3: not an eval-example.v1: (line) is missing required field "labels"`,
    );
    expect(result.stderr).toContain(`${file}:5: not an eval-example.v1: /labels/0 must be one of`);
    expect(result.stderr).toContain(`${file}:6: not JSON`);
    expect(result.stderr).toMatch(/3 of 6 lines in .* are not eval-example\.v1.*--skip-bad/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists at most 20 bad lines', async () => {
    const file = writeSet('many-bad.jsonl', [GOOD[0]!, ...Array.from({ length: 25 }, () => '{')]);
    const result = await runTgrisk(['eval', file]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l.startsWith(`${file}:`))).toHaveLength(20);
    expect(result.stderr).toMatch(/25 of 26 lines .*the first 20 are listed above/);
  });

  it('evaluates the good lines with --skip-bad and reports how many were skipped', async () => {
    const file = writeSet('skip.jsonl', [...GOOD, '{"text": 1, "labels": []}', '']);
    const result = await runTgrisk(['eval', file, '--skip-bad', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `${file}:${GOOD.length + 1}: not an eval-example.v1: /text must be string`,
    );
    expect(result.stderr).toMatch(/skipped 1 bad lines of 13/);
    const report = JSON.parse(result.stdout) as {
      examples: number;
      input: { bad_lines: number; lines: number };
    };
    expect(isValid('eval-report.v1', report)).toBe(true);
    expect(report.examples).toBe(GOOD.length);
    expect(report.input).toMatchObject({ lines: GOOD.length + 1, bad_lines: 1 });
  });

  it('fails with a usage error without FILE and names a missing file', async () => {
    const none = await runTgrisk(['eval']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/eval takes one FILE/);
    const missing = path.join(dir, 'nope.jsonl');
    const result = await runTgrisk(['eval', missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot read ${missing} (ENOENT)`);
  });
});

describe('tgrisk eval --compare', () => {
  it('compares models/tgrisk-risk with models/tgrisk-bag-hf: eval-compare.v1 with paired tests and a verdict', async () => {
    const file = writeSet('compare.jsonl', GOOD);
    const args = ['eval', file, '--compare', 'models/tgrisk-risk', 'models/tgrisk-bag-hf', '--json'];
    const result = await runTgrisk(args);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout) as Record<string, unknown> & {
      labels: Record<
        string,
        { mcnemar: { p_value: number }; verdict: string; interval: { low: number; high: number } }
      >;
      verdict: string;
    };
    expect(schemaIssues('eval-compare.v1', report)).toEqual([]);
    expect(report).toMatchObject({
      model_a: { dir: 'models/tgrisk-risk', model: expect.stringMatching(/^tgrisk-risk@/) as unknown },
      model_b: { dir: 'models/tgrisk-bag-hf', model: expect.stringMatching(/^tgrisk-bag-hf@/) as unknown },
      examples: GOOD.length,
      alpha: 0.05,
    });
    for (const l of RISK_LABELS) {
      expect(report.labels[l]!.mcnemar.p_value).toBeGreaterThan(0);
      expect(report.labels[l]!.interval.low).toBeLessThanOrEqual(report.labels[l]!.interval.high);
      expect(report.labels[l]!.verdict).toMatch(/real difference/);
    }
    expect(report.verdict).toMatch(/real at alpha 0\.05|No real difference in macro-F1 at alpha 0\.05/);
    expect((await runTgrisk(args)).stdout).toBe(result.stdout);

    const table = await runTgrisk(args.slice(0, -1));
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^Verdict at alpha 0\.05: /m);
    expect(table.stdout).toMatch(/only A right +only B right +McNemar p/);
  });

  it('refuses --compare with one directory or together with --model', async () => {
    const file = writeSet('compare-usage.jsonl', GOOD);
    const one = await runTgrisk(['eval', file, '--compare', 'models/tgrisk-risk']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--compare needs two model directories/);
    const both = await runTgrisk([
      'eval',
      file,
      '--model',
      'x',
      '--compare',
      'models/tgrisk-risk',
      'models/tgrisk-bag-hf',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--model and --compare exclude each other/);
  });
});
