/**
 * Parsers for the scalar fields of a Telegram Desktop export that need more than a copy: dates,
 * peer ids ("channel123") and the media kind.
 */
import type { MessageV1 } from '@tg-risk/schemas';

/** The media attached to a message.v1 record. */
export type MessageMedia = NonNullable<MessageV1['media']>;
type MediaKind = MessageMedia['kind'];

// message.v1 dates must be 4-digit-year ISO strings; bound unixtimes to years 1970..9999.
const MAX_UNIXTIME = 253402300799;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

function isoSeconds(ms: number): string {
  // message.v1 dates carry whole seconds, like the export itself.
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `"1682949802"` (or 1682949802) → `2023-05-01T14:03:22Z`; null when it is not a unixtime. */
export function unixtimeToIso(value: unknown): string | null {
  let seconds: number;
  if (typeof value === 'string' && /^[0-9]{1,12}$/.test(value)) seconds = Number(value);
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) seconds = value;
  else return null;
  return seconds <= MAX_UNIXTIME ? isoSeconds(seconds * 1000) : null;
}

/**
 * `"2023-05-01T14:03:22"` → `2023-05-01T14:03:22Z`, read as UTC; null when malformed or not a
 * real calendar time. Telegram Desktop writes this field in the exporting computer's local time
 * zone, so it is only a fallback for exports without `*_unixtime` and may be off by hours.
 */
export function localDateToIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = LOCAL_DATE.exec(value);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const iso = isoSeconds(ms);
  // Date.UTC rolls 2023-02-30 over to March; a round trip that changes the text means it was invalid.
  return iso === `${value}Z` ? iso : null;
}

/** `"channel1234"` → `"1234"`; null for users, basic groups or anything malformed. */
export function channelIdFromPeer(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^channel([1-9][0-9]{0,19})$/.exec(value);
  return m?.[1] ?? null;
}

/** A chat id as message.v1's decimal string, or null when it is not a positive integer. */
export function chatIdString(id: unknown): string | null {
  if (typeof id === 'number') return Number.isSafeInteger(id) && id > 0 ? String(id) : null;
  // The reader passes the tokenizer's raw digits so ids beyond 2^53 keep every digit.
  if (typeof id === 'string' && /^[1-9][0-9]{0,19}$/.test(id)) return id;
  return null;
}

const MEDIA_TYPES: Readonly<Record<string, MediaKind>> = {
  video_file: 'video',
  animation: 'animation',
  video_message: 'video_note',
  voice_message: 'voice',
  audio_file: 'audio',
  sticker: 'sticker',
};

function mediaKind(raw: Record<string, unknown>): MediaKind | null {
  if (raw.photo !== undefined) return 'photo';
  if (typeof raw.media_type === 'string') return MEDIA_TYPES[raw.media_type] ?? 'other';
  if (raw.file !== undefined) return 'document';
  if (raw.poll !== undefined) return 'poll';
  if (raw.location_information !== undefined) return 'location';
  if (raw.contact_information !== undefined) return 'contact';
  return null;
}

/** The media kind (plus mime type and file name when exported) of a raw export message, or null. */
export function exportMedia(raw: Record<string, unknown>): MessageMedia | null {
  const kind = mediaKind(raw);
  if (kind === null) return null;
  const media: MessageMedia = { kind };
  if (typeof raw.mime_type === 'string' && raw.mime_type !== '') media.mime_type = raw.mime_type;
  if (typeof raw.file_name === 'string' && raw.file_name !== '') media.file_name = raw.file_name;
  return media;
}

/** True when the raw message carries any forward marker. */
export function isForward(raw: Record<string, unknown>): boolean {
  return 'forwarded_from' in raw || 'forwarded_from_id' in raw;
}
