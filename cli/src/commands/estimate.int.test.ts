/** `tgrisk estimate` and `tgrisk audit verify` as a user runs them: files in, reports and manifest out. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleLabel, sampleMessage } from '@tg-risk/core';
import { assertValid, type EstimateReportV1 } from '@tg-risk/schemas';
import { openSqliteStore } from '@tg-risk/store';
import { REPO_ROOT, runTgrisk, tempDir } from '../../../tests/helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function scratch(): string {
  const t = tempDir('tgrisk-estimate-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** 30 channels of 10 messages: channels 0–8 have 2 fraud messages, 9–11 one drugs, the rest none. */
function writeFixture(dir: string): { input: string; gold: string } {
  const lines: string[] = [];
  const gold: string[] = [];
  for (let c = 0; c < 30; c++) {
    const channel = String(5000 + c);
    for (let m = 1; m <= 10; m++) {
      const fraud = c < 9 && m <= 2;
      const drugs = c >= 9 && c < 12 && m === 1;
      const labels = [...(fraud ? ['fraud'] : []), ...(drugs ? ['drugs'] : [])];
      const scores = { fraud: fraud ? 0.93 : 0.04 + m / 1000, drugs: drugs ? 0.81 : 0.02, terrorism: 0.01 };
      lines.push(JSON.stringify({ channel_id: channel, id: m, labels, scores }));
    }
    // Channels 9–11 were flagged for one drugs message but reviewers found them clean.
    if (c % 2 === 0 || (c >= 9 && c < 12)) {
      gold.push(JSON.stringify({ channel_id: channel, violating: c < 9, labels: c < 9 ? ['fraud'] : [] }));
    }
  }
  const input = path.join(dir, 'input.jsonl');
  const goldFile = path.join(dir, 'gold.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  writeFileSync(goldFile, `${gold.join('\n')}\n`);
  return { input, gold: goldFile };
}

describe('tgrisk estimate', () => {
  it('--json prints exactly one valid estimate-report.v1 and writes the reports and the manifest', async () => {
    const dir = scratch();
    const { input, gold } = writeFixture(dir);
    const out = path.join(dir, 'out');
    const result = await runTgrisk(['estimate', '--input', input, '--gold', gold, '--json', '--out', out]);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(result.code).toBe(0);
    const report = assertValid('estimate-report.v1', JSON.parse(result.stdout)) as EstimateReportV1;
    expect(result.stdout.trim().split('\n').length).toBeGreaterThan(1); // one object, pretty-printed
    expect(report.targets.any).toMatchObject({ channels: 30, flagged: 12 });
    expect(report.targets.any.corrected).toMatchObject({
      available: true,
      confusion: { tp: 5, fn: 0, tn: 9, fp: 3 },
    });
    expect(readFileSync(path.join(out, 'report.json'), 'utf8')).toBe(result.stdout);
    for (const file of ['report.md', 'report.html', 'manifest.json'])
      expect(existsSync(path.join(out, file))).toBe(true);
    const manifest = assertValid(
      'run-manifest.v1',
      JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')),
    );
    expect(manifest.inputs.map((i) => i.role)).toEqual(['input', 'thresholds', 'metrics', 'gold']);
    expect(manifest.model_files.length).toBeGreaterThan(3);
    expect(manifest.argv).toEqual(['--input', input, '--gold', gold, '--json', '--out', out]);
  });

  it('gives a byte-identical report for the same inputs, and writes the default folder from the inputs hash', async () => {
    const dir = scratch();
    const { input, gold } = writeFixture(dir);
    const a = await runTgrisk([
      'estimate',
      '--input',
      input,
      '--gold',
      gold,
      '--json',
      '--out',
      path.join(dir, 'a'),
    ]);
    const b = await runTgrisk([
      'estimate',
      '--input',
      input,
      '--gold',
      gold,
      '--json',
      '--out',
      path.join(dir, 'b'),
    ]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    for (const file of ['report.json', 'report.md', 'report.html']) {
      expect(readFileSync(path.join(dir, 'b', file))).toEqual(readFileSync(path.join(dir, 'a', file)));
    }
    const text = await runTgrisk(['estimate', '--input', input, '--gold', gold]);
    expect(text.code).toBe(0);
    const folder = /verify:\s+tgrisk audit verify (\S+)manifest\.json/.exec(text.stdout)![1]!;
    expect(folder).toMatch(/^\.data\/reports\/estimate-[0-9a-f]{16}\/$/);
    cleanups.push(() => rmSync(path.join(REPO_ROOT, folder), { recursive: true, force: true }));
    expect(text.stdout).toMatch(/naive\s+40\.0%/);
    expect(text.stdout).toMatch(/corrected\s+\d/);
  });

  it('names every bad line by its number and writes nothing', async () => {
    const dir = scratch();
    const input = path.join(dir, 'bad.jsonl');
    writeFileSync(
      input,
      [
        '{"channel_id":"1","id":1,"labels":["fraud"]}',
        '{"channel_id":"1","id":2}',
        'not json',
        '',
        '{"channel_id":"1","id":3,"labels":["fraud"],"scores":{"fraud":1.5,"drugs":0,"terrorism":0}}',
        '{"channel_id":"1","id":1,"labels":[]}',
        '{"channel_id":"2","id":1,"labels":["weapons"]}',
      ].join('\n'),
    );
    const out = path.join(dir, 'out');
    const result = await runTgrisk(['estimate', '--input', input, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/input .*bad\.jsonl: 5 bad lines; fix or remove them/);
    expect(result.stderr).toMatch(/line 2: estimate-input\.v1: .*missing required field "labels"/);
    expect(result.stderr).toMatch(/line 3: not JSON/);
    expect(result.stderr).toMatch(/line 5: estimate-input\.v1: \/scores\/fraud must be <= 1/);
    expect(result.stderr).toMatch(/line 6: message id 1 appears twice in channel 1/);
    expect(result.stderr).toMatch(/line 7: estimate-input\.v1: \/labels\/0 must be one of/);
    expect(result.stderr).not.toMatch(/line [14]:/);
    expect(result.stderr).not.toMatch(/\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('checks a claim against the measured error profile, and needs --population for it', async () => {
    const dir = scratch();
    const { input, gold } = writeFixture(dir);
    const args = ['estimate', '--input', input, '--gold', gold, '--out', path.join(dir, 'o')];
    const result = await runTgrisk([
      ...args,
      '--json',
      '--claim',
      '0.68',
      '--population',
      '9600',
      '--margin',
      '0.05',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EstimateReportV1;
    expect(report.claim).toMatchObject({ claimed_rate: 0.68, population: 9600, target: 'any' });
    expect(report.claim!.consistent_true_rates).toMatchObject({ method: 'lang_reiczigel' });
    // Cochran: n0 = 1.96² · 0.68 · 0.32 / 0.05² = 334.4; with N = 9600: 323.2 -> 324
    expect(report.claim!.review_sample_size).toEqual({ margin: 0.05, at_claimed_rate: 324, worst_case: 370 });
    const text = await runTgrisk([...args, '--claim', '0.68', '--population', '9600']);
    expect(text.stdout).toMatch(/claim 68\.0% of 9600: true rates consistent with it \d+\.\d%–\d+\.\d%/);
    const missing = await runTgrisk([...args, '--claim', '0.68']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--claim needs --population N/);
    const percent = await runTgrisk([...args, '--claim', '68', '--population', '9600']);
    expect(percent.code).toBe(2);
    expect(percent.stderr).toMatch(/a share, not a percentage: 0\.68/);
  });

  it('applies the finite-population correction for a sample of a known population', async () => {
    const dir = scratch();
    const { input } = writeFixture(dir);
    const run = async (population: string) =>
      JSON.parse(
        (
          await runTgrisk([
            'estimate',
            '--input',
            input,
            '--json',
            '--out',
            path.join(dir, population),
            '--population',
            population,
          ])
        ).stdout,
      ) as EstimateReportV1;
    const sample = await run('60');
    const census = await run('30');
    const fpc = sample.targets.any.naive.finite_population!;
    expect(fpc.population).toBe(60);
    expect(fpc.upper - fpc.lower).toBeLessThan(
      sample.targets.any.naive.wilson.upper - sample.targets.any.naive.wilson.lower,
    );
    expect(fpc.effective_sample_size).toBeCloseTo((30 * 59) / 30, 6);
    expect(census.targets.any.naive.finite_population).toMatchObject({ lower: 0.4, upper: 0.4 });
    const small = await runTgrisk([
      'estimate',
      '--input',
      input,
      '--out',
      path.join(dir, 'x'),
      '--population',
      '10',
    ]);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/--population 10 is smaller than the 30 channels in the input/);
  });

  it('reads the SQLite store read-only with --db, and applies --rule', async () => {
    const dir = scratch();
    const db = path.join(dir, 'store.db');
    const store = openSqliteStore({ path: db });
    const items = [];
    for (let c = 1; c <= 4; c++) {
      for (let m = 1; m <= 5; m++) {
        const message = sampleMessage({ channel_id: String(7000 + c), message_id: m });
        items.push({ message, label: sampleLabel(message, m <= c - 1 ? ['drugs'] : []) });
      }
    }
    await store.saveLabelled(items);
    await store.close();
    const before = readFileSync(db);
    const result = await runTgrisk([
      'estimate',
      '--db',
      db,
      '--rule',
      'k=2',
      '--json',
      '--out',
      path.join(dir, 'o'),
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EstimateReportV1;
    expect(report.inputs.messages).toMatchObject({
      source: 'sqlite',
      hash_of: 'store_rows',
      messages: 20,
      channels: 4,
    });
    expect(report.options.rule).toEqual({ kind: 'min_flagged', k: 2 });
    expect(report.targets.drugs.flagged).toBe(2); // channels with 2 and 3 drugs messages
    expect(readFileSync(db)).toEqual(before);
    const viaEnv = await runTgrisk(['estimate', '--json', '--out', path.join(dir, 'p'), '--rule', 'k=2'], {
      env: { TGRISK_DB: db },
    });
    expect(viaEnv.stdout).toBe(result.stdout);
    const none = await runTgrisk([
      'estimate',
      '--db',
      path.join(dir, 'nope.db'),
      '--out',
      path.join(dir, 'q'),
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/nope\.db does not exist; run `tgrisk run` first/);
  });

  it('rejects a rule it cannot read with a usage error', async () => {
    const result = await runTgrisk(['estimate', '--input', 'x.jsonl', '--rule', 'k>2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--rule: rule "k>2" is not understood: write k=N/);
  });
});

describe('tgrisk audit verify', () => {
  it('says identical on an untouched manifest, and names what changed after one input byte changes', async () => {
    const dir = scratch();
    const { input, gold } = writeFixture(dir);
    const out = path.join(dir, 'out');
    expect((await runTgrisk(['estimate', '--input', input, '--gold', gold, '--out', out])).code).toBe(0);
    const manifest = path.join(out, 'manifest.json');

    const same = await runTgrisk(['audit', 'verify', manifest]);
    expect(same.code).toBe(0);
    expect(same.stdout.split('\n')[0]).toBe('identical');

    // One byte: channel 5029's first fraud score 0.041 -> 0.941. The line has labels, so the decision
    // stays; the score moves the threshold variants and the curves.
    const bytes = readFileSync(input);
    const at = bytes.indexOf('"fraud":0.041', bytes.indexOf('"channel_id":"5029"'));
    expect(at).toBeGreaterThan(0);
    bytes[at + '"fraud":0.'.length] = '9'.charCodeAt(0);
    writeFileSync(input, bytes);
    const changed = await runTgrisk(['audit', 'verify', manifest]);
    expect(changed.code).toBe(1);
    expect(changed.stdout.split('\n')[0]).toBe('not identical');
    expect(changed.stdout).toMatch(
      new RegExp(
        `changed input \\(messages\\) ${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: sha256 [0-9a-f]{12}… → [0-9a-f]{12}…`,
      ),
    );
    expect(changed.stdout).toMatch(/\/inputs\/messages\/sha256: "[0-9a-f]{64}" → "[0-9a-f]{64}"/);
    expect(changed.stdout).toMatch(/\/sensitivity\/by_threshold\/\d+\/rates\/any\/naive: [\d.]+ → [\d.]+/);
    expect(changed.stdout).toMatch(/1 input\(s\) and 0 model file\(s\) changed; \d+ number\(s\)/);

    const json = await runTgrisk(['audit', 'verify', manifest, '--json']);
    const result = JSON.parse(json.stdout) as { identical: boolean; inputChanges: Array<{ role: string }> };
    expect(result.identical).toBe(false);
    expect(result.inputChanges.map((c) => c.role)).toEqual(['input']);
  });

  it('notices an edited report.json, a missing input and a wrong usage', async () => {
    const dir = scratch();
    const { input, gold } = writeFixture(dir);
    const out = path.join(dir, 'out');
    await runTgrisk(['estimate', '--input', input, '--gold', gold, '--out', out]);
    const manifest = path.join(out, 'manifest.json');
    const reportFile = path.join(out, 'report.json');
    writeFileSync(reportFile, readFileSync(reportFile, 'utf8').replace('"flagged": 12', '"flagged": 13'));
    const edited = await runTgrisk(['audit', 'verify', manifest]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/report\.json is not the file the run wrote/);
    expect(edited.stdout).toMatch(/\/targets\/any\/flagged: 13 → 12/);

    rmSync(gold);
    const missing = await runTgrisk(['audit', 'verify', manifest]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/the re-run failed: gold file .*gold\.jsonl cannot be read/);
    expect(missing.stdout).toMatch(/changed input \(gold\) .*gold\.jsonl: sha256 [0-9a-f]{12}… → missing/);

    const usage = await runTgrisk(['audit', 'check', manifest]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: tgrisk audit verify MANIFEST/);
  });
});
