/** The reader on files that are broken, not exports, or laid out unusually. */
import { join } from 'node:path';
import { PoisonRecordError, UsageError } from '@tg-risk/core';
import { describe, expect, it } from 'vitest';
import { failure, fixture, readAll, useTmpDir } from './test-support.ts';

const tmp = useTmpDir();

describe('readTelegramExport: broken files', () => {
  it('throws EXPORT_JSON_SYNTAX on a truncated file, after yielding what it could read', async () => {
    const { error, events } = await failure(fixture('truncated.json'), { file: 'truncated.json' });
    expect(events).toHaveLength(2);
    expect(error).toBeInstanceOf(PoisonRecordError);
    const poison = error as PoisonRecordError;
    expect(poison.code).toBe('EXPORT_JSON_SYNTAX');
    expect(poison.retriable).toBe(false);
    expect(poison.message).toMatch(
      /^truncated\.json: invalid JSON, the file ends mid-document \(truncated\?\)/,
    );
    expect(poison.message).toContain('after truncated.json: message #1 (chat 3333333333)');
    expect(poison.context).toMatchObject({ file: 'truncated.json', index: 1, channelId: '3333333333' });
  });

  it('throws EXPORT_NOT_UTF8 at the first bad byte, after yielding every message before it', async () => {
    const head = Buffer.from('{"name":"x","id":5,"type":"public_channel","messages":[');
    const message = (id: number, text: string) =>
      Buffer.from(`{"id":${id},"type":"message","date":"2024-05-01T10:00:00","text":"${text}"},`);
    // Block size 16 puts the bad byte (a lone continuation byte 0x80) mid-block, several blocks in.
    const bytes = Buffer.concat([
      head,
      message(1, 'xin chào đá'),
      message(2, 'ok'),
      Buffer.from('{"id":3,"type":"message","date":"2024-05-01T10:00:00","text":"bad '),
      Buffer.from([0x80]),
      Buffer.from('"}]}'),
    ]);
    const at = bytes.indexOf(0x80, head.length + 60);
    const path = await tmp.write('damaged.json', bytes);
    const { error, events } = await failure(path, { file: 'damaged.json', readBlockSize: 16 });
    expect(events.map((e) => (e.kind === 'message' ? e.record.text : e.kind))).toEqual(['xin chào đá', 'ok']);
    const poison = error as PoisonRecordError;
    expect(poison.code).toBe('EXPORT_NOT_UTF8');
    expect(poison.message).toBe(
      `damaged.json: not valid UTF-8 at byte ${at} (the file is damaged: Telegram writes UTF-8), ` +
        'after damaged.json: message #1 (chat 5); everything before it was read',
    );
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut off at the end of the file', [0xe2, 0x82]],
  ])('rejects %s instead of replacing it with U+FFFD', async (_name, bad) => {
    const bytes = Buffer.concat([Buffer.from('{"name":"x","id":5,"messages":[]} '), Buffer.from(bad)]);
    const { error } = await failure(await tmp.write('bad-bytes.json', bytes));
    expect((error as PoisonRecordError).code).toBe('EXPORT_NOT_UTF8');
    expect((error as PoisonRecordError).message).toContain('not valid UTF-8 at byte 34');
  });

  it('throws EXPORT_JSON_SYNTAX with the parser problem on malformed JSON', async () => {
    const path = await tmp.write(
      'garbage.json',
      '{"name":"x","id":5,"messages":[{"id":1,"type":"message" "date":1}]}',
    );
    const { error } = await failure(path, { file: 'garbage.json' });
    expect((error as PoisonRecordError).code).toBe('EXPORT_JSON_SYNTAX');
    expect((error as PoisonRecordError).message).toMatch(
      /^garbage\.json: invalid JSON, Parser cannot parse input: expected ','.*before any message was read$/,
    );
  });

  it.each([
    ['empty.json', '', 'the file holds no JSON value'],
    ['spaces.json', '  \n', 'the file holds no JSON value'],
    ['trailing.json', '{"name":"x","id":5,"messages":[]} extra', 'unexpected characters'],
  ])('throws EXPORT_JSON_SYNTAX for %s', async (name, content, problem) => {
    const { error } = await failure(await tmp.write(name, content));
    expect((error as PoisonRecordError).code).toBe('EXPORT_JSON_SYNTAX');
    expect((error as PoisonRecordError).message).toContain(problem);
  });

  it('throws EXPORT_NOT_TELEGRAM for JSON that is not an export, listing what it found', async () => {
    const { error } = await failure(fixture('not-export.json'), { file: 'not-export.json' });
    expect((error as PoisonRecordError).code).toBe('EXPORT_NOT_TELEGRAM');
    expect((error as PoisonRecordError).message).toBe(
      'not-export.json: not a Telegram Desktop export: expected a top-level "messages" array (single-chat export) ' +
        'or "chats"/"left_chats" with a "list" of chats (account export); top-level keys: version, items, generated',
    );
  });

  it.each([
    ['[1,2]', 'the top-level value is an array'],
    ['123', 'the top-level value is a number (123)'],
    ['{"chats":[]}', '"chats" is an array; expected an object with a "list" of chats'],
    ['{"chats":{"list":{}}}', '"chats.list" is an object; expected an array of chats'],
  ])('throws EXPORT_NOT_TELEGRAM for %s', async (content, problem) => {
    const { error } = await failure(await tmp.write('shape.json', content));
    expect((error as PoisonRecordError).code).toBe('EXPORT_NOT_TELEGRAM');
    expect((error as PoisonRecordError).message).toContain(problem);
  });

  it('throws a UsageError naming a missing file', async () => {
    const missing = join(tmp.dir(), 'nope', 'result.json');
    const { error } = await failure(missing);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(`Telegram export not found: ${missing}`);
  });

  it('throws a UsageError for a directory', async () => {
    const { error } = await failure(tmp.dir());
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('is not a file');
  });
});

describe('readTelegramExport: chat fields in unusual places', () => {
  const message = { id: 1, type: 'message', date_unixtime: '1682949802', text: 'x' };

  it('reads chat fields that come after messages into the summary, and reports the chat when the id is late', async () => {
    const path = await tmp.write(
      'late-id.json',
      JSON.stringify({ messages: [message, message], name: 'Late', id: 77 }),
    );
    const { events, summary } = await readAll(path, { file: 'late-id.json' });
    expect(events).toHaveLength(1);
    const bad = events[0];
    if (bad?.kind !== 'bad_chat') throw new Error('expected a bad_chat event');
    expect(bad.error.code).toBe('EXPORT_CHAT_ID_AFTER_MESSAGES');
    expect(bad.error.message).toMatch(/^late-id\.json: chat "Late": "id" comes after "messages"/);
    expect(summary.chats[0]).toMatchObject({
      title: 'Late',
      skipped: 2,
      messages: 0,
      error: 'EXPORT_CHAT_ID_AFTER_MESSAGES',
    });
    expect(summary.totals).toMatchObject({ badChats: 1, skipped: 2 });
  });

  it('imports a chat whose name and type follow its messages (title unknown while streaming)', async () => {
    const path = await tmp.write(
      'late-name.json',
      JSON.stringify({ id: 77, messages: [message], name: 'Late' }),
    );
    const { records, summary } = await readAll(path);
    expect(records[0]?.channel_title).toBeNull();
    expect(summary.chats[0]?.title).toBe('Late');
  });

  it('reports chats without a usable id or with non-array messages, and goes on with the next chat', async () => {
    const content = JSON.stringify({
      chats: {
        list: [
          { name: 'No id', messages: [message] },
          { name: 'Bad id', id: -5, messages: [message, message] },
          'not a chat',
          { name: 'Odd', id: 8, messages: 'none' },
          { name: 'Good', id: 9, messages: [message] },
        ],
      },
    });
    const { events, summary } = await readAll(await tmp.write('chats.json', content), { file: 'chats.json' });
    const problems = events.flatMap((e) => (e.kind === 'bad_chat' ? [[e.error.code, e.error.message]] : []));
    expect(problems).toEqual([
      [
        'EXPORT_CHAT_NO_ID',
        'chats.json: chats.list[0] "No id": chat has no "id"; expected a positive integer',
      ],
      [
        'EXPORT_CHAT_NO_ID',
        'chats.json: chats.list[1] "Bad id": chat id is a number (-5); expected a positive integer',
      ],
      [
        'EXPORT_CHAT_SHAPE',
        'chats.json: chats.list[2]: chat entry is a string "not a chat"; expected an object',
      ],
      [
        'EXPORT_CHAT_SHAPE',
        'chats.json: chats.list[3] "Odd": "messages" is a string "none"; expected an array',
      ],
    ]);
    expect(events.at(-1)?.kind).toBe('message');
    expect(summary.totals).toEqual({
      chats: 5,
      messages: 1,
      serviceSkipped: 0,
      bad: 0,
      badChats: 4,
      skipped: 3,
    });
  });

  it('keeps chat ids beyond 2^53 digit for digit', async () => {
    const path = await tmp.write(
      'big-id.json',
      `{"id": 98765432109876543210, "messages": [${JSON.stringify(message)}]}`,
    );
    const { records } = await readAll(path);
    expect(records[0]?.channel_id).toBe('98765432109876543210');
  });

  it('ignores a UTF-8 byte-order mark and multi-byte characters split across read blocks', async () => {
    const text = 'ёжик 🦔 '.repeat(50);
    const path = await tmp.write(
      'bom.json',
      `\ufeff${JSON.stringify({ id: 5, messages: [{ ...message, text }] })}`,
    );
    const { records } = await readAll(path, { readBlockSize: 7 });
    expect(records[0]?.text).toBe(text);
  });
});
