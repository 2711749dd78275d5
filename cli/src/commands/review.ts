/**
 * `tgrisk review`: the analysts' review server, and the admin chores around it.
 *
 *   tgrisk review [serve] [--port N] [--host H] [--db FILE | --database-url URL] [--model DIR] [--rule k=N|p=SHARE]
 *   tgrisk review user add NAME --role analyst[,auditor,admin] [--password-stdin]
 *   tgrisk review user set NAME [--role ROLES] [--disable | --enable] [--password-stdin]
 *   tgrisk review user list
 *   tgrisk review sync                                  bring the review queues up to date once
 *   tgrisk review export eval|gold|design [--sample ID] [--out FILE]
 *
 * The store is the SQLite file (--db, TGRISK_DB) or PostgreSQL (--database-url, TGRISK_DATABASE_URL).
 * A password comes from stdin with --password-stdin, or is generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createLogger, UsageError, type ReviewRole, type ReviewStore } from '@tg-risk/core';
import { DEFAULT_MODEL_DIR } from '@tg-risk/models';
import {
  channelGoldLines,
  createQueueProjector,
  evalExampleLines,
  hashPassword,
  IncompleteSampleError,
  loadReviewConfig,
  openReviewStore,
  storeChoiceFromEnv,
  strataDesign,
} from '@tg-risk/review';
import { runReviewServer } from '@tg-risk/review/main';
import type { CliIo, Command } from '../command.ts';
import { writeWithBackpressure } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';

const ROLES: readonly ReviewRole[] = ['analyst', 'auditor', 'admin'];
const STORE_OPTIONS = { db: { type: 'string' }, 'database-url': { type: 'string' } } as const;

function parseRoles(text: string | undefined): ReviewRole[] {
  if (text === undefined)
    throw new UsageError('--role is required: analyst, auditor and/or admin, comma-separated');
  const roles = text.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !ROLES.includes(r as ReviewRole));
  if (unknown.length > 0 || roles.length === 0) {
    throw new UsageError(`--role: unknown role "${unknown.join(', ')}"; use analyst, auditor and/or admin`);
  }
  return [...new Set(roles)] as ReviewRole[];
}

async function readPassword(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) text += chunk.toString();
  const password = text.replace(/\r?\n$/, '');
  if (password.length < 12) throw new UsageError('the password on stdin must have at least 12 characters');
  return password;
}

async function withStore<T>(
  env: Record<string, string | undefined>,
  values: { db?: string; 'database-url'?: string },
  work: (store: ReviewStore) => Promise<T>,
): Promise<T> {
  const store = await openReviewStore(
    storeChoiceFromEnv(env, { db: values.db, databaseUrl: values['database-url'] }),
  );
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const serve: Command = async (args, env, io) => {
  const { values, positionals } = parseCommandArgs('review serve', args, {
    ...STORE_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
    model: { type: 'string' },
    rule: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new UsageError(`review serve takes no arguments, got "${positionals.join(' ')}"`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    throw new UsageError(`--port must be 0-65535, got "${values.port}"`);
  }
  return runReviewServer(env, {
    port,
    host: values.host,
    db: values.db,
    databaseUrl: values['database-url'],
    modelDir: values.model,
    rule: values.rule,
    onListening: (url) =>
      io.stdout.write(`review UI at ${url}/ (API description at ${url}/api/openapi.json)\n`),
  });
};

const user: Command = async (args, env, io) => {
  const { values, positionals } = parseCommandArgs('review user', args, {
    ...STORE_OPTIONS,
    role: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    disable: { type: 'boolean', default: false },
    enable: { type: 'boolean', default: false },
  });
  const [action, name] = positionals;
  if (action === 'list') {
    return withStore(env, values, async (store) => {
      for (const r of await store.listReviewers()) {
        io.stdout.write(`${r.username}\t${r.roles.join(',')}\t${r.disabled ? 'disabled' : 'active'}\n`);
      }
      return 0;
    });
  }
  if ((action !== 'add' && action !== 'set') || name === undefined) {
    throw new UsageError('usage: tgrisk review user add NAME --role ROLES | user set NAME [...] | user list');
  }
  if (values.disable && values.enable) throw new UsageError('--disable and --enable exclude each other');
  let generated: string | undefined;
  let password: string | undefined;
  if (values['password-stdin']) password = await readPassword(io);
  else if (action === 'add') password = generated = randomBytes(18).toString('base64url');
  return withStore(env, values, async (store) => {
    if (action === 'add') {
      await store.createReviewer({
        username: name,
        roles: parseRoles(values.role),
        passwordHash: await hashPassword(password!),
        createdAt: new Date().toISOString(),
      });
      io.stdout.write(`reviewer ${name} created\n`);
      if (generated) io.stdout.write(`password (shown once): ${generated}\n`);
      return 0;
    }
    const updated = await store.updateReviewer(name, {
      roles: values.role === undefined ? undefined : parseRoles(values.role),
      passwordHash: password === undefined ? undefined : await hashPassword(password),
      disabled: values.disable ? true : values.enable ? false : undefined,
    });
    if (!updated)
      throw new UsageError(`no reviewer named "${name}"; list them with \`tgrisk review user list\``);
    if (password !== undefined || values.disable) await store.deleteSessionsOf(updated.id);
    io.stdout.write(`reviewer ${name} updated\n`);
    return 0;
  });
};

const sync: Command = async (args, env, io) => {
  const { values } = parseCommandArgs('review sync', args, {
    ...STORE_OPTIONS,
    model: { type: 'string' },
    rule: { type: 'string' },
  });
  const config = loadReviewConfig(
    env,
    values.model ?? env.TGRISK_MODEL_DIR ?? DEFAULT_MODEL_DIR,
    values.rule,
  );
  const logger = createLogger('warn', 'review');
  return withStore(env, values, async (store) => {
    const result = await createQueueProjector(store, config, logger).sync();
    io.stdout.write(`review queues updated: ${result.messages} messages, ${result.channels} channels\n`);
    return 0;
  });
};

const exportCommand: Command = async (args, env, io) => {
  const { values, positionals } = parseCommandArgs('review export', args, {
    ...STORE_OPTIONS,
    sample: { type: 'string' },
    out: { type: 'string' },
  });
  const [what] = positionals;
  const sampleId = values.sample === undefined ? null : Number(values.sample);
  if (sampleId !== null && !(Number.isInteger(sampleId) && sampleId >= 1)) {
    throw new UsageError(`--sample must be a sample id (a whole number >= 1), got "${values.sample}"`);
  }
  const out = values.out ? createWriteStream(values.out) : io.stdout;
  const write = async (chunk: string) => writeWithBackpressure(out, chunk);
  const code = await withStore(env, values, async (store) => {
    if (what === 'eval') {
      for await (const line of evalExampleLines(store)) await write(line);
    } else if (what === 'gold') {
      for (const line of await channelGoldLines(store, sampleId)) await write(line);
    } else if (what === 'design') {
      if (sampleId === null) throw new UsageError('export design needs --sample ID');
      const sample = await store.getSample(sampleId);
      if (!sample) throw new UsageError(`no audit sample ${sampleId}`);
      try {
        await write(`${JSON.stringify(strataDesign(sample, await store.sampleItems(sampleId)), null, 2)}\n`);
      } catch (error) {
        if (error instanceof IncompleteSampleError)
          throw new UsageError(`sample ${sampleId}: ${error.message}`);
        throw error;
      }
    } else {
      throw new UsageError('usage: tgrisk review export eval|gold|design [--sample ID] [--out FILE]');
    }
    return 0;
  });
  if (values.out) {
    out.end();
    await once(out, 'finish');
  }
  return code;
};

const SUBCOMMANDS: Record<string, Command> = { serve, user, sync, export: exportCommand };

export const reviewCommand: Command = async (args, env, io) => {
  const [first, ...rest] = args;
  if (first === undefined || first.startsWith('-')) return serve(args, env, io);
  const sub = SUBCOMMANDS[first];
  if (!sub) throw new UsageError(`unknown review subcommand "${first}"; use serve, user, sync or export`);
  return sub(rest, env, io);
};
