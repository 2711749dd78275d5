/**
 * Validators compiled from the JSON Schemas in `schemas/json`: the one place the pipeline checks a
 * record at a boundary. A rejection names the schema, the JSON pointer of the offending field and
 * what was wrong, so the message is useful without a stack trace.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import messageSchema from '../json/message.v1.json' with { type: 'json' };
import labelSchema from '../json/label.v1.json' with { type: 'json' };
import deadLetterSchema from '../json/dead-letter.v1.json' with { type: 'json' };
import classifyInputSchema from '../json/classify-input.v1.json' with { type: 'json' };
import classifyErrorSchema from '../json/classify-error.v1.json' with { type: 'json' };
import configSchema from '../json/config.v1.json' with { type: 'json' };
import evalExampleSchema from '../json/eval-example.v1.json' with { type: 'json' };
import evalReportSchema from '../json/eval-report.v1.json' with { type: 'json' };
import evalCompareSchema from '../json/eval-compare.v1.json' with { type: 'json' };
import estimateInputSchema from '../json/estimate-input.v1.json' with { type: 'json' };
import estimateReportSchema from '../json/estimate-report.v1.json' with { type: 'json' };
import channelGoldSchema from '../json/channel-gold.v1.json' with { type: 'json' };
import reviewStrataSchema from '../json/review-strata.v1.json' with { type: 'json' };
import runManifestSchema from '../json/run-manifest.v1.json' with { type: 'json' };
import channelSchema from '../json/channel.v1.json' with { type: 'json' };
import reviewLoginSchema from '../json/review-login.v1.json' with { type: 'json' };
import reviewUserSchema from '../json/review-user.v1.json' with { type: 'json' };
import reviewUserUpdateSchema from '../json/review-user-update.v1.json' with { type: 'json' };
import reviewSettingsSchema from '../json/review-settings.v1.json' with { type: 'json' };
import reviewItemSchema from '../json/review-item.v1.json' with { type: 'json' };
import reviewDecisionSchema from '../json/review-decision.v1.json' with { type: 'json' };
import reviewSampleRequestSchema from '../json/review-sample-request.v1.json' with { type: 'json' };
import labelCorrectionSchema from '../json/label-correction.v1.json' with { type: 'json' };
import modelThresholdsSchema from '../json/model-thresholds.v1.json' with { type: 'json' };
import type {
  ChannelGoldV1,
  ChannelV1,
  ClassifyErrorV1,
  ClassifyInputV1,
  ConfigV1,
  DeadLetterV1,
  EstimateInputV1,
  EstimateReportV1,
  EvalCompareV1,
  EvalExampleV1,
  EvalReportV1,
  LabelCorrectionV1,
  LabelV1,
  MessageV1,
  ModelThresholdsV1,
  ReviewDecisionV1,
  ReviewItemV1,
  ReviewLoginV1,
  ReviewSampleRequestV1,
  ReviewSettingsV1,
  ReviewStrataV1,
  ReviewUserUpdateV1,
  ReviewUserV1,
  RunManifestV1,
} from '../generated/index.ts';

/** Every schema this package validates, by wire name. */
export interface SchemaTypes {
  'message.v1': MessageV1;
  'label.v1': LabelV1;
  'dead-letter.v1': DeadLetterV1;
  'classify-input.v1': ClassifyInputV1;
  'classify-error.v1': ClassifyErrorV1;
  'config.v1': ConfigV1;
  'eval-example.v1': EvalExampleV1;
  'eval-report.v1': EvalReportV1;
  'eval-compare.v1': EvalCompareV1;
  'estimate-input.v1': EstimateInputV1;
  'estimate-report.v1': EstimateReportV1;
  'channel-gold.v1': ChannelGoldV1;
  'review-strata.v1': ReviewStrataV1;
  'run-manifest.v1': RunManifestV1;
  'channel.v1': ChannelV1;
  'review-login.v1': ReviewLoginV1;
  'review-user.v1': ReviewUserV1;
  'review-user-update.v1': ReviewUserUpdateV1;
  'review-settings.v1': ReviewSettingsV1;
  'review-item.v1': ReviewItemV1;
  'review-decision.v1': ReviewDecisionV1;
  'review-sample-request.v1': ReviewSampleRequestV1;
  'label-correction.v1': LabelCorrectionV1;
  'model-thresholds.v1': ModelThresholdsV1;
}
export type SchemaName = keyof SchemaTypes;

/** One field-level problem found by a validator. */
export interface SchemaIssue {
  /** JSON pointer of the offending value, '' for the record itself. */
  path: string;
  message: string;
}

/** A record that does not match its schema. `issues` lists every problem found. */
export class SchemaValidationError extends Error {
  readonly code = 'SCHEMA_INVALID';
  constructor(
    readonly schema: SchemaName,
    readonly issues: SchemaIssue[],
  ) {
    super(`${schema}: ${issues.map((i) => `${i.path || '(record)'} ${i.message}`).join('; ')}`);
    this.name = 'SchemaValidationError';
  }
}

// ajv-formats is CommonJS; under ESM its default export may be wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

function buildValidators(): { [K in SchemaName]: ValidateFunction<SchemaTypes[K]> } {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return {
    'message.v1': ajv.compile<MessageV1>(messageSchema),
    'label.v1': ajv.compile<LabelV1>(labelSchema),
    'dead-letter.v1': ajv.compile<DeadLetterV1>(deadLetterSchema),
    'classify-input.v1': ajv.compile<ClassifyInputV1>(classifyInputSchema),
    'classify-error.v1': ajv.compile<ClassifyErrorV1>(classifyErrorSchema),
    'config.v1': ajv.compile<ConfigV1>(configSchema),
    'eval-example.v1': ajv.compile<EvalExampleV1>(evalExampleSchema),
    'eval-report.v1': ajv.compile<EvalReportV1>(evalReportSchema),
    'eval-compare.v1': ajv.compile<EvalCompareV1>(evalCompareSchema),
    'estimate-input.v1': ajv.compile<EstimateInputV1>(estimateInputSchema),
    'estimate-report.v1': ajv.compile<EstimateReportV1>(estimateReportSchema),
    'channel-gold.v1': ajv.compile<ChannelGoldV1>(channelGoldSchema),
    'review-strata.v1': ajv.compile<ReviewStrataV1>(reviewStrataSchema),
    'run-manifest.v1': ajv.compile<RunManifestV1>(runManifestSchema),
    'channel.v1': ajv.compile<ChannelV1>(channelSchema),
    'review-login.v1': ajv.compile<ReviewLoginV1>(reviewLoginSchema),
    'review-user.v1': ajv.compile<ReviewUserV1>(reviewUserSchema),
    'review-user-update.v1': ajv.compile<ReviewUserUpdateV1>(reviewUserUpdateSchema),
    'review-settings.v1': ajv.compile<ReviewSettingsV1>(reviewSettingsSchema),
    'review-item.v1': ajv.compile<ReviewItemV1>(reviewItemSchema),
    'review-decision.v1': ajv.compile<ReviewDecisionV1>(reviewDecisionSchema),
    'review-sample-request.v1': ajv.compile<ReviewSampleRequestV1>(reviewSampleRequestSchema),
    'label-correction.v1': ajv.compile<LabelCorrectionV1>(labelCorrectionSchema),
    'model-thresholds.v1': ajv.compile<ModelThresholdsV1>(modelThresholdsSchema),
  };
}

let compiled: ReturnType<typeof buildValidators> | undefined;
// Compiled lazily and kept: compiling is pure and deterministic, so sharing it hides no state.
function validators(): ReturnType<typeof buildValidators> {
  compiled ??= buildValidators();
  return compiled;
}

function describe(error: ErrorObject): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties')
    message = `has unknown field "${String(params.additionalProperty)}"`;
  else if (error.keyword === 'required')
    message = `is missing required field "${String(params.missingProperty)}"`;
  else if (error.keyword === 'enum') message = `must be one of ${JSON.stringify(params.allowedValues)}`;
  else if (error.keyword === 'const') message = `must be ${JSON.stringify(params.allowedValue)}`;
  return { path: error.instancePath, message };
}

/** Lists the problems of `value` against schema `name`; empty when it is valid. */
export function schemaIssues(name: SchemaName, value: unknown): SchemaIssue[] {
  const validate = validators()[name];
  if (validate(value)) return [];
  // oneOf failures repeat every branch's complaint; keep one line per path and message.
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const error of validate.errors ?? []) {
    const issue = describe(error);
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

/** The JSON Schema document of `name`, e.g. for an OpenAPI description of an API body. */
export function schemaDocument(name: SchemaName): object {
  return validators()[name].schema as object;
}

/** Type guard: true when `value` matches schema `name`. */
export function isValid<K extends SchemaName>(name: K, value: unknown): value is SchemaTypes[K] {
  return validators()[name](value);
}

/** Returns `value` typed as schema `name`, or throws SchemaValidationError naming each bad field. */
export function assertValid<K extends SchemaName>(name: K, value: unknown): SchemaTypes[K] {
  const issues = schemaIssues(name, value);
  if (issues.length > 0) throw new SchemaValidationError(name, issues);
  return value as SchemaTypes[K];
}
