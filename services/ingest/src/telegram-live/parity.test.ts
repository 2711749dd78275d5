/**
 * Normalisation parity: the same Telegram message, once as gramjs `Api` objects (live) and once as
 * Telegram Desktop writes it into result.json (export), becomes the same message.v1 record, except
 * for what only the live API knows: `source`, `channel_username`, `views`, `forward.from_message_id`
 * (and link previews, `media.kind = "webpage"`, which exports drop). The export side is written by
 * hand in Desktop's format (tdesktop export_output_json.cpp), so it is an independent oracle.
 */
import { Api } from 'telegram';
import { returnBigInt } from 'telegram/Helpers.js';
import { describe, expect, it } from 'vitest';
import type { MessageV1 } from '@tg-risk/schemas';
import { exportMessageToMessageV1 } from '../telegram-export/index.ts';
import { gramjsMessageToMessageV1, peerNames } from './gramjs/message.ts';
import type { ChannelRef } from './client-port.ts';

const big = returnBigInt;
const CHANNEL = new Api.Channel({
  id: big(1001),
  accessHash: big(55),
  title: 'Shop Channel',
  username: 'shopchannel',
  photo: new Api.ChatPhotoEmpty(),
  date: 1_600_000_000,
  broadcast: true,
});
const WHALES = new Api.Channel({
  id: big(777),
  title: 'Whale Alerts',
  username: 'whales',
  photo: new Api.ChatPhotoEmpty(),
  date: 1_600_000_000,
  broadcast: true,
});
const ALICE = new Api.User({ id: big(5), firstName: 'Alice', lastName: 'Smith' });
const REF: ChannelRef = { id: '1001', accessHash: '55', username: 'shopchannel', title: 'Shop Channel' };
const EXPORT_CHAT = { id: 1001, name: 'Shop Channel', type: 'public_channel' };
const NOT_INCLUDED = '(File not included. Change data exporting settings to download.)';

function live(fields: Record<string, unknown>): MessageV1 {
  const message = new Api.Message({
    id: 42,
    peerId: new Api.PeerChannel({ channelId: big(1001) }),
    date: 1_700_000_000,
    message: '',
    post: true,
    views: 1234,
    ...fields,
  });
  return gramjsMessageToMessageV1(message, REF, CHANNEL, peerNames([CHANNEL, WHALES], [ALICE]));
}

function exported(fields: Record<string, unknown>): MessageV1 {
  const raw = {
    id: 42,
    type: 'message',
    date: '2023-11-14T22:13:20',
    date_unixtime: '1700000000',
    from: 'Shop Channel',
    from_id: 'channel1001',
    text: '',
    ...fields,
  };
  return exportMessageToMessageV1(raw, EXPORT_CHAT, { file: 'result.json', index: 0 });
}

/** The record without the fields exports cannot have. */
function shared(record: MessageV1): Partial<MessageV1> {
  const { source: _source, channel_username: _username, views: _views, ...rest } = record;
  return rest.forward ? { ...rest, forward: { ...rest.forward, from_message_id: null } } : rest;
}

const TEXT = 'Big SALE 🔥 on crypto #deal visit here and ping me\nconst x = 1;';
const at = (part: string) => TEXT.indexOf(part);

const CASES: Array<{ name: string; gramjs: Record<string, unknown>; desktop: Record<string, unknown> }> = [
  {
    name: 'formatted text (nested entity dropped as Desktop does), forward from a channel, reply, video',
    gramjs: {
      message: TEXT,
      entities: [
        new Api.MessageEntityBold({ offset: 0, length: 8 }),
        new Api.MessageEntityItalic({ offset: 4, length: 4 }),
        new Api.MessageEntityHashtag({ offset: at('#deal'), length: 5 }),
        new Api.MessageEntityTextUrl({ offset: at('here'), length: 4, url: 'https://t.me/otherchan' }),
        new Api.MessageEntityMentionName({ offset: at('me\n'), length: 2, userId: big(777000) }),
        new Api.MessageEntityPre({ offset: at('const'), length: 12, language: 'js' }),
      ],
      fwdFrom: new Api.MessageFwdHeader({
        fromId: new Api.PeerChannel({ channelId: big(777) }),
        date: 1_699_000_000,
        channelPost: 9,
      }),
      replyTo: new Api.MessageReplyHeader({ replyToMsgId: 40 }),
      editDate: 1_700_000_600,
      media: new Api.MessageMediaDocument({
        document: new Api.Document({
          id: big(1),
          accessHash: big(2),
          fileReference: Buffer.alloc(0),
          date: 1_700_000_000,
          mimeType: 'video/mp4',
          size: big(1000),
          dcId: 2,
          attributes: [
            new Api.DocumentAttributeVideo({ duration: 12, w: 640, h: 360 }),
            new Api.DocumentAttributeFilename({ fileName: 'promo.mp4' }),
          ],
        }),
      }),
    },
    desktop: {
      edited: '2023-11-14T22:23:20',
      edited_unixtime: '1700000600',
      forwarded_from: 'Whale Alerts',
      forwarded_from_id: 'channel777',
      reply_to_message_id: 40,
      file: NOT_INCLUDED,
      media_type: 'video_file',
      mime_type: 'video/mp4',
      file_name: 'promo.mp4',
      duration_seconds: 12,
      width: 640,
      height: 360,
      text: [
        { type: 'bold', text: 'Big SALE' },
        ' 🔥 on crypto ',
        { type: 'hashtag', text: '#deal' },
        ' visit ',
        { type: 'text_link', text: 'here', href: 'https://t.me/otherchan' },
        ' and ping ',
        { type: 'mention_name', text: 'me', user_id: 777000 },
        '\n',
        { type: 'pre', text: 'const x = 1;', language: 'js' },
      ],
    },
  },
  {
    name: 'photo with caption, reply into another channel',
    gramjs: {
      message: 'Fresh stock',
      media: new Api.MessageMediaPhoto({ photo: new Api.PhotoEmpty({ id: big(3) }) }),
      replyTo: new Api.MessageReplyHeader({
        replyToMsgId: 7,
        replyToPeerId: new Api.PeerChannel({ channelId: big(777) }),
      }),
    },
    desktop: {
      photo: NOT_INCLUDED,
      width: 800,
      height: 600,
      reply_to_message_id: 7,
      reply_to_peer_id: 'channel777',
      text: 'Fresh stock',
    },
  },
  {
    name: 'forward from a user, and from a hidden sender',
    gramjs: {
      message: 'hi',
      fwdFrom: new Api.MessageFwdHeader({ fromId: new Api.PeerUser({ userId: big(5) }), date: 1 }),
    },
    desktop: { forwarded_from: 'Alice Smith', forwarded_from_id: 'user5', text: 'hi' },
  },
  {
    name: 'forward from a hidden sender',
    gramjs: { message: 'hi', fwdFrom: new Api.MessageFwdHeader({ fromName: 'Anon Trader', date: 1 }) },
    desktop: { forwarded_from: 'Anon Trader', text: 'hi' },
  },
  ...documentCases(),
  {
    name: 'poll',
    gramjs: {
      media: new Api.MessageMediaPoll({
        poll: new Api.Poll({
          id: big(1),
          question: new Api.TextWithEntities({ text: 'Buy?', entities: [] }),
          answers: [],
        }),
        results: new Api.PollResults({}),
      }),
    },
    desktop: { poll: { question: 'Buy?', closed: false, total_voters: 0, answers: [] } },
  },
  {
    name: 'location',
    gramjs: {
      media: new Api.MessageMediaGeo({
        geo: new Api.GeoPoint({ lat: 52.5, long: 13.4, accessHash: big(0) }),
      }),
    },
    desktop: { location_information: { latitude: 52.5, longitude: 13.4 } },
  },
  {
    name: 'contact',
    gramjs: {
      media: new Api.MessageMediaContact({
        phoneNumber: '+100',
        firstName: 'Bob',
        lastName: '',
        vcard: '',
        userId: big(0),
      }),
    },
    desktop: { contact_information: { first_name: 'Bob', last_name: '', phone_number: '+100' } },
  },
  {
    name: 'entity past the end of the text is cut like Desktop cuts it',
    gramjs: { message: 'ab€', entities: [new Api.MessageEntityBold({ offset: 1, length: 4 })] },
    desktop: { text: ['a', { type: 'bold', text: 'b€' }] },
  },
];

function documentCases(): typeof CASES {
  const doc = (mimeType: string, attributes: Api.TypeDocumentAttribute[]) =>
    new Api.MessageMediaDocument({
      document: new Api.Document({
        id: big(1),
        accessHash: big(2),
        fileReference: Buffer.alloc(0),
        date: 1,
        mimeType,
        size: big(10),
        dcId: 2,
        attributes,
      }),
    });
  const sticker = new Api.DocumentAttributeSticker({ alt: '🙂', stickerset: new Api.InputStickerSetEmpty() });
  return [
    {
      name: 'sticker (Desktop writes no mime type for stickers)',
      gramjs: { media: doc('image/webp', [sticker]) },
      desktop: { file: NOT_INCLUDED, media_type: 'sticker', sticker_emoji: '🙂' },
    },
    {
      name: 'voice message',
      gramjs: { media: doc('audio/ogg', [new Api.DocumentAttributeAudio({ duration: 3, voice: true })]) },
      desktop: {
        file: NOT_INCLUDED,
        media_type: 'voice_message',
        mime_type: 'audio/ogg',
        duration_seconds: 3,
      },
    },
    {
      name: 'GIF: Animated and Video attributes make an animation',
      gramjs: {
        media: doc('video/mp4', [
          new Api.DocumentAttributeAnimated(),
          new Api.DocumentAttributeVideo({ duration: 1, w: 1, h: 1 }),
        ]),
      },
      desktop: { file: NOT_INCLUDED, media_type: 'animation', mime_type: 'video/mp4' },
    },
    {
      name: 'round video message',
      gramjs: {
        media: doc('video/mp4', [
          new Api.DocumentAttributeVideo({ duration: 5, w: 240, h: 240, roundMessage: true }),
        ]),
      },
      desktop: { file: NOT_INCLUDED, media_type: 'video_message', mime_type: 'video/mp4' },
    },
    {
      name: 'plain document',
      gramjs: {
        message: 'price list',
        media: doc('application/pdf', [new Api.DocumentAttributeFilename({ fileName: 'list.pdf' })]),
      },
      desktop: {
        file: NOT_INCLUDED,
        mime_type: 'application/pdf',
        file_name: 'list.pdf',
        text: 'price list',
      },
    },
  ];
}

describe('gramjs and Telegram Desktop export give the same message.v1', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(shared(live(c.gramjs))).toEqual(shared(exported(c.desktop)));
    });
  }

  it('differs only in the live-only fields, which carry what the API knows', () => {
    const first = CASES[0]!;
    const l = live(first.gramjs);
    const e = exported(first.desktop);
    expect(l.source).toEqual({ kind: 'telegram_live' });
    expect(e.source).toEqual({ kind: 'telegram_export', file: 'result.json', index: 0 });
    expect([l.channel_username, e.channel_username]).toEqual(['shopchannel', null]);
    expect([l.views, e.views]).toEqual([1234, null]);
    expect([l.forward?.from_message_id, e.forward?.from_message_id]).toEqual([9, null]);
  });

  it('records a link preview as webpage, which exports do not carry', () => {
    const record = live({
      message: 'see https://example.org',
      media: new Api.MessageMediaWebPage({ webpage: new Api.WebPageEmpty({ id: big(1) }) }),
    });
    expect(record.media).toEqual({ kind: 'webpage' });
  });
});
