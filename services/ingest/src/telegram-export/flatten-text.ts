/**
 * Telegram Desktop exports a message's text either as a plain string or as an array mixing plain
 * strings and `{type, text, ...}` parts. This turns either form into message.v1's flat `text`
 * plus `entities`, with offsets in UTF-16 code units (JavaScript string length), which is also
 * how Telegram counts them.
 */
import type { MessageV1 } from '@tg-risk/schemas';
import { describeShape, isRecord, messageError, type MessageLocation } from './export-errors.ts';

/** One formatting entity of message.v1. */
export type Entity = MessageV1['entities'][number];

/** The flat text of a message and its formatting entities. */
export interface FlatText {
  text: string;
  entities: Entity[];
}

type EntityType = Entity['type'];

// Export type names that message.v1 keeps as they are; `plain` is handled apart (no entity) and
// anything unlisted (future Telegram types) becomes `unknown` rather than a rejected message.
const KNOWN_TYPES: ReadonlySet<string> = new Set<EntityType>([
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'code',
  'pre',
  'text_link',
  'link',
  'mention',
  'mention_name',
  'hashtag',
  'cashtag',
  'bot_command',
  'email',
  'phone',
  'bank_card',
  'custom_emoji',
  'blockquote',
]);

/** Maps an export entity type name to message.v1's enum; null for `plain` (no entity). */
export function mapEntityType(exportType: unknown): EntityType | null {
  if (exportType === 'plain') return null;
  if (typeof exportType === 'string' && KNOWN_TYPES.has(exportType)) return exportType as EntityType;
  return 'unknown';
}

function entityFor(part: Record<string, unknown>, offset: number, length: number): Entity | null {
  const type = mapEntityType(part.type);
  if (type === null) return null;
  const entity: Entity = { type, offset, length };
  if (type === 'text_link' && typeof part.href === 'string') entity.url = part.href;
  if (type === 'mention_name') {
    // Exports write user_id as a number; message.v1 keeps ids as strings (they can pass 2^53).
    const userId = part.user_id;
    if (typeof userId === 'number' && Number.isSafeInteger(userId) && userId >= 0)
      entity.user_id = String(userId);
    else if (typeof userId === 'string' && /^[0-9]{1,20}$/.test(userId)) entity.user_id = userId;
  }
  if (type === 'pre' && typeof part.language === 'string' && part.language !== '') {
    entity.language = part.language;
  }
  return entity;
}

/**
 * Flattens an export `text` (or `text_entities`) value into text and UTF-16 entities; throws
 * PoisonRecordError `EXPORT_TEXT_SHAPE` for anything but a string or an array of strings and
 * `{text: string}` parts.
 */
export function flattenTelegramText(text: unknown, where: MessageLocation): FlatText {
  if (typeof text === 'string') return { text, entities: [] };
  if (!Array.isArray(text)) {
    throw messageError(
      'EXPORT_TEXT_SHAPE',
      where,
      `text is ${describeShape(text)}; expected a string or an array of strings and {type, text} parts`,
    );
  }
  // Collect pieces and join once: repeated `+=` on long texts builds deep rope strings.
  const pieces: string[] = [];
  const entities: Entity[] = [];
  let offset = 0;
  for (const [i, part] of text.entries()) {
    if (typeof part === 'string') {
      pieces.push(part);
      offset += part.length;
      continue;
    }
    if (!isRecord(part) || typeof part.text !== 'string') {
      const found = isRecord(part)
        ? `an object without a string "text" (${describeShape(part)})`
        : describeShape(part);
      throw messageError(
        'EXPORT_TEXT_SHAPE',
        where,
        `text[${i}] is ${found}; expected a string or an object with a string "text"`,
      );
    }
    const entity = entityFor(part, offset, part.text.length);
    if (entity !== null) entities.push(entity);
    pieces.push(part.text);
    offset += part.text.length;
  }
  return { text: pieces.join(''), entities };
}
