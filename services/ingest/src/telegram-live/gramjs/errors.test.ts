import { Api, errors } from 'telegram';
import { describe, expect, it } from 'vitest';
import { TgRiskError } from '@tg-risk/core';
import { ChannelUnavailableError, TelegramAuthError, TelegramFloodWaitError } from '../client-port.ts';
import { translateGramjsError } from './errors.ts';

/** The error gramjs raises for an RPC error answer, built the way gramjs builds it. */
function rpc(errorMessage: string, errorCode = 400): Error {
  const request = new Api.contacts.ResolveUsername({ username: 'x' });
  return errors.RPCMessageToError(new Api.RpcError({ errorCode, errorMessage }), request) as Error;
}

describe('translateGramjsError', () => {
  it('turns FLOOD_WAIT_X and FLOOD_PREMIUM_WAIT_X into a wait of X seconds', () => {
    for (const name of ['FLOOD_WAIT_42', 'FLOOD_PREMIUM_WAIT_42']) {
      const error = translateGramjsError(rpc(name, 420), 'contacts.ResolveUsername', '@x');
      expect(error).toBeInstanceOf(TelegramFloodWaitError);
      expect((error as TelegramFloodWaitError).seconds).toBe(42);
    }
  });

  it('maps unknown, private and banned channels, and a dead session', () => {
    const reason = (name: string) =>
      (translateGramjsError(rpc(name), 'm', '@x') as ChannelUnavailableError).reason;
    expect(reason('USERNAME_NOT_OCCUPIED')).toBe('not_found');
    expect(reason('CHANNEL_PRIVATE')).toBe('private');
    expect(reason('USER_BANNED_IN_CHANNEL')).toBe('banned');
    expect(translateGramjsError(rpc('AUTH_KEY_UNREGISTERED', 401), 'm', '@x')).toBeInstanceOf(
      TelegramAuthError,
    );
  });

  it('keeps other RPC errors, retriable only when server-side', () => {
    const client = translateGramjsError(
      rpc('MESSAGE_ID_INVALID'),
      'messages.GetHistory',
      '@x',
    ) as TgRiskError;
    const server = translateGramjsError(rpc('INTERNAL', 500), 'messages.GetHistory', '@x') as TgRiskError;
    expect([client.code, client.retriable, server.retriable]).toEqual(['TELEGRAM_RPC_ERROR', false, true]);
    expect(client.message).toBe('messages.GetHistory for @x failed: MESSAGE_ID_INVALID');
  });
});
