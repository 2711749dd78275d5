/**
 * The media kind of a gramjs message, decided the way Telegram Desktop's export decides `media_type`
 * (tdesktop export_data_types.cpp ParseAttributes, export_output_json.cpp SerializeMessage): sticker
 * (also custom emoji), then round video, voice, animation, video, audio, else a plain document;
 * `mime_type` for every document but stickers. Nothing is downloaded.
 */
import { Api } from 'telegram';
import type { MessageV1 } from '@tg-risk/schemas';

type Media = NonNullable<MessageV1['media']>;

interface DocumentTraits {
  sticker: boolean;
  videoNote: boolean;
  video: boolean;
  voice: boolean;
  audio: boolean;
  animated: boolean;
  fileName: string | null;
}

function traitsOf(document: Api.Document): DocumentTraits {
  const t: DocumentTraits = {
    sticker: false,
    videoNote: false,
    video: false,
    voice: false,
    audio: false,
    animated: false,
    fileName: null,
  };
  for (const attribute of document.attributes) {
    if (attribute instanceof Api.DocumentAttributeSticker) t.sticker = true;
    else if (attribute instanceof Api.DocumentAttributeCustomEmoji) t.sticker = true;
    else if (attribute instanceof Api.DocumentAttributeAnimated) t.animated = true;
    else if (attribute instanceof Api.DocumentAttributeVideo) {
      if (attribute.roundMessage) t.videoNote = true;
      else t.video = true;
    } else if (attribute instanceof Api.DocumentAttributeAudio) {
      if (attribute.voice) t.voice = true;
      else t.audio = true;
    } else if (attribute instanceof Api.DocumentAttributeFilename) t.fileName = attribute.fileName;
  }
  return t;
}

function documentKind(t: DocumentTraits): Media['kind'] {
  // Desktop's order: a GIF carries both Animated and Video and is an animation.
  if (t.sticker) return 'sticker';
  if (t.videoNote) return 'video_note';
  if (t.voice) return 'voice';
  if (t.animated) return 'animation';
  if (t.video) return 'video';
  if (t.audio) return 'audio';
  return 'document';
}

function documentMedia(document: Api.TypeDocument | undefined): Media {
  // An expired or self-destructed document has no attributes left: all Desktop knows is "a file".
  if (!(document instanceof Api.Document)) return { kind: 'document' };
  const traits = traitsOf(document);
  const media: Media = { kind: documentKind(traits) };
  if (!traits.sticker && document.mimeType !== '') media.mime_type = document.mimeType;
  if (traits.fileName !== null && traits.fileName !== '') media.file_name = traits.fileName;
  return media;
}

/**
 * message.v1 media of a gramjs message media, or null for none. Link previews are recorded as
 * `webpage` although Desktop exports drop them (one of the documented live-only fields).
 */
export function gramjsMedia(media: Api.TypeMessageMedia | undefined): Media | null {
  if (media === undefined || media instanceof Api.MessageMediaEmpty) return null;
  if (media instanceof Api.MessageMediaPhoto) return { kind: 'photo' };
  if (media instanceof Api.MessageMediaDocument) return documentMedia(media.document);
  if (media instanceof Api.MessageMediaPoll) return { kind: 'poll' };
  if (
    media instanceof Api.MessageMediaGeo ||
    media instanceof Api.MessageMediaGeoLive ||
    media instanceof Api.MessageMediaVenue
  )
    return { kind: 'location' };
  if (media instanceof Api.MessageMediaContact) return { kind: 'contact' };
  if (media instanceof Api.MessageMediaWebPage) return { kind: 'webpage' };
  return { kind: 'other' };
}
