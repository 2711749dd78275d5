/**
 * The thin seam between gramjs's TelegramClient and the port adapter: `invoke` a TL request and
 * receive raw updates. Tests replace it with a double that answers real `Api` objects; production
 * wraps a connected client. Also: connecting with a session string, and the interactive login.
 */
import { Api, Logger, TelegramClient } from 'telegram';
import { LogLevel } from 'telegram/extensions/Logger.js';
import { Raw } from 'telegram/events/index.js';
import { StringSession } from 'telegram/sessions/index.js';
import { TransientError, type Logger as PinoLogger } from '@tg-risk/core';
import { TelegramAuthError } from '../client-port.ts';

/** What the port adapter needs from gramjs. */
export interface GramjsTransport {
  invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']>;
  /** Subscribes to raw updates; returns the unsubscribe function. */
  onUpdate(handler: (update: Api.TypeUpdate) => void): () => void;
}

/** API credentials from https://my.telegram.org plus the session string written by `tgrisk login`. */
export interface TelegramCredentials {
  apiId: number;
  apiHash: string;
  session: string;
}

/**
 * Routes gramjs's own log lines (connection state) to pino on stderr. `canSend` answers false so
 * gramjs never prints its errors with stacks through console.error (MTProtoSender does when it may).
 */
class PinoGramjsLogger extends Logger {
  constructor(private readonly target: PinoLogger) {
    super(LogLevel.NONE);
  }

  override canSend(): boolean {
    return false;
  }

  override _log(level: LogLevel, message: string): void {
    if (level === LogLevel.ERROR) this.target.error({ source: 'gramjs' }, message);
    else if (level === LogLevel.WARN) this.target.warn({ source: 'gramjs' }, message);
  }
}

function newClient(
  session: StringSession,
  apiId: number,
  apiHash: string,
  logger: PinoLogger,
): TelegramClient {
  return new TelegramClient(session, apiId, apiHash, {
    connectionRetries: 5,
    autoReconnect: true,
    // Every FLOOD_WAIT reaches our own policy (counted, jittered, bounded); gramjs must not sleep on it.
    floodSleepThreshold: 0,
    baseLogger: new PinoGramjsLogger(logger),
  });
}

/** Connects, or fails naming the cause: gramjs itself would wait forever on a later request. */
async function connectOrFail(client: TelegramClient): Promise<void> {
  if (await client.connect()) return;
  await client.destroy();
  throw new TransientError(
    'TELEGRAM_UNREACHABLE',
    'cannot reach Telegram (every connection attempt failed); check the network, firewall or proxy and try again',
  );
}

/** Wraps a connected client. */
export function gramjsTransport(client: TelegramClient): GramjsTransport {
  return {
    invoke: (request) => client.invoke(request),
    onUpdate(handler) {
      const event = new Raw({ types: [Api.UpdateNewChannelMessage, Api.UpdateEditChannelMessage] });
      const callback = (update: Api.TypeUpdate) => handler(update);
      client.addEventHandler(callback, event);
      return () => client.removeEventHandler(callback, event);
    },
  };
}

/** A live connection: the transport and how to close it. */
export interface GramjsConnection {
  transport: GramjsTransport;
  close(): Promise<void>;
}

/** Connects with a saved session; throws TelegramAuthError when the session is not logged in. */
export async function connectGramjs(
  credentials: TelegramCredentials,
  logger: PinoLogger,
): Promise<GramjsConnection> {
  const client = newClient(
    new StringSession(credentials.session),
    credentials.apiId,
    credentials.apiHash,
    logger,
  );
  await connectOrFail(client);
  if (!(await client.checkAuthorization())) {
    await client.destroy();
    throw new TelegramAuthError('the saved session is not logged in');
  }
  return { transport: gramjsTransport(client), close: () => client.destroy() };
}

/** The questions `tgrisk login` asks. */
export interface LoginPrompts {
  phoneNumber(): Promise<string>;
  phoneCode(): Promise<string>;
  password(hint?: string): Promise<string>;
  /** Told about each failed step; resolve true to give up, false to ask again. */
  onError(error: Error): Promise<boolean>;
}

/** Logs in interactively and returns the new session string. */
export async function loginGramjs(
  apiId: number,
  apiHash: string,
  prompts: LoginPrompts,
  logger: PinoLogger,
): Promise<string> {
  const session = new StringSession('');
  const client = newClient(session, apiId, apiHash, logger);
  await connectOrFail(client);
  try {
    await client.start({
      phoneNumber: () => prompts.phoneNumber(),
      phoneCode: () => prompts.phoneCode(),
      password: (hint) => prompts.password(hint),
      onError: (error) => prompts.onError(error),
    });
    return session.save();
  } finally {
    await client.destroy();
  }
}
