/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * One Telegram channel or group message, normalised so that it looks the same whether it came from a Telegram Desktop export or from the live API.
 */
export interface MessageV1 {
  /**
   * Wire format name and version.
   */
  schema: 'message.v1';
  /**
   * Telegram's bare channel/chat id as a decimal string (no -100 prefix); strings because ids exceed 2^53 in places.
   */
  channel_id: string;
  /**
   * Public @username without the @, when known.
   */
  channel_username: string | null;
  /**
   * Channel title when known.
   */
  channel_title: string | null;
  message_id: number;
  /**
   * When the message was posted, ISO 8601 in UTC.
   */
  date: string;
  /**
   * Message text (or media caption) with formatting entities flattened to plain text exactly as Telegram shows it.
   */
  text: string;
  /**
   * Formatting and link entities over `text`, offsets in UTF-16 code units as Telegram counts them.
   *
   * @maxItems 10000
   */
  entities: Entity[];
  /**
   * Where a forwarded message originally came from; null when not a forward.
   */
  forward: null | Forward;
  /**
   * The message this one answers; null when not a reply.
   */
  reply_to: null | ReplyTo;
  /**
   * Last edit time in UTC, null when never edited.
   */
  edit_date: string | null;
  /**
   * View counter when the source has it (exports do not).
   */
  views: number | null;
  /**
   * Attached media kind; the file itself is never downloaded by default.
   */
  media: null | Media;
  source: Source;
}
/**
 * This interface was referenced by `MessageV1`'s JSON-Schema
 * via the `definition` "entity".
 */
export interface Entity {
  type:
    | 'bold'
    | 'italic'
    | 'underline'
    | 'strikethrough'
    | 'spoiler'
    | 'code'
    | 'pre'
    | 'text_link'
    | 'link'
    | 'mention'
    | 'mention_name'
    | 'hashtag'
    | 'cashtag'
    | 'bot_command'
    | 'email'
    | 'phone'
    | 'bank_card'
    | 'custom_emoji'
    | 'blockquote'
    | 'unknown';
  offset: number;
  length: number;
  /**
   * Target of a text_link.
   */
  url?: string;
  /**
   * User of a mention_name.
   */
  user_id?: string;
  /**
   * Language of a pre block.
   */
  language?: string;
}
/**
 * This interface was referenced by `MessageV1`'s JSON-Schema
 * via the `definition` "forward".
 */
export interface Forward {
  from_name: string | null;
  from_channel_id: string | null;
  from_message_id: number | null;
}
/**
 * This interface was referenced by `MessageV1`'s JSON-Schema
 * via the `definition` "replyTo".
 */
export interface ReplyTo {
  message_id: number;
  /**
   * Set when the reply points into another chat.
   */
  channel_id?: string | null;
}
/**
 * This interface was referenced by `MessageV1`'s JSON-Schema
 * via the `definition` "media".
 */
export interface Media {
  kind:
    | 'photo'
    | 'video'
    | 'animation'
    | 'video_note'
    | 'voice'
    | 'audio'
    | 'sticker'
    | 'document'
    | 'poll'
    | 'location'
    | 'contact'
    | 'webpage'
    | 'other';
  mime_type?: string;
  file_name?: string;
}
/**
 * This interface was referenced by `MessageV1`'s JSON-Schema
 * via the `definition` "source".
 */
export interface Source {
  kind: 'telegram_export' | 'telegram_live';
  /**
   * Export file the message was read from.
   */
  file?: string;
  /**
   * Position of the message within its chat in the export.
   */
  index?: number;
}
