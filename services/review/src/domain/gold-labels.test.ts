import { describe, expect, it } from 'vitest';
import { DecisionRuleError, goldLabels } from './gold-labels.ts';

describe('goldLabels', () => {
  it('confirm keeps the model labels, reject clears them, relabel sets any subset in canonical order', () => {
    expect(goldLabels('confirm', ['drugs', 'fraud'], undefined, false)).toEqual(['fraud', 'drugs']);
    expect(goldLabels('reject', ['fraud'], undefined, false)).toEqual([]);
    expect(goldLabels('relabel', ['fraud'], ['terrorism', 'fraud'], false)).toEqual(['fraud', 'terrorism']);
    expect(goldLabels('relabel', ['fraud'], [], true)).toEqual([]);
  });

  it('refuses labels without relabel, relabel without labels, and anything but relabel when blind', () => {
    expect(() => goldLabels('confirm', [], ['fraud'], false)).toThrow(DecisionRuleError);
    expect(() => goldLabels('relabel', [], undefined, false)).toThrow(/needs "labels"/);
    expect(() => goldLabels('confirm', [], undefined, true)).toThrow(/blind/);
  });
});
