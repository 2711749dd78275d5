import { PoisonRecordError } from '@tg-risk/core';
import { isValid } from '@tg-risk/schemas';
import { describe, expect, it } from 'vitest';
import { exportMessageToMessageV1 } from './normalise-export-message.ts';

const chat = { id: 1234567890, name: 'Crypto Signals', type: 'public_channel' };
const where = { file: 'result.json', index: 17 };
const base = {
  id: 42,
  type: 'message',
  date: '2023-05-01T16:03:22',
  date_unixtime: '1682949802',
  text: 'hi',
};

function convert(extra: Record<string, unknown>, omit: string[] = []) {
  const raw: Record<string, unknown> = { ...base, ...extra };
  for (const key of omit) delete raw[key];
  return exportMessageToMessageV1(raw, chat, where);
}

function rejection(run: () => unknown): PoisonRecordError {
  try {
    run();
  } catch (error) {
    if (error instanceof PoisonRecordError) return error;
    throw error;
  }
  throw new Error('expected a PoisonRecordError');
}

describe('exportMessageToMessageV1', () => {
  it('builds a valid message.v1 record', () => {
    const record = convert({});
    expect(record).toEqual({
      schema: 'message.v1',
      channel_id: '1234567890',
      channel_username: null,
      channel_title: 'Crypto Signals',
      message_id: 42,
      date: '2023-05-01T14:03:22Z',
      text: 'hi',
      entities: [],
      forward: null,
      reply_to: null,
      edit_date: null,
      views: null,
      media: null,
      source: { kind: 'telegram_export', file: 'result.json', index: 17 },
    });
    expect(isValid('message.v1', record)).toBe(true);
  });

  it('prefers date_unixtime (UTC) over the local-time date', () => {
    // The export's `date` is 16:03 local time (UTC+2); the unixtime says 14:03 UTC.
    expect(convert({}).date).toBe('2023-05-01T14:03:22Z');
  });

  it('reads `date` as UTC when there is no unixtime', () => {
    expect(convert({}, ['date_unixtime']).date).toBe('2023-05-01T16:03:22Z');
  });

  it('maps edited / edited_unixtime to edit_date', () => {
    expect(convert({ edited: '2023-05-01T16:30:00', edited_unixtime: '1682951400' }).edit_date).toBe(
      '2023-05-01T14:30:00Z',
    );
    expect(convert({ edited: '2023-05-01T16:30:00' }).edit_date).toBe('2023-05-01T16:30:00Z');
  });

  it.each([
    [{ date_unixtime: 'soon' }, [], 'date_unixtime is a string "soon"'],
    [{ date_unixtime: '99999999999999' }, [], 'date_unixtime is a string "99999999999999"'],
    [{ date: '2023-02-30T10:00:00' }, ['date_unixtime'], 'date is a string "2023-02-30T10:00:00"'],
    [{ date: 1682949802 }, ['date_unixtime'], 'date is a number (1682949802)'],
    [{}, ['date', 'date_unixtime'], 'message has no date'],
    [{ edited_unixtime: 'x' }, [], 'edited_unixtime is a string "x"'],
  ])('rejects bad dates with EXPORT_MESSAGE_BAD_DATE (%j)', (extra, omit, problem) => {
    const error = rejection(() => convert(extra, omit));
    expect(error.code).toBe('EXPORT_MESSAGE_BAD_DATE');
    expect(error.message).toContain(`result.json: message #17 (chat 1234567890): ${problem}`);
  });

  it('maps forwards, parsing a channel forwarded_from_id', () => {
    expect(convert({ forwarded_from: 'Whale Alerts', forwarded_from_id: 'channel777' }).forward).toEqual({
      from_name: 'Whale Alerts',
      from_channel_id: '777',
      from_message_id: null,
    });
    expect(convert({ forwarded_from: 'Alice', forwarded_from_id: 'user5' }).forward).toEqual({
      from_name: 'Alice',
      from_channel_id: null,
      from_message_id: null,
    });
    expect(convert({ forwarded_from: null }).forward).toEqual({
      from_name: null,
      from_channel_id: null,
      from_message_id: null,
    });
  });

  it('maps replies, with the other chat when reply_to_peer_id is a channel', () => {
    expect(convert({ reply_to_message_id: 40 }).reply_to).toEqual({ message_id: 40 });
    expect(convert({ reply_to_message_id: 40, reply_to_peer_id: 'channel777' }).reply_to).toEqual({
      message_id: 40,
      channel_id: '777',
    });
    expect(rejection(() => convert({ reply_to_message_id: 'x' })).code).toBe('EXPORT_MESSAGE_BAD_REPLY');
  });

  it.each([
    [{ photo: 'photos/p.jpg' }, { kind: 'photo' }],
    [
      { file: 'v.mp4', media_type: 'video_file', mime_type: 'video/mp4' },
      { kind: 'video', mime_type: 'video/mp4' },
    ],
    [{ file: 'a.mp4', media_type: 'animation' }, { kind: 'animation' }],
    [{ file: 'r.mp4', media_type: 'video_message' }, { kind: 'video_note' }],
    [
      { file: 'v.ogg', media_type: 'voice_message', mime_type: 'audio/ogg' },
      { kind: 'voice', mime_type: 'audio/ogg' },
    ],
    [
      { file: 's.mp3', media_type: 'audio_file', file_name: 's.mp3' },
      { kind: 'audio', file_name: 's.mp3' },
    ],
    [{ file: 's.webp', media_type: 'sticker' }, { kind: 'sticker' }],
    [{ file: 'x.bin', media_type: 'hologram' }, { kind: 'other' }],
    [
      { file: 'files/x.pdf', file_name: 'x.pdf', mime_type: 'application/pdf' },
      { kind: 'document', mime_type: 'application/pdf', file_name: 'x.pdf' },
    ],
    [{ poll: { question: 'q', answers: [] } }, { kind: 'poll' }],
    [{ location_information: { latitude: 1, longitude: 2 } }, { kind: 'location' }],
    [{ contact_information: { first_name: 'A', phone_number: '+1' } }, { kind: 'contact' }],
  ])('maps media %j', (extra, media) => {
    const record = convert(extra);
    expect(record.media).toEqual(media);
  });

  it('prefers text over text_entities and falls back to text_entities, then to ""', () => {
    const entities = [
      { type: 'plain', text: 'from ' },
      { type: 'bold', text: 'entities' },
    ];
    expect(convert({ text: 'from text', text_entities: entities }).text).toBe('from text');
    const fallback = convert({ text_entities: entities }, ['text']);
    expect(fallback.text).toBe('from entities');
    expect(fallback.entities).toEqual([{ type: 'bold', offset: 5, length: 8 }]);
    expect(convert({}, ['text']).text).toBe('');
  });

  it('keeps ids beyond 2^53 given as digit strings', () => {
    const record = exportMessageToMessageV1(base, { id: '98765432109876543210', name: null }, where);
    expect(record.channel_id).toBe('98765432109876543210');
    expect(record.channel_title).toBeNull();
  });

  it.each([
    [{}, ['id'], 'EXPORT_MESSAGE_NO_ID', 'message has no id'],
    [{ id: 0 }, [], 'EXPORT_MESSAGE_NO_ID', 'message id is a number (0); expected a positive integer'],
    [{ id: '7' }, [], 'EXPORT_MESSAGE_NO_ID', 'message id is a string "7"'],
    [{ type: 'sticker' }, [], 'EXPORT_MESSAGE_BAD_TYPE', 'message type is a string "sticker"'],
    [{ type: 'service' }, [], 'EXPORT_MESSAGE_SERVICE', 'service messages carry no content'],
    [{ text: 5 }, [], 'EXPORT_TEXT_SHAPE', 'text is a number (5)'],
  ])('rejects %j with the right code', (extra, omit, code, problem) => {
    const error = rejection(() => convert(extra, omit));
    expect(error.code).toBe(code);
    expect(error.message.startsWith(`result.json: message #17 (chat 1234567890): ${problem}`)).toBe(true);
    expect(error.context).toMatchObject({ file: 'result.json', index: 17, channelId: '1234567890' });
  });

  it('rejects a message that is not an object', () => {
    const error = rejection(() => exportMessageToMessageV1('hello', chat, where));
    expect(error.code).toBe('EXPORT_MESSAGE_SHAPE');
    expect(error.message).toBe(
      'result.json: message #17 (chat 1234567890): message is a string "hello"; expected an object',
    );
  });

  it.each([0, -5, 1.5, 'abc', null, undefined])('rejects chat id %j with EXPORT_CHAT_NO_ID', (id) => {
    const error = rejection(() => exportMessageToMessageV1(base, { id, name: 'x' }, where));
    expect(error.code).toBe('EXPORT_CHAT_NO_ID');
    expect(error.message).toMatch(/^result\.json: message #17: chat id is .*; expected a positive integer$/);
  });

  it('wraps schema violations into EXPORT_MESSAGE_INVALID naming file, index and issues', () => {
    const error = rejection(() =>
      convert({ text: [{ type: 'text_link', text: 'x', href: 'h'.repeat(5000) }] }),
    );
    expect(error.code).toBe('EXPORT_MESSAGE_INVALID');
    expect(error.message).toMatch(
      /^result\.json: message #17 \(chat 1234567890\): record does not match message\.v1: /,
    );
    expect(error.message).toContain('/entities/0/url');
  });
});
