/**
 * `tgrisk review` as a user runs it: the pipeline fills a store, reviewers are added, the queues
 * synced, the server answers over HTTP and stops on SIGTERM; the same chores on PostgreSQL.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { dropTestSchemas, testSchema } from '@tg-risk/store';
import { collect, runTgrisk, spawnTgrisk, tempDir } from '../../../tests/helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
afterAll(dropTestSchemas);

function scratchDb(): string {
  const t = tempDir('tgrisk-review-cli-');
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'store.db');
}

// The pipeline runs in-process here: no broker needed to fill the store.
const NO_KAFKA = { KAFKA_BROKERS: '' };

describe('tgrisk review (SQLite)', () => {
  it('adds reviewers, syncs the queues from a pipeline run, serves the API and stops on SIGTERM', async () => {
    const db = scratchDb();
    expect((await runTgrisk(['run', '--db', db], { env: NO_KAFKA })).code).toBe(0);
    const added = await runTgrisk(
      ['review', 'user', 'add', 'ana', '--role', 'analyst', '--password-stdin', '--db', db],
      {
        input: 'correct horse battery staple\n',
      },
    );
    expect(added).toMatchObject({ code: 0, stdout: 'reviewer ana created\n' });
    const generated = await runTgrisk([
      'review',
      'user',
      'add',
      'aud',
      '--role',
      'auditor,analyst',
      '--db',
      db,
    ]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/password \(shown once\): [A-Za-z0-9_-]{24}\n/);
    const listed = await runTgrisk(['review', 'user', 'list', '--db', db]);
    expect(listed.stdout).toBe('ana\tanalyst\tactive\naud\tauditor,analyst\tactive\n');
    const synced = await runTgrisk(['review', 'sync', '--db', db]);
    expect(synced).toMatchObject({ code: 0, stdout: 'review queues updated: 221 messages, 8 channels\n' });

    const server = spawnTgrisk(['review', '--db', db, '--port', '0']);
    const output = collect(server);
    let url = '';
    for await (const chunk of server.stdout!) {
      const match = /review UI at (http:\/\/\S+?)\/ /.exec(String(chunk));
      if (match) {
        url = match[1]!;
        break;
      }
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/api/queue/messages`)).status).toBe(401);
    const login = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ana', password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const queue = (await (
      await fetch(`${url}/api/queue/messages?sort=risk&limit=5`, { headers: { cookie } })
    ).json()) as {
      items: Array<{ labels: string[] }>;
    };
    expect(queue.items).toHaveLength(5);
    expect(queue.items[0]!.labels.length).toBeGreaterThan(0);
    server.kill('SIGTERM');
    const result = await output;
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('correct horse');
  });

  it('exports nothing before any decision and names what is missing', async () => {
    const db = scratchDb();
    expect(await runTgrisk(['review', 'export', 'eval', '--db', db])).toMatchObject({ code: 0, stdout: '' });
    const design = await runTgrisk(['review', 'export', 'design', '--db', db]);
    expect(design.code).toBe(2);
    expect(design.stderr).toContain('export design needs --sample ID');
    const role = await runTgrisk(['review', 'user', 'add', 'x', '--role', 'wizard', '--db', db]);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('unknown role "wizard"');
    expect(role.stderr).not.toMatch(/\n\s+at /);
    const weak = await runTgrisk(
      ['review', 'user', 'add', 'x', '--role', 'admin', '--password-stdin', '--db', db],
      {
        input: 'short\n',
      },
    );
    expect(weak.code).toBe(2);
  });
});

describe('tgrisk review (PostgreSQL)', () => {
  it('adds a reviewer and syncs the queues in a PostgreSQL schema', async () => {
    const url = inject('databaseUrl');
    const env = { TGRISK_DATABASE_URL: url, TGRISK_DATABASE_SCHEMA: testSchema(url, 'cli') };
    expect(await runTgrisk(['review', 'user', 'add', 'ana', '--role', 'analyst'], { env })).toMatchObject({
      code: 0,
    });
    expect(await runTgrisk(['review', 'user', 'list'], { env })).toMatchObject({
      stdout: 'ana\tanalyst\tactive\n',
    });
    expect(await runTgrisk(['review', 'sync'], { env })).toMatchObject({
      code: 0,
      stdout: 'review queues updated: 0 messages, 0 channels\n',
    });
    const refused = await runTgrisk(['review', 'user', 'list'], {
      env: { TGRISK_DATABASE_URL: 'postgres://u:s3cret@127.0.0.1:1/x' },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not reachable');
    expect(refused.stderr).not.toContain('s3cret');
  });
});
