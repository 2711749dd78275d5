/**
 * The client port with every call passed through the flood gate, bucketed by the Telegram method
 * it sends (Telegram's flood limits are per method).
 */
import type { TelegramClientPort } from './client-port.ts';
import type { FloodGate } from './flood-policy.ts';

/** Wraps `port` so each request is paced, flood-waited and retried by `gate`. */
export function guardPort(port: TelegramClientPort, gate: FloodGate): TelegramClientPort {
  return {
    resolveUsername: (username) =>
      gate.call('contacts.ResolveUsername', () => port.resolveUsername(username)),
    getFullChannel: (ref) => gate.call('channels.GetFullChannel', () => port.getFullChannel(ref)),
    getHistoryAfter: (ref, afterId, limit) =>
      gate.call('messages.GetHistory', () => port.getHistoryAfter(ref, afterId, limit)),
    getLatest: (ref, limit) => gate.call('messages.GetHistory', () => port.getLatest(ref, limit)),
    getMessages: (ref, ids) => gate.call('channels.GetMessages', () => port.getMessages(ref, ids)),
    idOfNthNewest: (ref, n) => gate.call('messages.GetHistory', () => port.idOfNthNewest(ref, n)),
    newestIdBefore: (ref, date) => gate.call('messages.GetHistory', () => port.newestIdBefore(ref, date)),
    onUpdate: (handler) => port.onUpdate(handler),
  };
}
