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
import type {
  ClassifyErrorV1,
  ClassifyInputV1,
  ConfigV1,
  DeadLetterV1,
  EvalExampleV1,
  LabelV1,
  MessageV1,
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
