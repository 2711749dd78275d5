/**
 * Turns one message object of a Telegram Desktop JSON export into a validated message.v1 record.
 * Every rejection is a PoisonRecordError naming the file, the message index and the chat.
 */
import { assertValid, SchemaValidationError, type MessageV1 } from '@tg-risk/schemas';
import { describeShape, isRecord, messageError, type MessageLocation } from './export-errors.ts';
import {
  channelIdFromPeer,
  chatIdString,
  exportMedia,
  isForward,
  localDateToIso,
  unixtimeToIso,
} from './export-fields.ts';
import { flattenTelegramText } from './flatten-text.ts';

/** The chat a message belongs to, as read from the export (`id` may be the raw digit string). */
export interface ExportChat {
  id: unknown;
  name?: unknown;
  type?: unknown;
}

/** Where the message was read: export file and 0-based position in its chat's `messages`. */
export interface ExportWhere {
  file: string;
  index: number;
}

function positiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * Reads `<field>_unixtime` when present, else `<field>` as UTC (exports write it in the local time
 * zone of the exporting computer, so the unixtime is the trustworthy one). A field that is
 * present but unreadable rejects the message rather than silently losing the time. Null when absent.
 */
function exportDate(
  raw: Record<string, unknown>,
  field: 'date' | 'edited',
  where: MessageLocation,
): string | null {
  const unixField = `${field}_unixtime`;
  if (raw[unixField] !== undefined) {
    const iso = unixtimeToIso(raw[unixField]);
    if (iso !== null) return iso;
    throw messageError(
      'EXPORT_MESSAGE_BAD_DATE',
      where,
      `${unixField} is ${describeShape(raw[unixField])}; expected unix seconds as a string of digits`,
    );
  }
  if (raw[field] !== undefined) {
    const iso = localDateToIso(raw[field]);
    if (iso !== null) return iso;
    throw messageError(
      'EXPORT_MESSAGE_BAD_DATE',
      where,
      `${field} is ${describeShape(raw[field])}; expected a time like "2023-05-01T14:03:22"`,
    );
  }
  return null;
}

function forwardOf(raw: Record<string, unknown>): MessageV1['forward'] {
  if (!isForward(raw)) return null;
  return {
    from_name: typeof raw.forwarded_from === 'string' ? raw.forwarded_from : null,
    // Only channel peers map to from_channel_id; forwards from users or basic groups keep just the name.
    from_channel_id: channelIdFromPeer(raw.forwarded_from_id),
    // Exports do not record the original message id.
    from_message_id: null,
  };
}

function replyOf(raw: Record<string, unknown>, where: MessageLocation): MessageV1['reply_to'] {
  const id = raw.reply_to_message_id;
  if (id === undefined) return null;
  if (!positiveInteger(id)) {
    throw messageError(
      'EXPORT_MESSAGE_BAD_REPLY',
      where,
      `reply_to_message_id is ${describeShape(id)}; expected a positive integer`,
    );
  }
  const channelId = channelIdFromPeer(raw.reply_to_peer_id);
  return channelId === null ? { message_id: id } : { message_id: id, channel_id: channelId };
}

function checkedType(raw: Record<string, unknown>, where: MessageLocation): void {
  if (raw.type === 'message') return;
  if (raw.type === 'service') {
    throw messageError('EXPORT_MESSAGE_SERVICE', where, 'service messages carry no content to import');
  }
  throw messageError(
    'EXPORT_MESSAGE_BAD_TYPE',
    where,
    `message type is ${describeShape(raw.type)}; expected "message" or "service"`,
  );
}

/**
 * Converts one raw export message into a message.v1 record; throws PoisonRecordError
 * (`EXPORT_CHAT_NO_ID`, `EXPORT_MESSAGE_NO_ID`, `EXPORT_MESSAGE_BAD_DATE`, `EXPORT_TEXT_SHAPE`,
 * `EXPORT_MESSAGE_INVALID`, ...) when it cannot.
 */
export function exportMessageToMessageV1(raw: unknown, chat: ExportChat, where: ExportWhere): MessageV1 {
  const channelId = chatIdString(chat.id);
  if (channelId === null) {
    throw messageError(
      'EXPORT_CHAT_NO_ID',
      where,
      `chat id is ${describeShape(chat.id)}; expected a positive integer`,
    );
  }
  const at: MessageLocation = { file: where.file, index: where.index, chatId: channelId };
  if (!isRecord(raw))
    throw messageError('EXPORT_MESSAGE_SHAPE', at, `message is ${describeShape(raw)}; expected an object`);
  if (raw.id === undefined) throw messageError('EXPORT_MESSAGE_NO_ID', at, 'message has no id');
  if (!positiveInteger(raw.id)) {
    throw messageError(
      'EXPORT_MESSAGE_NO_ID',
      at,
      `message id is ${describeShape(raw.id)}; expected a positive integer`,
    );
  }
  checkedType(raw, at);
  const date = exportDate(raw, 'date', at);
  if (date === null) throw messageError('EXPORT_MESSAGE_BAD_DATE', at, 'message has no date');
  // `text` is what Telegram shows; `text_entities` is the same content, used only when `text` is absent.
  const { text, entities } = flattenTelegramText(
    raw.text !== undefined ? raw.text : (raw.text_entities ?? ''),
    at,
  );
  const record: MessageV1 = {
    schema: 'message.v1',
    channel_id: channelId,
    // Exports carry the chat title but never its @username.
    channel_username: null,
    channel_title: typeof chat.name === 'string' ? chat.name : null,
    message_id: raw.id,
    date,
    text,
    entities,
    forward: forwardOf(raw),
    reply_to: replyOf(raw, at),
    edit_date: exportDate(raw, 'edited', at),
    views: null,
    media: exportMedia(raw),
    source: { kind: 'telegram_export', file: where.file, index: where.index },
  };
  try {
    return assertValid('message.v1', record);
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error;
    throw messageError('EXPORT_MESSAGE_INVALID', at, `record does not match ${error.message}`, error);
  }
}
