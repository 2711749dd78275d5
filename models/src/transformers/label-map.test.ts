import { describe, expect, it } from 'vitest';
import { UsageError } from '@tg-risk/core';
import { assertValid } from '@tg-risk/schemas';
import { predictionFromLogits, resolveLabelMapping, type ResolveLabelMappingInput } from './label-map.ts';

const base: ResolveLabelMappingInput = {
  modelLabels: ['fraud', 'drugs', 'terrorism'],
  problemType: 'multi_label_classification',
  file: undefined,
  directoryName: 'my model',
  source: '/models/my model/tgrisk-labels.json',
};

const logit = (p: number): number => Math.log(p / (1 - p));

describe('resolveLabelMapping', () => {
  it('maps same-named labels to themselves when there is no file, with 0.5 thresholds', () => {
    const mapping = resolveLabelMapping(base);
    expect(mapping).toEqual({
      targets: ['fraud', 'drugs', 'terrorism'],
      thresholds: { fraud: 0.5, drugs: 0.5, terrorism: 0.5 },
      thresholdSet: 'my-model@config',
      multiLabel: true,
      model: 'my-model@local',
    });
  });

  it('renames and ignores labels, takes thresholds, name and version from the file', () => {
    const mapping = resolveLabelMapping({
      ...base,
      modelLabels: ['neutral', 'scam', 'phishing', 'narcotics'],
      problemType: undefined,
      file: {
        map: { neutral: null, scam: 'fraud', phishing: 'fraud', narcotics: 'drugs' },
        thresholds: { fraud: 0.7 },
        name: 'risk-bert',
        version: '1.2.0',
      },
    });
    expect(mapping.targets).toEqual([null, 'fraud', 'fraud', 'drugs']);
    expect(mapping.thresholds).toEqual({ fraud: 0.7, drugs: 0.5, terrorism: 0.5 });
    expect(mapping.multiLabel).toBe(false); // no problem_type: single-label softmax, as transformers.js does
    expect(mapping.model).toBe('risk-bert@1.2.0');
  });

  it('lets options replace the map and override thresholds (and says so in the set name)', () => {
    const mapping = resolveLabelMapping({
      ...base,
      file: { map: { fraud: 'fraud', drugs: 'drugs', terrorism: 'terrorism' }, thresholds: { drugs: 0.3 } },
      labelMap: { fraud: null, drugs: 'drugs', terrorism: null },
      thresholds: { fraud: 0.9 },
    });
    expect(mapping.targets).toEqual([null, 'drugs', null]);
    expect(mapping.thresholds).toEqual({ fraud: 0.9, drugs: 0.3, terrorism: 0.5 });
    expect(mapping.thresholdSet).toBe('my-model@custom');
  });

  it.each([
    [
      { map: { fraud: 'weapons', drugs: null, terrorism: null } },
      /"map"."fraud" must be fraud, drugs, terrorism or null/,
    ],
    [{ map: { fraud: 'fraud', drugs: null } }, /does not say what to do with model label\(s\) terrorism/],
    [
      { map: { fraud: 'fraud', drugs: null, terrorism: null, hate: null } },
      /label\(s\) the model does not have: hate/,
    ],
    [{ map: { fraud: null, drugs: null, terrorism: null } }, /sends every model label to null/],
    [{ thresholds: { fraud: 1.5 } }, /threshold for fraud must be a number in \[0, 1\]/],
    [{ thresholds: { spam: 0.5 } }, /threshold for unknown label "spam"/],
    [{ treshold: {} }, /unknown field\(s\) treshold/],
    [{ version: 'v 1' }, /"version" must use only/],
    [[], /must be a JSON object/],
    [null, /must be a JSON object/],
  ])('rejects a bad file %j with a UsageError naming the file', (file, message) => {
    const attempt = () => resolveLabelMapping({ ...base, file });
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow('/models/my model/tgrisk-labels.json');
  });

  it('asks for a label file when no model label is one of ours', () => {
    expect(() => resolveLabelMapping({ ...base, modelLabels: ['POSITIVE', 'NEGATIVE'] })).toThrow(
      /no tgrisk-labels.json and no model label is named fraud, drugs or terrorism \(model labels: POSITIVE, NEGATIVE\)/,
    );
  });
});

describe('predictionFromLogits', () => {
  it('applies a sigmoid per label for multi-label models and decides with >= threshold', () => {
    const mapping = resolveLabelMapping(base);
    const prediction = predictionFromLogits([logit(0.9), logit(0.5), logit(0.1)], mapping);
    expect(prediction.scores).toEqual({ fraud: 0.9, drugs: 0.5, terrorism: 0.1 });
    expect(prediction.labels).toEqual(['fraud', 'drugs']);
    expect(prediction.evidence).toEqual([]);
    expect(assertValid('label.v1', { schema: 'label.v1', ...prediction }).model).toBe('my-model@local');
  });

  it('applies softmax for single-label models and takes the max over labels mapped together', () => {
    const mapping = resolveLabelMapping({
      ...base,
      modelLabels: ['neutral', 'scam', 'phishing'],
      file: { map: { neutral: null, scam: 'fraud', phishing: 'fraud' }, multi_label: false },
    });
    const prediction = predictionFromLogits([Math.log(2), Math.log(5), Math.log(3)], mapping);
    expect(prediction.scores).toEqual({ fraud: 0.5, drugs: 0, terrorism: 0 });
    expect(prediction.labels).toEqual(['fraud']);
  });

  it('keeps scores in [0, 1] for extreme logits', () => {
    const mapping = resolveLabelMapping(base);
    const prediction = predictionFromLogits([1e6, -1e6, 0], mapping);
    expect(prediction.scores).toEqual({ fraud: 1, drugs: 0, terrorism: 0.5 });
  });
});
