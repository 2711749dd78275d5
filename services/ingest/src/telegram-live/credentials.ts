/**
 * Telegram credentials of live ingestion: the API id and hash of an application registered at
 * https://my.telegram.org, from TG_API_ID / TG_API_HASH, and the session string `tgrisk login`
 * writes to a file readable by its owner only (mode 0600). The API hash and the session string are
 * secrets: they never reach logs or error messages (`redactSecrets`).
 */
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { registerSecret, UsageError } from '@tg-risk/core';

/** Where `tgrisk login` saves the session unless --session or TG_SESSION_FILE says otherwise. */
export const DEFAULT_SESSION_FILE = '.data/telegram.session';

const HOW_TO =
  'Get TG_API_ID and TG_API_HASH at https://my.telegram.org ("API development tools"), export them, ' +
  'then run `tgrisk login` once to save a session (README.md, "Live ingestion from Telegram").';

type Env = Record<string, string | undefined>;

/** The API id and hash. */
export interface ApiCredentials {
  apiId: number;
  apiHash: string;
}

function apiProblems(env: Env): string[] {
  const problems: string[] = [];
  const id = env.TG_API_ID?.trim();
  if (!id) problems.push('TG_API_ID is not set');
  else if (!/^[1-9][0-9]{0,11}$/.test(id))
    problems.push('TG_API_ID is not a number (it is the "App api_id")');
  const hash = env.TG_API_HASH?.trim();
  if (!hash) problems.push('TG_API_HASH is not set');
  else if (!/^[0-9a-f]{32}$/i.test(hash))
    problems.push('TG_API_HASH is not 32 hexadecimal characters (the "App api_hash")');
  return problems;
}

function missing(problems: string[]): UsageError {
  return new UsageError(`missing Telegram credentials:\n  - ${problems.join('\n  - ')}\n${HOW_TO}`);
}

/** TG_API_ID and TG_API_HASH; throws UsageError naming each one missing or malformed, and the fix. */
export function apiCredentials(env: Env): ApiCredentials {
  const problems = apiProblems(env);
  if (problems.length > 0) throw missing(problems);
  registerSecret(env.TG_API_HASH!.trim());
  return { apiId: Number(env.TG_API_ID!.trim()), apiHash: env.TG_API_HASH!.trim() };
}

/** The session file: --session, else TG_SESSION_FILE, else the default. */
export function sessionFile(env: Env, option?: string): string {
  return option ?? env.TG_SESSION_FILE ?? DEFAULT_SESSION_FILE;
}

/** Everything `tgrisk ingest` needs to connect. */
export interface LiveCredentials extends ApiCredentials {
  session: string;
  /** Set when the session file can be read by others than its owner. */
  warning?: string;
}

/**
 * The API credentials and the session (TG_SESSION, else the session file). Throws one UsageError
 * listing everything missing, so a first run says at once what to set and that `tgrisk login` comes first.
 */
export async function liveCredentials(env: Env, file: string): Promise<LiveCredentials> {
  const problems = apiProblems(env);
  let session = env.TG_SESSION?.trim() ?? '';
  let warning: string | undefined;
  if (session === '') {
    try {
      session = (await readFile(file, 'utf8')).trim();
      const mode = (await stat(file)).mode & 0o777;
      if ((mode & 0o077) !== 0) {
        warning = `${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`;
      }
      if (session === '') problems.push(`the session file ${file} is empty: run \`tgrisk login\` again`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? `no session: TG_SESSION is not set and ${file} does not exist (run \`tgrisk login\` first)`
          : `the session file ${file} cannot be read (${code ?? 'error'})`,
      );
    }
  }
  if (problems.length > 0) throw missing(problems);
  // From here on the logger cuts these values out of every line, wherever they end up.
  registerSecret(session);
  registerSecret(env.TG_API_HASH!.trim());
  return {
    apiId: Number(env.TG_API_ID!.trim()),
    apiHash: env.TG_API_HASH!.trim(),
    session,
    ...(warning ? { warning } : {}),
  };
}

/** Writes the session string to `file` with mode 0600 (created that way, never world-readable in between). */
export async function writeSessionFile(file: string, session: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${session}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(temp, 0o600);
  await rename(temp, file);
}

/** Replaces every occurrence of each secret (4+ characters) in `text` with [redacted]. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.trim().length < 4) continue;
    out = out.split(secret.trim()).join('[redacted]');
  }
  return out;
}
