import { isValid, type MessageV1 } from '@tg-risk/schemas';
import { describe, expect, it } from 'vitest';
import { readTelegramExport } from './read-export.ts';
import { fixture, readAll, useTmpDir } from './test-support.ts';

const tmp = useTmpDir();

describe('readTelegramExport: single-chat export', () => {
  it('yields one valid record per content message and skips service messages', async () => {
    const { records, events, summary } = await readAll(fixture('single-chat/result.json'), {
      file: 'result.json',
    });
    expect(events.every((e) => e.kind === 'message')).toBe(true);
    expect(records.map((r) => r.message_id)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11]);
    for (const record of records) expect(isValid('message.v1', record)).toBe(true);
    expect(summary).toEqual({
      file: 'result.json',
      layout: 'single_chat',
      chats: [
        {
          section: 'single',
          position: 0,
          chatId: '1234567890',
          title: 'Crypto Signals 🚀',
          type: 'public_channel',
          messages: 9,
          serviceSkipped: 2,
          bad: 0,
          skipped: 0,
          error: null,
        },
      ],
      totals: { chats: 1, messages: 9, serviceSkipped: 2, bad: 0, badChats: 0, skipped: 0 },
    });
  });

  it('maps text, entities, forwards, replies, edits and media as exported', async () => {
    const { records } = await readAll(fixture('single-chat/result.json'), { file: 'result.json' });
    const byId = new Map<number, MessageV1>(records.map((r) => [r.message_id, r]));
    const first = byId.get(2);
    expect(first).toMatchObject({
      channel_id: '1234567890',
      channel_username: null,
      channel_title: 'Crypto Signals 🚀',
      date: '2023-05-01T14:03:22Z',
      text: 'Welcome! Signals every day.',
      entities: [],
      source: { kind: 'telegram_export', file: 'result.json', index: 1 },
    });
    const rich = byId.get(3);
    expect(rich?.text).toBe("👍 Guaranteed x10 — join here, ask Bob or @pump_admin\nwallet = 'TXyz'");
    expect(rich?.entities).toEqual([
      { type: 'bold', offset: 3, length: 14 },
      { type: 'text_link', offset: 25, length: 4, url: 'https://t.me/+AbCdEf' },
      { type: 'mention_name', offset: 35, length: 3, user_id: '987654321' },
      { type: 'mention', offset: 42, length: 11 },
      { type: 'pre', offset: 54, length: 15, language: 'python' },
    ]);
    const text = rich?.text ?? '';
    for (const e of rich?.entities ?? []) expect(text.slice(e.offset, e.offset + e.length)).not.toBe('');
    expect(text.slice(25, 29)).toBe('here');
    expect(byId.get(4)?.forward).toEqual({
      from_name: 'Whale Alerts',
      from_channel_id: '777000111',
      from_message_id: null,
    });
    expect(byId.get(5)).toMatchObject({ reply_to: { message_id: 3 }, edit_date: '2023-05-02T07:30:45Z' });
    expect(byId.get(6)).toMatchObject({ media: { kind: 'photo' }, text: 'Chart' });
    expect(byId.get(7)?.media).toEqual({ kind: 'video', mime_type: 'video/mp4', file_name: 'promo.mp4' });
    expect(byId.get(8)?.media).toEqual({ kind: 'sticker', mime_type: 'image/webp' });
    expect(byId.get(9)?.media).toEqual({ kind: 'poll' });
    expect(byId.get(11)).toMatchObject({
      reply_to: { message_id: 55, channel_id: '777' },
      text: 'See #pump',
      entities: [{ type: 'hashtag', offset: 4, length: 5 }],
      source: { index: 10 },
    });
  });
});

describe('readTelegramExport: reader', () => {
  it('refuses a second iteration, which would double the counts', async () => {
    const reader = readTelegramExport(fixture('no-id.json'));
    for await (const _event of reader) break;
    expect(() => reader[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});

describe('readTelegramExport: account export', () => {
  it('reads chats.list and left_chats.list and nothing else', async () => {
    const { records, summary } = await readAll(fixture('account/result.json'));
    expect(records.map((r) => [r.channel_id, r.message_id])).toEqual([
      ['1111111111', 10],
      ['1111111111', 11],
      ['2222222222', 2],
      ['123', 500],
      ['4444444444', 900],
    ]);
    for (const record of records) expect(isValid('message.v1', record)).toBe(true);
    expect(records[1]?.media).toEqual({
      kind: 'document',
      mime_type: 'application/pdf',
      file_name: 'pricelist.pdf',
    });
    expect(records[3]?.media).toEqual({ kind: 'voice', mime_type: 'audio/ogg' });
    expect(summary.layout).toBe('account');
    expect(
      summary.chats.map((c) => [
        c.section,
        c.position,
        c.chatId,
        c.title,
        c.type,
        c.messages,
        c.serviceSkipped,
      ]),
    ).toEqual([
      ['chats', 0, '1111111111', 'Cheap Pharmacy', 'private_channel', 2, 0],
      ['chats', 1, '2222222222', 'Market Talk', 'public_supergroup', 1, 1],
      ['chats', 2, '123', 'Bob', 'personal_chat', 1, 0],
      ['left_chats', 0, '4444444444', 'Old Drops', 'public_channel', 1, 0],
    ]);
    expect(summary.totals).toEqual({
      chats: 4,
      messages: 5,
      serviceSkipped: 1,
      bad: 0,
      badChats: 0,
      skipped: 0,
    });
  });
});

describe('readTelegramExport: bad messages', () => {
  it('reports a message without id as a bad event naming file, index and chat', async () => {
    const { events, summary } = await readAll(fixture('no-id.json'), { file: 'no-id.json' });
    expect(events.map((e) => e.kind)).toEqual(['message', 'bad', 'message']);
    const bad = events[1];
    if (bad?.kind !== 'bad') throw new Error('expected a bad event');
    expect(bad.index).toBe(1);
    expect(bad.chatId).toBe('1234567890');
    expect(bad.error.code).toBe('EXPORT_MESSAGE_NO_ID');
    expect(bad.error.message).toBe('no-id.json: message #1 (chat 1234567890): message has no id');
    expect(summary.totals).toMatchObject({ messages: 2, bad: 1 });
    expect(summary.chats[0]?.bad).toBe(1);
  });

  it('reports text of the wrong shape with EXPORT_TEXT_SHAPE', async () => {
    const { events } = await readAll(fixture('bad-text-shape.json'), { file: 'bad-text-shape.json' });
    const bad = events.flatMap((e) => (e.kind === 'bad' ? [e.error] : []));
    expect(bad.map((e) => e.code)).toEqual(['EXPORT_TEXT_SHAPE', 'EXPORT_TEXT_SHAPE']);
    expect(bad[0]?.message).toMatch(
      /^bad-text-shape\.json: message #0 \(chat 1234567890\): text is a number \(42\)/,
    );
    expect(bad[1]?.message).toMatch(
      /^bad-text-shape\.json: message #1 \(chat 1234567890\): text is an object/,
    );
    expect(events.at(-1)?.kind).toBe('message');
  });

  it('reports a message of unknown type as bad', async () => {
    const path = await tmp.write(
      'odd-type.json',
      JSON.stringify({
        name: 'c',
        type: 'public_channel',
        id: 9,
        messages: [{ id: 1, type: '', date_unixtime: '1' }],
      }),
    );
    const { events } = await readAll(path);
    expect(events[0]?.kind === 'bad' && events[0].error.code).toBe('EXPORT_MESSAGE_BAD_TYPE');
  });
});
