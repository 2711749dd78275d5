/**
 * gramjs message entities → message.v1 entities, flattened the way Telegram Desktop's export does,
 * so a live message and the exported one carry the same entity list.
 *
 * Desktop's exporter (tdesktop Telegram/SourceFiles/export/data/export_data_types.cpp, ParseText)
 * walks the entities in Telegram's order and turns each into one text part. It skips an entity that
 * starts before the previous kept one ended (nested or overlapping formatting), one of length ≤ 0,
 * and one ending beyond the text's UTF-8 byte length; a kept entity's text is cut at the end of the
 * text. The export then names the part type, and the export normaliser maps that name onto
 * message.v1 through mapEntityType. This module applies the same rules and the same name table, so
 * the two paths share one mapping instead of two that could drift.
 */
import { Api } from 'telegram';
import type { MessageV1 } from '@tg-risk/schemas';
import { mapEntityType } from '../../telegram-export/index.ts';

type Entity = MessageV1['entities'][number];

/**
 * gramjs entity class → the type name Telegram Desktop writes in exports (export_output_json.cpp,
 * SerializeText). Classes not listed (newer layers) become `unknown`, as in the export.
 */
const EXPORT_TYPE_NAME: Readonly<Record<string, string>> = {
  MessageEntityUnknown: 'unknown',
  MessageEntityMention: 'mention',
  MessageEntityHashtag: 'hashtag',
  MessageEntityBotCommand: 'bot_command',
  MessageEntityUrl: 'link',
  MessageEntityEmail: 'email',
  MessageEntityBold: 'bold',
  MessageEntityItalic: 'italic',
  MessageEntityCode: 'code',
  MessageEntityPre: 'pre',
  MessageEntityTextUrl: 'text_link',
  MessageEntityMentionName: 'mention_name',
  InputMessageEntityMentionName: 'mention_name',
  MessageEntityPhone: 'phone',
  MessageEntityCashtag: 'cashtag',
  MessageEntityUnderline: 'underline',
  MessageEntityStrike: 'strikethrough',
  MessageEntityBlockquote: 'blockquote',
  MessageEntityBankCard: 'bank_card',
  MessageEntitySpoiler: 'spoiler',
  MessageEntityCustomEmoji: 'custom_emoji',
};

/** The export type name of a gramjs entity (`unknown` for classes exports do not know). */
export function exportTypeName(entity: Api.TypeMessageEntity): string {
  return EXPORT_TYPE_NAME[entity.className] ?? 'unknown';
}

function withAttributes(entity: Api.TypeMessageEntity, base: Entity): Entity {
  if (entity instanceof Api.MessageEntityTextUrl) base.url = entity.url;
  // Only the received form carries a user id; Desktop writes none for the input form either.
  if (entity instanceof Api.MessageEntityMentionName) base.user_id = entity.userId.toString();
  if (entity instanceof Api.MessageEntityPre && entity.language !== '') base.language = entity.language;
  return base;
}

/** message.v1 entities of `text` from gramjs entities, with Desktop's export rules applied. */
export function gramjsEntities(
  text: string,
  entities: readonly Api.TypeMessageEntity[] | undefined,
): Entity[] {
  if (!entities || entities.length === 0) return [];
  // Desktop compares against the UTF-8 byte size of the text, not its UTF-16 length.
  const byteSize = Buffer.byteLength(text, 'utf8');
  const result: Entity[] = [];
  let end = 0;
  for (const entity of entities) {
    const start = entity.offset;
    const length = entity.length;
    if (start < end || length <= 0 || start + length > byteSize) continue;
    const type = mapEntityType(exportTypeName(entity));
    end = start + length;
    if (type === null) continue;
    // Past the end of the text Desktop's parts are cut (QString::mid), so offsets and lengths are too.
    const offset = Math.min(start, text.length);
    const kept = Math.max(0, Math.min(length, text.length - start));
    result.push(withAttributes(entity, { type, offset, length: kept }));
  }
  return result;
}
