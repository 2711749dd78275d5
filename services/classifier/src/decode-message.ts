/**
 * Turns one consumed bus record into a message.v1, or says precisely why it cannot be one. Pure: the
 * worker decides what to do with a failure (dead-letter it).
 */
import { PoisonRecordError, type ConsumedRecord } from '@tg-risk/core';
import { schemaIssues, type MessageV1 } from '@tg-risk/schemas';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Where a record sits, for error messages: `topic[partition]@offset`. */
export function recordPosition(record: ConsumedRecord): string {
  return `${record.topic}[${record.partition}]@${record.offset}`;
}

/** Decodes and validates a record; throws PoisonRecordError with stage-specific codes. */
export function decodeMessage(record: ConsumedRecord): MessageV1 {
  const context = { topic: record.topic, partition: record.partition, offset: record.offset };
  let text: string;
  try {
    text = strictUtf8.decode(record.value);
  } catch {
    throw new PoisonRecordError('RECORD_NOT_UTF8', `${recordPosition(record)}: record is not valid UTF-8`, {
      context,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 quotes the start of the input in its message: escape what could break a log line.
    const reason = escapeControls(error instanceof Error ? error.message : String(error));
    throw new PoisonRecordError(
      'RECORD_NOT_JSON',
      `${recordPosition(record)}: record is not JSON (${reason})`,
      {
        context,
      },
    );
  }
  const issues = schemaIssues('message.v1', value);
  if (issues.length > 0) {
    const detail = issues
      .slice(0, 5)
      .map((i) => `${i.path || '(record)'} ${i.message}`)
      .join('; ');
    throw new PoisonRecordError('MESSAGE_INVALID', `${recordPosition(record)}: not a message.v1: ${detail}`, {
      context,
    });
  }
  return value as MessageV1;
}

/** Control characters and line separators as \uXXXX, so an error message stays one printable line. */
function escapeControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
