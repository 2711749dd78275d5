/** Conversions between the bus's records and kafkajs's message shapes. */
import type { IHeaders } from 'kafkajs';
import type { OutgoingRecord, PipelineMetrics } from '@tg-risk/core';

/** Records grouped per topic, as kafkajs's sendBatch takes them (headers kept). */
export function groupByTopic(records: readonly OutgoingRecord[]) {
  const byTopic = new Map<string, Array<Omit<OutgoingRecord, 'topic'>>>();
  for (const r of records) {
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = []));
    list.push(
      r.headers ? { key: r.key, value: r.value, headers: r.headers } : { key: r.key, value: r.value },
    );
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** Counts published records per topic. */
export function countPublished(
  metrics: PipelineMetrics | undefined,
  records: readonly OutgoingRecord[],
): void {
  if (!metrics) return;
  for (const r of records) metrics.messagesOut.inc({ topic: r.topic });
}

/** kafkajs header values (Buffer, string or a list of them) as strings; the first of a repeated key. */
export function stringHeaders(headers: IHeaders | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Idempotent producers must retry without limit, else kafkajs cannot keep exactly-once (it warns). */
export const PRODUCER_RETRY = {
  retries: Number.MAX_SAFE_INTEGER,
  initialRetryTime: 300,
  maxRetryTime: 10_000,
};
