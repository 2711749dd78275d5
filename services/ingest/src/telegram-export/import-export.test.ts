import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PoisonRecordError } from '@tg-risk/core';
import type { MessageV1 } from '@tg-risk/schemas';
import { describe, expect, it } from 'vitest';
import { importTelegramExport } from './index.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/', import.meta.url));

function collect() {
  const written: MessageV1[] = [];
  const warnings: string[] = [];
  return {
    written,
    warnings,
    write: async (record: MessageV1) => {
      written.push(record);
    },
    warn: (message: string) => warnings.push(message),
  };
}

describe('importTelegramExport', () => {
  it('writes every record in file order and returns the summary', async () => {
    const sink = collect();
    const summary = await importTelegramExport({ path: join(fixtures, 'account/result.json'), ...sink });
    expect(sink.written.map((r) => r.message_id)).toEqual([10, 11, 2, 500, 900]);
    expect(sink.warnings).toEqual([]);
    expect(summary.totals).toMatchObject({ chats: 4, messages: 5, serviceSkipped: 1 });
  });

  it('throws the first bad message without skipBad, naming file, index, chat and problem', async () => {
    const sink = collect();
    const run = importTelegramExport({ path: join(fixtures, 'no-id.json'), file: 'result.json', ...sink });
    await expect(run).rejects.toThrow(PoisonRecordError);
    await expect(run).rejects.toMatchObject({
      code: 'EXPORT_MESSAGE_NO_ID',
      message: 'result.json: message #1 (chat 1234567890): message has no id',
      context: { file: 'result.json', index: 1, channelId: '1234567890' },
    });
    expect(sink.written.map((r) => r.message_id)).toEqual([1]);
  });

  it('warns with the same text and goes on with skipBad', async () => {
    const sink = collect();
    const path = join(fixtures, 'bad-text-shape.json');
    const summary = await importTelegramExport({ path, file: 'odd.json', skipBad: true, ...sink });
    expect(sink.written.map((r) => r.message_id)).toEqual([3]);
    expect(sink.warnings).toHaveLength(2);
    expect(sink.warnings[0]).toMatch(/^odd\.json: message #0 \(chat 1234567890\): text is a number \(42\)/);
    expect(sink.warnings[1]).toMatch(/^odd\.json: message #1 \(chat 1234567890\): text is an object/);
    expect(summary.totals).toMatchObject({ messages: 1, bad: 2 });
    expect(summary.chats[0]).toMatchObject({ messages: 1, bad: 2 });
  });

  it('always throws on syntax errors, even with skipBad', async () => {
    const sink = collect();
    const run = importTelegramExport({ path: join(fixtures, 'truncated.json'), skipBad: true, ...sink });
    await expect(run).rejects.toMatchObject({ code: 'EXPORT_JSON_SYNTAX' });
    expect(sink.written).toHaveLength(2);
  });

  it('stops reading when write fails, passing its error on', async () => {
    const failing = new Error('sink down');
    const run = importTelegramExport({
      path: join(fixtures, 'single-chat/result.json'),
      write: () => {
        throw failing;
      },
      warn: () => undefined,
    });
    await expect(run).rejects.toBe(failing);
  });
});
