/**
 * `tgrisk login`, `tgrisk ingest` and `tgrisk discover` end to end: credentials errors from the real
 * binary, secrets kept out of every output, and live ingestion from FakeTelegram (real gramjs `Api`
 * objects, no network) through the in-process bus and classifier worker into a real SQLite store:
 * a restart after a failure in the middle fills the rest without gap or repeat, and an edit updates
 * the stored row.
 */
import { statSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from 'telegram';
import { returnBigInt } from 'telegram/Helpers.js';
import { FakeTelegram, type LiveIngestReport } from '@tg-risk/ingest';
import { runTgrisk, tempDir } from '../../../tests/helpers.ts';
import type { CliIo } from '../command.ts';
import { discoverCommand } from './discover.ts';
import { makeIngestCommand } from './ingest.ts';
import { makeLoginCommand } from './login.ts';

const API_HASH = '0123456789abcdef0123456789abcdef';
const SESSION = '1BQANOTAREALSESSIONbutlongenoughtobeonexxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=';

function io(input = ''): CliIo & { out: () => string; err: () => string } {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { stdin, stdout, stderr, out: () => out, err: () => err };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dir(): string {
  const t = tempDir('tgrisk-live-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('credentials', () => {
  it('tgrisk ingest without credentials says what is missing and how to log in', async () => {
    const d = dir();
    const result = await runTgrisk(['ingest', '--channels', 'channels.txt'], {
      env: { TG_API_ID: '', TG_API_HASH: '', TG_SESSION: '', TG_SESSION_FILE: path.join(d, 'none.session') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TG_API_ID is not set');
    expect(result.stderr).toContain('TG_API_HASH is not set');
    expect(result.stderr).toContain(
      `no session: TG_SESSION is not set and ${path.join(d, 'none.session')} does not exist`,
    );
    expect(result.stderr).toContain('run `tgrisk login`');
    expect(result.stderr).toContain('https://my.telegram.org');
    expect(result.stderr).not.toContain('    at ');
  });

  it('tgrisk ingest never prints the API hash or the session, even in debug logs when it cannot connect', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'channels.txt'), 'durov\n');
    const result = await runTgrisk(
      ['ingest', '--channels', path.join(d, 'channels.txt'), '--once', '--no-worker'],
      {
        env: {
          TG_API_ID: '12345',
          TG_API_HASH: API_HASH,
          TG_SESSION: SESSION,
          TGRISK_DB: path.join(d, 'db.sqlite'),
          LOG_LEVEL: 'debug',
          KAFKA_BROKERS: '',
        },
      },
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/tgrisk ingest: /);
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain(API_HASH);
      expect(text).not.toContain(SESSION);
      expect(text).not.toContain('    at ');
    }
  });

  it('tgrisk login without API credentials names them', async () => {
    const result = await runTgrisk(['login'], { env: { TG_API_ID: '', TG_API_HASH: API_HASH } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TG_API_ID is not set');
    expect(result.stderr).not.toContain(API_HASH);
  });
});

describe('tgrisk login', () => {
  const env = { TG_API_ID: '12345', TG_API_HASH: API_HASH, LOG_LEVEL: 'silent' };

  it('asks phone, code and 2FA password and saves the session with mode 0600, never printing it', async () => {
    const d = dir();
    const file = path.join(d, 'sub', 'telegram.session');
    const answers: string[] = [];
    const login = makeLoginCommand({
      async login(apiId, apiHash, prompts) {
        expect([apiId, apiHash]).toEqual([12345, API_HASH]);
        answers.push(await prompts.phoneNumber(), await prompts.phoneCode(), await prompts.password('pet'));
        return SESSION;
      },
    });
    const streams = io('+15550001111\n12345\nhunter2secret\n');
    expect(await login(['--session', file], env, streams)).toBe(0);
    expect(answers).toEqual(['+15550001111', '12345', 'hunter2secret']);
    expect(readFileSync(file, 'utf8').trim()).toBe(SESSION);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const printed = streams.out() + streams.err();
    expect(printed).toContain('hint: pet');
    for (const secret of [SESSION, API_HASH, 'hunter2secret']) expect(printed).not.toContain(secret);
  });

  it('keeps the API hash, phone, code and password out of error messages', async () => {
    const login = makeLoginCommand({
      async login(_id, apiHash, prompts) {
        const phone = await prompts.phoneNumber();
        const password = await prompts.password();
        await prompts.onError(new Error(`PASSWORD_HASH_INVALID for ${password}`));
        throw new Error(`auth failed for ${phone} with ${apiHash} and ${password}`);
      },
    });
    const streams = io('+15550001111\nhunter2secret\n');
    await expect(login(['--session', path.join(dir(), 's')], env, streams)).rejects.toThrow(
      'login failed: auth failed for [redacted] with [redacted] and [redacted]',
    );
    expect(streams.err()).toContain('PASSWORD_HASH_INVALID for [redacted]');
    expect(streams.err()).not.toContain('hunter2secret');
  });
});

describe('tgrisk ingest from FakeTelegram into SQLite', () => {
  it('resumes after a failure in the middle without gap or repeat, and an edit updates the stored row', async () => {
    const d = dir();
    const db = path.join(d, 'tgrisk.db');
    const channels = path.join(d, 'channels.txt');
    writeFileSync(channels, '# test\nhttps://t.me/shopchan\nnosuchchan\n');
    const fake = new FakeTelegram();
    fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop', scam: true });
    fake.addChannel({ id: '1003', username: 'supplierchan', title: 'Supplier' });
    fake.postMany('1001', 240);
    fake.post('1001', {
      message: 'restock from t.me/supplierchan',
      fwdFrom: new Api.MessageFwdHeader({
        fromId: new Api.PeerChannel({ channelId: returnBigInt(1003) }),
        date: 1,
      }),
    });
    fake.postMany('1001', 9);
    // Pages 1 and 2 go through; page 3 and the closing watchdog look fail: the run stops at 200.
    fake.failNext('messages.GetHistory', 'HISTORY_GET_FAILED', { after: 2, times: 2 });
    const ingest = makeIngestCommand({
      connect: async () => ({ transport: fake, close: async () => {} }),
    });
    const env = {
      TG_API_ID: '12345',
      TG_API_HASH: API_HASH,
      TG_SESSION: SESSION,
      TGRISK_DB: db,
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: '',
    };
    const args = ['--channels', channels, '--once', '--limit', 'all', '--json'];

    const first = io();
    expect(await ingest(args, env, first)).toBe(1);
    const report1 = JSON.parse(first.out()) as LiveIngestReport;
    expect(report1.channels.map((c) => [c.channel, c.status])).toEqual([
      ['@shopchan', 'failed'],
      ['@nosuchchan', 'not_found'],
    ]);
    expect(report1.counts.messagesPublished).toBe(200);

    const second = io();
    expect(await ingest(args, env, second)).toBe(0);
    const report2 = JSON.parse(second.out()) as LiveIngestReport;
    expect(report2.counts).toMatchObject({ messagesPublished: 50, resolves: 0, resolveCacheHits: 1 });

    // An edit of a recent message: a one-shot run still reads each channel's newest messages once.
    fake.edit('1001', 245, 'price went up');
    const third = io();
    expect(await ingest(args, env, third)).toBe(0);
    expect((JSON.parse(third.out()) as LiveIngestReport).counts).toMatchObject({
      messagesPublished: 0,
      editsPublished: 1,
    });

    const sqlite = new Database(db, { readonly: true });
    try {
      const rows = sqlite
        .prepare("SELECT message_id FROM messages WHERE channel_id = '1001' ORDER BY message_id")
        .all();
      expect(rows.map((r) => (r as { message_id: number }).message_id)).toEqual(
        Array.from({ length: 250 }, (_, i) => i + 1),
      );
      const edited = sqlite
        .prepare("SELECT text, edit_date FROM messages WHERE channel_id = '1001' AND message_id = 245")
        .get() as { text: string; edit_date: string | null };
      expect(edited.text).toBe('price went up');
      expect(edited.edit_date).toMatch(/Z$/);
      const checkpoint = sqlite
        .prepare("SELECT last_message_id FROM ingest_checkpoints WHERE channel_id = '1001'")
        .get();
      expect(checkpoint).toEqual({ last_message_id: 250 });
    } finally {
      sqlite.close();
    }
    for (const text of [first.out(), first.err(), second.out(), second.err(), third.out(), third.err()]) {
      expect(text).not.toContain(SESSION);
      expect(text).not.toContain(API_HASH);
    }

    const discovered = io();
    expect(await discoverCommand(['--db', db, '--json'], { LOG_LEVEL: 'silent' }, discovered)).toBe(0);
    expect(JSON.parse(discovered.out())).toEqual([
      expect.objectContaining({
        channelId: '1003',
        username: 'supplierchan',
        referrers: 1,
        flaggedReferrers: 1,
      }),
    ]);
  });
});
