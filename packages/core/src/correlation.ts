/**
 * Correlation ids: each message gets one at ingestion, carried as a record header through the bus
 * to the classifier and onto its label and dead-letter records, and logged at each step, so one
 * message can be followed from the export (or Telegram) to its label in the logs.
 */
import { randomUUID } from 'node:crypto';
import type { ConsumedRecord } from './ports.ts';

/** Record header holding the correlation id. */
export const CORRELATION_HEADER = 'correlation-id';

/** A new correlation id (a random UUID: one per ingestion of a message, so two ingestions differ). */
export function newCorrelationId(): string {
  return randomUUID();
}

/** The correlation id a consumed record carries, or null for records published without one. */
export function correlationIdOf(record: Pick<ConsumedRecord, 'headers'>): string | null {
  return record.headers?.[CORRELATION_HEADER] ?? null;
}

/** Headers carrying `correlationId` on, for records derived from a consumed one (label, dead letter). */
export function correlationHeaders(correlationId: string | null): Record<string, string> | undefined {
  return correlationId === null ? undefined : { [CORRELATION_HEADER]: correlationId };
}
