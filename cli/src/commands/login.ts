/**
 * `tgrisk login`: logs a Telegram user account in (phone number, the code Telegram sends, the 2FA
 * password when set) with the API credentials in TG_API_ID / TG_API_HASH, and saves the session
 * string to a file only its owner can read (mode 0600; default .data/telegram.session, or --session
 * FILE, or TG_SESSION_FILE). The session string is never printed; the API hash, the phone number,
 * the code and the password never appear in messages either.
 */
import { createInterface } from 'node:readline';
import { createLogger, describeError, loadConfig, TgRiskError, UsageError, type Logger } from '@tg-risk/core';
import {
  apiCredentials,
  loginGramjs,
  redactSecrets,
  sessionFile,
  writeSessionFile,
  type LoginPrompts,
} from '@tg-risk/ingest';
import type { CliIo, Command } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';

/** How the command logs in; tests pass a double instead of gramjs. */
export interface LoginCommandDeps {
  login(apiId: number, apiHash: string, prompts: LoginPrompts, logger: Logger): Promise<string>;
}

/** Asks questions on stderr and reads answers line by line from stdin (muted for secrets on a TTY). */
function linePrompter(io: CliIo) {
  const input = io.stdin as NodeJS.ReadableStream & { isTTY?: boolean };
  let muted = false;
  const rl = createInterface({
    input,
    output: input.isTTY ? io.stderr : undefined,
    terminal: input.isTTY === true,
  });
  // readline echoes typed characters through _writeToOutput; muting it hides the password.
  const writable = rl as unknown as { _writeToOutput?: (s: string) => void };
  if (input.isTTY) writable._writeToOutput = (s: string) => void (muted || io.stderr.write(s));
  const lines = rl[Symbol.asyncIterator]();
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    async ask(question: string, secret = false): Promise<string> {
      io.stderr.write(question);
      muted = secret;
      const next = await lines.next();
      muted = false;
      if (secret && input.isTTY) io.stderr.write('\n');
      if (next.done) {
        closed = true;
        return '';
      }
      return String(next.value).trim();
    },
    close: () => rl.close(),
  };
}

/** Builds the command with its way of logging in. */
export function makeLoginCommand(deps: LoginCommandDeps): Command {
  return async (args, env, io) => {
    const { values, positionals } = parseCommandArgs('login', args, { session: { type: 'string' } });
    if (positionals.length > 0)
      throw new UsageError(`login takes no positional arguments, got "${positionals.join(' ')}"`);
    const { apiId, apiHash } = apiCredentials(env);
    const file = sessionFile(env, values.session);
    const logger = createLogger(loadConfig(env).logLevel, 'login');
    const prompter = linePrompter(io);
    const typed: string[] = [];
    const remember = (answer: string) => (typed.push(answer), answer);
    let failures = 0;
    const prompts: LoginPrompts = {
      phoneNumber: async () =>
        remember(
          await prompter.ask('Phone number of the Telegram account (international, e.g. +4915123456789): '),
        ),
      phoneCode: async () => remember(await prompter.ask('Login code Telegram sent you: ')),
      password: async (hint) =>
        remember(
          await prompter.ask(`Two-step verification password${hint ? ` (hint: ${hint})` : ''}: `, true),
        ),
      async onError(error) {
        failures++;
        io.stderr.write(`tgrisk login: ${redactSecrets(error.message, [apiHash, ...typed])}\n`);
        // Give up when stdin has ended or after three failed steps; else the step is asked again.
        return prompter.closed || failures >= 3;
      },
    };
    let session: string;
    try {
      session = await deps.login(apiId, apiHash, prompts, logger);
    } catch (error) {
      const { code, message } = describeError(error);
      const clean = redactSecrets(message, [apiHash, ...typed]);
      throw new TgRiskError(code === 'ERROR' ? 'TELEGRAM_LOGIN' : code, `login failed: ${clean}`);
    } finally {
      prompter.close();
    }
    await writeSessionFile(file, session);
    io.stderr.write(
      `tgrisk login: logged in; the session is saved in ${file} (mode 0600). It gives full access to the ` +
        'account: keep it secret, and use one session per running process.\n',
    );
    return 0;
  };
}

/** `tgrisk login` through gramjs. */
export const loginCommand: Command = makeLoginCommand({ login: loginGramjs });
