/**
 * The base error of every tg-risk package. `code` is stable and machine-readable, `retriable` says
 * whether trying again can help (transient I/O) or not (bad input, programming errors), and
 * `context` says where it happened (topic, partition, channel, message id, file, line, ...).
 */
export interface ErrorContext {
  topic?: string;
  partition?: number;
  offset?: string;
  channelId?: string;
  messageId?: number;
  file?: string;
  index?: number;
  line?: number;
  [key: string]: string | number | boolean | undefined;
}

export interface TgRiskErrorOptions {
  retriable?: boolean;
  cause?: unknown;
  context?: ErrorContext;
}

/** Base error with a stable code, a retry hint and where it happened. */
export class TgRiskError extends Error {
  readonly code: string;
  readonly retriable: boolean;
  readonly context: ErrorContext;

  constructor(code: string, message: string, options: TgRiskErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TgRiskError';
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.context = options.context ?? {};
  }
}

/** Input that can never be processed as it is: dead-letter it or report it, never retry it. */
export class PoisonRecordError extends TgRiskError {
  constructor(code: string, message: string, options: Omit<TgRiskErrorOptions, 'retriable'> = {}) {
    super(code, message, { ...options, retriable: false });
    this.name = 'PoisonRecordError';
  }
}

/** A dependency (broker, store) that failed in a way worth retrying with backoff. */
export class TransientError extends TgRiskError {
  constructor(code: string, message: string, options: Omit<TgRiskErrorOptions, 'retriable'> = {}) {
    super(code, message, { ...options, retriable: true });
    this.name = 'TransientError';
  }
}

/** Bad configuration or command-line use: the user must change something. */
export class UsageError extends TgRiskError {
  constructor(message: string, options: Omit<TgRiskErrorOptions, 'retriable'> = {}) {
    super('USAGE', message, { ...options, retriable: false });
    this.name = 'UsageError';
  }
}

/**
 * True for errors that a retry may fix. Programming errors (TypeError, RangeError, ...) are never
 * retried: trying the same code again gives the same bug (kafkajs's retrier does the same).
 */
export function isRetriable(error: unknown): boolean {
  if (error instanceof TgRiskError) return error.retriable;
  if (error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError) return false;
  if (error instanceof ReferenceError) return false;
  return true;
}

/** A one-line description of any thrown value, for logs and dead letters. Never includes a stack. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof TgRiskError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: codeFromName(error.name), message: error.message };
  return { code: 'UNKNOWN', message: String(error) };
}

function codeFromName(name: string): string {
  const code = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  return /^[A-Z]/.test(code) ? code : `E_${code}`;
}
