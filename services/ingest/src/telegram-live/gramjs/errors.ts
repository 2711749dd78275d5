/**
 * gramjs errors → the domain's errors. Telegram's RPC error names are listed at
 * https://core.telegram.org/api/errors; the ones that decide what ingestion does are mapped here,
 * everything else becomes TELEGRAM_RPC_ERROR (retriable for server-side 5xx and timeouts).
 */
import { errors } from 'telegram';
import { TgRiskError, TransientError } from '@tg-risk/core';
import { ChannelUnavailableError, TelegramAuthError, TelegramFloodWaitError } from '../client-port.ts';

const NOT_FOUND = new Set([
  'USERNAME_NOT_OCCUPIED',
  'USERNAME_INVALID',
  'CHANNEL_INVALID',
  'PEER_ID_INVALID',
]);
const PRIVATE = new Set(['CHANNEL_PRIVATE', 'CHAT_FORBIDDEN', 'CHANNEL_PUBLIC_GROUP_NA']);
const BANNED = new Set(['USER_BANNED_IN_CHANNEL', 'CHANNEL_BANNED']);
const AUTH = new Set([
  'AUTH_KEY_UNREGISTERED',
  'AUTH_KEY_INVALID',
  'AUTH_KEY_DUPLICATED',
  'SESSION_REVOKED',
  'SESSION_EXPIRED',
  'USER_DEACTIVATED',
  'USER_DEACTIVATED_BAN',
]);

/** Translates whatever a gramjs call threw; `channel` names the channel for messages. */
export function translateGramjsError(error: unknown, method: string, channel: string): Error {
  if (error instanceof errors.FloodWaitError) return new TelegramFloodWaitError(method, error.seconds);
  if (error instanceof errors.RPCError) {
    const name = error.errorMessage;
    const flood = /^FLOOD(?:_PREMIUM)?_WAIT_(\d+)$/.exec(name);
    if (flood) return new TelegramFloodWaitError(method, Number(flood[1]));
    if (NOT_FOUND.has(name)) {
      return new ChannelUnavailableError(
        'not_found',
        channel,
        `Telegram answers ${name}: no such public channel (deleted, renamed, or a typo)`,
      );
    }
    if (PRIVATE.has(name)) {
      return new ChannelUnavailableError(
        'private',
        channel,
        `Telegram answers ${name}: the channel is private`,
      );
    }
    if (BANNED.has(name)) {
      return new ChannelUnavailableError(
        'banned',
        channel,
        `Telegram answers ${name}: this account is banned there`,
      );
    }
    if (AUTH.has(name)) return new TelegramAuthError(name);
    const serverSide = (error.code ?? 0) >= 500 || error.code === -503 || name === 'TIMEOUT';
    const options = { cause: error, context: { method, channel } };
    const message = `${method} for ${channel} failed: ${name}`;
    return serverSide
      ? new TransientError('TELEGRAM_RPC_ERROR', message, options)
      : new TgRiskError('TELEGRAM_RPC_ERROR', message, options);
  }
  // Connection drops and request timeouts: gramjs reconnects by itself, so trying again can help.
  if (
    error instanceof Error &&
    /timeout|not connected|disconnect|ECONNRESET|ETIMEDOUT/i.test(error.message)
  ) {
    return new TransientError('TELEGRAM_CONNECTION', `${method} for ${channel}: ${error.message}`, {
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}
