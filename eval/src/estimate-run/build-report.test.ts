import { isValid } from '@tg-risk/schemas';
import { mulberry32, shuffledIndices } from '@tg-risk/core';
import { describe, expect, it } from 'vitest';
import { buildEstimateReport } from './build-report.ts';
import type { ChannelGold } from './records.ts';
import { serializeReport } from './report-json.ts';
import { FIXTURE_SETTINGS, inputsFor, messagesFor, type ChannelSpec } from './testing-fixtures.ts';

/** 40 channels: 10 violate (fraud or drugs), 30 are clean but the big ones have a false flag. */
function population(): { specs: ChannelSpec[]; gold: Map<string, ChannelGold> } {
  const specs: ChannelSpec[] = [];
  const gold = new Map<string, ChannelGold>();
  for (let i = 0; i < 40; i++) {
    const id = String(1000 + i);
    if (i < 10) {
      specs.push({ id, messages: 20, ...(i % 2 === 0 ? { fraud: 3 } : { drugs: 2 }) });
      if (i < 6) gold.set(id, { violating: true, labels: [i % 2 === 0 ? 'fraud' : 'drugs'] });
    } else {
      const big = i >= 30;
      specs.push({ id, messages: big ? 100 : 10, ...(big ? { fraud: 1 } : {}) });
      if (i % 3 === 0) gold.set(id, { violating: false, labels: [] });
    }
  }
  return { specs, gold };
}

describe('buildEstimateReport', () => {
  it('builds a valid estimate-report.v1 with naive, corrected and stratified rates', () => {
    const { specs, gold } = population();
    const report = buildEstimateReport(inputsFor(messagesFor(specs), gold), FIXTURE_SETTINGS);
    expect(isValid('estimate-report.v1', report)).toBe(true);
    const any = report.targets.any;
    expect(any).toMatchObject({ channels: 40, flagged: 20 });
    expect(any.naive.rate).toBe(0.5);
    // the large clean channels have one false flag each: k=1 calls them violating
    expect(any.corrected).toMatchObject({ available: true, confusion: { tp: 6, fn: 0, tn: 6, fp: 4 } });
    expect(any.stratified.available).toBe(true);
    expect(report.options.rule_text).toMatch(/at least 1 of its messages/);
    expect(report.sensitivity.by_k.map((r) => r.rates.any.flagged)).toEqual([20, 10, 5, 0, 0]);
    expect(report.claim).toBeNull();
  });

  it('rounds every number to 6 decimals', () => {
    const { specs, gold } = population();
    const json = serializeReport(buildEstimateReport(inputsFor(messagesFor(specs), gold), FIXTURE_SETTINGS));
    for (const number of json.match(/-?\d+\.\d+/g) ?? [])
      expect(number.split('.')[1]!.length).toBeLessThanOrEqual(6);
  });

  it('gives the same bytes whatever the order of the input lines', () => {
    const { specs, gold } = population();
    const records = messagesFor(specs);
    const order = shuffledIndices(records.length, mulberry32(3));
    const shuffled = Array.from(order, (i) => records[i]!);
    const a = serializeReport(buildEstimateReport(inputsFor(records, gold), FIXTURE_SETTINGS));
    const b = serializeReport(
      buildEstimateReport(inputsFor(shuffled, new Map([...gold].reverse())), FIXTURE_SETTINGS),
    );
    expect(b).toBe(a);
  });

  it('adds the finite-population interval and the claim check when asked', () => {
    const { specs, gold } = population();
    const report = buildEstimateReport(inputsFor(messagesFor(specs), gold), {
      ...FIXTURE_SETTINGS,
      population: 9600,
      claim: 0.68,
    });
    expect(report.targets.any.naive.finite_population).toMatchObject({ population: 9600 });
    expect(report.claim).toMatchObject({ claimed_rate: 0.68, population: 9600, target: 'any' });
    expect(report.claim!.consistent_true_rates).toMatchObject({ method: 'lang_reiczigel' });
    expect(report.claim!.review_sample_size.at_claimed_rate).toBeGreaterThan(800);
  });

  it('explains what is missing without gold, and refuses a population smaller than the sample', () => {
    const { specs } = population();
    const report = buildEstimateReport(inputsFor(messagesFor(specs), null), FIXTURE_SETTINGS);
    expect(report.targets.any.corrected).toMatchObject({
      available: false,
      reason: expect.stringMatching(/--gold FILE/),
    });
    expect(report.targets.any.stratified).toMatchObject({ available: false });
    expect(report.sensitivity.false_alarm.source).toBe('none');
    expect(() =>
      buildEstimateReport(inputsFor(messagesFor(specs), null), { ...FIXTURE_SETTINGS, population: 10 }),
    ).toThrow(/--population 10 is smaller than the 40 channels/);
    expect(() => buildEstimateReport(inputsFor([], null), FIXTURE_SETTINGS)).toThrow(/no messages/);
  });
});
