/** Small valid records for tests across packages. */
import type { LabelV1, MessageV1 } from '@tg-risk/schemas';

/** A valid message.v1 with overridable fields. */
export function sampleMessage(overrides: Partial<MessageV1> = {}): MessageV1 {
  return {
    schema: 'message.v1',
    channel_id: '1001',
    channel_username: 'sample_channel',
    channel_title: 'Sample channel',
    message_id: 1,
    date: '2025-03-02T10:15:00Z',
    text: 'hello',
    entities: [],
    forward: null,
    reply_to: null,
    edit_date: null,
    views: null,
    media: null,
    source: { kind: 'telegram_export', file: 'result.json', index: 0 },
    ...overrides,
  };
}

/** A valid label.v1 for `message`, flagged with `labels`. */
export function sampleLabel(message: MessageV1, labels: LabelV1['labels'] = []): LabelV1 {
  const score = (l: 'fraud' | 'drugs' | 'terrorism') => (labels.includes(l) ? 0.9 : 0.1);
  return {
    schema: 'label.v1',
    channel_id: message.channel_id,
    message_id: message.message_id,
    labels,
    scores: { fraud: score('fraud'), drugs: score('drugs'), terrorism: score('terrorism') },
    thresholds: { set: 'test', fraud: 0.5, drugs: 0.5, terrorism: 0.5 },
    evidence: [],
    model: 'test-model@1',
  };
}
