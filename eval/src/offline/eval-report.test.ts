import { describe, expect, it } from 'vitest';
import { isValid, RISK_LABELS } from '@tg-risk/schemas';
import { buildEvalReport, roundNumbers } from './eval-report.ts';
import { renderEvalTable } from './eval-table.ts';
import { reportFromScores } from './evaluate-classifier.ts';
import { randomScoredSet, scoredExample } from './test-fixtures.ts';

const input = { file: 'set.jsonl', sha256: 'a'.repeat(64), lines: 6, badLines: 1 };

describe('buildEvalReport', () => {
  it('builds a valid eval-report.v1 with the hand-computed metrics of a small set', () => {
    // fraud: TP, FP, FN, TN -> P = R = F1 = 1/2; drugs: one TP -> 1; terrorism: nothing -> 0.
    const scored = [
      scoredExample(['fraud'], ['fraud'], 'en'),
      scoredExample([], ['fraud'], 'en'),
      scoredExample(['fraud'], [], 'ru'),
      scoredExample([], [], 'ru'),
      scoredExample(['drugs'], ['drugs']),
    ];
    const report = buildEvalReport(reportFromScores('m@1', scored, { replicates: 50, seed: 1 }), input);
    expect(isValid('eval-report.v1', report)).toBe(true);
    expect(report.labels.fraud).toEqual({
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      support: 2,
      // Ranked by score, ties with negatives first: neg, POS (0.9); neg, neg, POS (0.1).
      // AP = (1/2 + 2/5) / 2 = 0.45.
      pr_auc: 0.45,
      confusion: { tp: 1, fp: 1, fn: 1, tn: 2 },
    });
    expect(report.labels.drugs.f1).toBe(1);
    expect(report.labels.terrorism).toMatchObject({ f1: 0, support: 0, pr_auc: 0 });
    expect(report.macro_f1).toBe(0.5); // (0.5 + 1 + 0) / 3
    expect(report.micro_f1).toBe(0.6667); // tp 2, fp 1, fn 1
    expect(Object.keys(report.by_lang)).toEqual(['en', 'ru', 'unknown']);
    expect(report.by_lang.unknown!.examples).toBe(1);
    expect(report.model).toBe('m@1');
    expect(report.examples).toBe(5);
    expect(report.input).toEqual({ file: 'set.jsonl', sha256: 'a'.repeat(64), lines: 6, bad_lines: 1 });
    expect(report.bootstrap).toEqual({ replicates: 50, seed: 1, level: 0.95 });
    expect(report.calibration.fraud.bins).toHaveLength(10);
  });

  it('rounds every number to 4 decimals and prints the same bytes for the same input', () => {
    const scored = randomScoredSet(200, 5);
    const once = JSON.stringify(buildEvalReport(reportFromScores('m@1', scored), input));
    expect(JSON.stringify(buildEvalReport(reportFromScores('m@1', scored), input))).toBe(once);
    for (const n of once.match(/-?\d+\.\d+/g) ?? []) expect(n.split('.')[1]!.length).toBeLessThanOrEqual(4);
    expect(Object.keys(JSON.parse(once) as object)).toEqual([
      'schema',
      'labels',
      'macro_f1',
      'micro_f1',
      'by_lang',
      'calibration',
      'f1_interval',
      'model',
      'examples',
      'bootstrap',
      'input',
    ]);
  });

  it('rounds nested values and leaves other types alone', () => {
    expect(roundNumbers({ a: [0.123456, 'x', null, true], b: { c: 2 / 3 } })).toEqual({
      a: [0.1235, 'x', null, true],
      b: { c: 0.6667 },
    });
  });
});

describe('renderEvalTable', () => {
  it('shows every label, macro and micro with intervals, the languages and the ECE', () => {
    const report = buildEvalReport(
      reportFromScores('m@1', randomScoredSet(60, 1), { replicates: 20, seed: 1 }),
      input,
    );
    const table = renderEvalTable(report);
    for (const l of RISK_LABELS)
      expect(table).toMatch(new RegExp(`^${l} .*${report.labels[l].f1.toFixed(4)}`, 'm'));
    expect(table).toMatch(/^macro .*\d\.\d{4}-\d\.\d{4}/m);
    expect(table).toMatch(/^micro /m);
    expect(table).toMatch(/^en /m);
    expect(table).toMatch(/ECE/);
    expect(table).toMatch(/1 bad lines skipped/);
  });
});
