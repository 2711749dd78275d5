/** `tgrisk estimate` beyond the statistics core: inputs, channel counts, the report and its renderings. */
export { runEstimate, parseEstimateOptions, type EstimateOptions, type EstimateRun } from './run-estimate.ts';
export { buildEstimateReport, type EstimateInputs, type EstimateSettings } from './build-report.ts';
export { ChannelTally, type TallyResult } from './channel-tally.ts';
export { parseRule, describeRule, ruleToken, type SimpleRule } from './rule-decisions.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderHtml } from './render-html.ts';
export { serializeReport, roundNumbers } from './report-json.ts';
export { thresholdVariants } from './sensitivity.ts';
export { TARGETS, LABELS, type Target, type MessageRecord, type ChannelGold } from './records.ts';
