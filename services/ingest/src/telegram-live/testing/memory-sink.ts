/** A MessageSink that keeps what it was sent, for tests. */
import type { MessageSink, OutgoingRecord } from '@tg-risk/core';
import type { MessageV1 } from '@tg-risk/schemas';

/** The sink plus readers of what reached it. */
export interface MemorySink extends MessageSink {
  readonly sent: OutgoingRecord[];
  /** The message.v1 records sent to `topic`, in order. */
  messages(topic?: string): MessageV1[];
}

/** Creates an empty memory sink. */
export function createMemorySink(): MemorySink {
  const sent: OutgoingRecord[] = [];
  return {
    sent,
    async send(records) {
      sent.push(...records);
    },
    async close() {},
    messages(topic = 'tgrisk.messages.v1') {
      return sent
        .filter((r) => r.topic === topic)
        .map((r) => JSON.parse(r.value.toString('utf8')) as MessageV1);
    },
  };
}
