/** Comparing two models on the same labelled set: paired bootstrap, McNemar, verdicts. */
export { compareModels, type ComparedModel, type CompareOptions } from './compare-models.ts';
export { renderCompareTable } from './compare-table.ts';
export {
  mcnemarExact,
  mcnemarFromCorrectness,
  binomialHalfLowerTail,
  type McNemarResult,
} from './mcnemar.ts';
export { pairedF1Bootstrap, pairedBootstrapPValue, type PairedDifference } from './paired-bootstrap.ts';
