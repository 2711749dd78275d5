import { describe, expect, it } from 'vitest';
import { isValid, RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';
import { randomScoredSet, scoredExample } from '../offline/test-fixtures.ts';
import { compareModels } from './compare-models.ts';
import { renderCompareTable } from './compare-table.ts';

const input = { file: 'set.jsonl', sha256: 'b'.repeat(64), lines: 40, badLines: 0 };
const options = { alpha: 0.05, bootstrap: { replicates: 500, seed: 7, level: 0.95 } };
const fraud: RiskLabel[] = ['fraud'];

describe('compareModels', () => {
  it('finds a real difference when B fixes most of A’s fraud errors, and says so in words', () => {
    // 40 examples, 20 with fraud. A misses 10 of them; B misses 1 and also fixes nothing else.
    const gold = Array.from({ length: 40 }, (_, i) => (i < 20 ? fraud : []));
    const a = gold.map((g, i) => scoredExample(g, i < 10 ? [] : g));
    const b = gold.map((g, i) => scoredExample(g, i < 1 ? [] : g));
    const report = compareModels(
      { dir: 'dirA', model: 'a@1', scored: a },
      { dir: 'dirB', model: 'b@1', scored: b },
      input,
      options,
    );
    expect(isValid('eval-compare.v1', report)).toBe(true);
    // McNemar: 9 examples only B got right, none only A -> p = 2 / 2^9.
    expect(report.labels.fraud.mcnemar).toEqual({
      a_right_b_wrong: 0,
      a_wrong_b_right: 9,
      p_value: 0.0039,
      significant: true,
    });
    // F1: A = 2*1*0.5/1.5 = 0.6667, B = 2*1*(19/20)/(1 + 19/20) = 0.9744.
    expect(report.labels.fraud).toMatchObject({
      f1_a: 0.6667,
      f1_b: 0.9744,
      difference: 0.3077,
      significant: true,
    });
    expect(report.labels.fraud.interval.low).toBeGreaterThan(0);
    expect(report.labels.fraud.verdict).toMatch(/real difference at alpha 0\.05; B \(b@1\) is better/);
    expect(report.labels.drugs).toMatchObject({ difference: 0, p_value: 1, significant: false });
    expect(report.labels.drugs.verdict).toMatch(/no real difference/);
    expect(report.verdict).toMatch(/^B \(b@1\) is better than A \(a@1\) in macro-F1 by 0\.1026/);
    expect(report.exact_match).toMatchObject({ accuracy_a: 0.75, accuracy_b: 0.975 });
    expect(report.model_a).toEqual({ dir: 'dirA', model: 'a@1' });
  });

  it('says there is no real difference for two similar random models, deterministically', () => {
    const a = randomScoredSet(150, 1);
    const b = a.map((e, i) => (i % 50 === 0 ? { ...e, predicted: e.gold } : e));
    const once = compareModels(
      { dir: 'x', model: 'a@1', scored: a },
      { dir: 'y', model: 'b@1', scored: b },
      input,
      options,
    );
    expect(once.macro_f1.significant).toBe(false);
    expect(once.verdict).toMatch(/^No real difference in macro-F1 at alpha 0\.05/);
    const again = compareModels(
      { dir: 'x', model: 'a@1', scored: a },
      { dir: 'y', model: 'b@1', scored: b },
      input,
      options,
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
  });

  it('refuses sets that are not the same examples', () => {
    expect(() =>
      compareModels(
        { dir: 'x', model: 'a@1', scored: randomScoredSet(3, 1) },
        { dir: 'y', model: 'b@1', scored: randomScoredSet(4, 1) },
        input,
        options,
      ),
    ).toThrow(/same non-empty set/);
  });
});

describe('renderCompareTable', () => {
  it('lists every label, macro and micro, the McNemar counts and the verdicts', () => {
    const a = randomScoredSet(80, 2);
    const b = randomScoredSet(80, 3);
    const report = compareModels(
      { dir: 'x', model: 'a@1', scored: a },
      { dir: 'y', model: 'b@1', scored: b },
      input,
      options,
    );
    const table = renderCompareTable(report);
    for (const l of RISK_LABELS) {
      expect(table).toMatch(
        new RegExp(
          `^${l} .* ${report.labels[l].mcnemar.a_right_b_wrong} +${report.labels[l].mcnemar.a_wrong_b_right} `,
          'm',
        ),
      );
    }
    expect(table).toMatch(/^macro /m);
    expect(table).toContain(`Verdict at alpha 0.05: ${report.verdict}`);
  });
});
