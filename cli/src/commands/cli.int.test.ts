/** The tgrisk binary as a user runs it: exit codes, stdout/stderr, no stack traces. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertValid } from '@tg-risk/schemas';
import { REPO_ROOT, runTgrisk, tempDir } from '../../../tests/helpers.ts';

const SAMPLE = path.join(REPO_ROOT, 'samples/telegram-export/result.json');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function scratch(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('tgrisk import', () => {
  it('writes one valid message.v1 line per message and a summary on stderr', async () => {
    const result = await runTgrisk(['import', SAMPLE]);
    expect(result.code).toBe(0);
    const records = result.stdout
      .trim()
      .split('\n')
      .map((l) => assertValid('message.v1', JSON.parse(l)));
    expect(records).toHaveLength(221);
    expect(result.stderr).toMatch(/221 messages from 8 chats; 15 service messages skipped/);
  });

  it('writes to --out FILE', async () => {
    const out = path.join(scratch(), 'messages.jsonl');
    const result = await runTgrisk(['import', SAMPLE, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(221);
  });

  it('fails on a bad message naming the file, the message index and the problem, without a stack', async () => {
    const file = path.join(scratch(), 'result.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'C',
        type: 'public_channel',
        id: 123,
        messages: [
          { id: 1, type: 'message', date: '2025-01-01T00:00:00', date_unixtime: '1735689600', text: 'ok' },
          { type: 'message', date: '2025-01-01T00:00:00', date_unixtime: '1735689600', text: 'no id' },
          { id: 3, type: 'message', date: '2025-01-01T00:00:00', date_unixtime: '1735689600', text: 5 },
        ],
      }),
    );
    const strict = await runTgrisk(['import', file]);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/result\.json: message #1 \(chat 123\):/);
    expect(strict.stderr).not.toMatch(/\n\s+at /);

    const lenient = await runTgrisk(['import', file, '--skip-bad']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout.trim().split('\n')).toHaveLength(1);
    expect(lenient.stderr).toMatch(
      /warning: skipped .*message #1 .*\n.*warning: skipped .*message #2 \(chat 123\): .*text/,
    );
  });

  it('fails on truncated JSON naming the file, and on a missing file naming the path', async () => {
    const file = path.join(scratch(), 'cut.json');
    writeFileSync(file, readFileSync(SAMPLE, 'utf8').slice(0, 20_000));
    const cut = await runTgrisk(['import', file]);
    expect(cut.code).not.toBe(0);
    expect(cut.stderr).toMatch(/cut\.json/);
    expect(cut.stderr).not.toMatch(/\n\s+at /);
    const missing = await runTgrisk(['import', path.join(scratch(), 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json/);
  });
});

describe('tgrisk classify', () => {
  it('writes one line per input line, in order, echoing ids, with error objects for bad lines', async () => {
    const input = Buffer.concat([
      Buffer.from('{"id":1,"text":"Закладки мефедрон 1г 2500р"}\n'),
      Buffer.from('not json\n'),
      Buffer.from('{"id":"e","text":""}\n'),
      Buffer.from([0x7b, 0xff, 0x0a]),
      Buffer.from(`${JSON.stringify({ id: 'big', text: 'x'.repeat(1024 * 1024) })}\n`),
      Buffer.from('\n'),
      Buffer.from('{"id":2,"text":"Nice weather in Hanoi today"}\n'),
    ]);
    const result = await runTgrisk(['classify'], { input });
    expect(result.code).toBe(0);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.schema, o.id ?? null])).toEqual([
      ['label.v1', 1],
      ['classify-error.v1', null],
      ['classify-error.v1', 'e'],
      ['classify-error.v1', null],
      ['classify-error.v1', 'big'],
      ['label.v1', 2],
    ]);
    expect(out.slice(1, 5).map((o) => o.error.code)).toEqual([
      'INPUT_NOT_JSON',
      'TEXT_EMPTY',
      'INPUT_NOT_UTF8',
      'TEXT_TOO_LONG',
    ]);
    expect(assertValid('label.v1', out[0]).labels).toEqual(['drugs']);
    expect(out[5].labels).toEqual([]);
  });
});

describe('tgrisk run (embedded default)', () => {
  it('runs the sample end to end with no Kafka and prints the per-channel summary', async () => {
    const db = path.join(scratch(), 'store.db');
    const env = { KAFKA_BROKERS: '', TGRISK_DB: db };
    const result = await runTgrisk(['run', '--json'], { env });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.bus).toBe('in-process bus');
    expect(report.store).toBe(`SQLite at ${db}`);
    expect(report.channels).toHaveLength(8);
    expect(report.channels.reduce((n: number, c: { messages: number }) => n + c.messages, 0)).toBe(221);
    const again = await runTgrisk(['run', '--json'], { env });
    expect(JSON.parse(again.stdout).channels).toEqual(report.channels);
  });

  it('says what is wrong with bad configuration', async () => {
    const result = await runTgrisk(['run'], {
      env: { KAFKA_BROKERS: 'no-port', TGRISK_DB: path.join(scratch(), 'x.db') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/KAFKA_BROKERS/);
  });

  it('tells a worker without Kafka what it needs', async () => {
    const result = await runTgrisk(['worker'], { env: { KAFKA_BROKERS: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tgrisk worker needs KAFKA_BROKERS/);
  });
});
