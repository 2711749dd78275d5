/**
 * Error helpers shared by the export reader: every problem with one message becomes a
 * PoisonRecordError whose message starts with the file, the message index and the chat, so a
 * warning line is enough to find the message again in a multi-gigabyte export.
 */
import { PoisonRecordError } from '@tg-risk/core';

/** Where a message sits in an export: the file, its 0-based index in its chat's `messages`, the chat. */
export interface MessageLocation {
  file: string;
  index: number;
  chatId?: string | null;
}

/** `result.json: message #17 (chat 1234567890)`: the prefix of every per-message error. */
export function describeLocation(where: MessageLocation): string {
  const chat = where.chatId ? ` (chat ${where.chatId})` : '';
  return `${where.file}: message #${where.index}${chat}`;
}

/** A PoisonRecordError about one message, with file, index and chat in its message and context. */
export function messageError(
  code: string,
  where: MessageLocation,
  problem: string,
  cause?: unknown,
): PoisonRecordError {
  const context = { file: where.file, index: where.index, channelId: where.chatId ?? undefined };
  return new PoisonRecordError(code, `${describeLocation(where)}: ${problem}`, {
    context,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** A short human description of a JSON value's shape, for "expected X, found Y" messages. */
export function describeShape(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', ...' : '');
    return keys.length === 0 ? 'an empty object' : `an object with keys ${shown}`;
  }
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
    return `a string ${JSON.stringify(shown)}`;
  }
  return `a ${typeof value} (${String(value)})`;
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
