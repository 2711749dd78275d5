/**
 * TelegramClientPort over a gramjs transport: builds the TL requests, maps the answers with the
 * gramjs mapping modules, and translates errors. Paging follows https://core.telegram.org/api/offsets.
 */
import { Api } from 'telegram';
import { returnBigInt } from 'telegram/Helpers.js';
import type { ChannelInfo, ChannelRef, HistoryPage, LiveUpdate, TelegramClientPort } from '../client-port.ts';
import { ChannelUnavailableError } from '../client-port.ts';
import { channelInfo, findChannel } from './channel.ts';
import { translateGramjsError } from './errors.ts';
import { historyPage } from './message.ts';
import type { GramjsTransport } from './transport.ts';

function label(ref: ChannelRef): string {
  return ref.username ? `@${ref.username}` : `channel ${ref.id}`;
}

function inputPeer(ref: ChannelRef): Api.InputPeerChannel {
  return new Api.InputPeerChannel({
    channelId: returnBigInt(ref.id),
    accessHash: returnBigInt(ref.accessHash),
  });
}

function inputChannel(ref: ChannelRef): Api.InputChannel {
  return new Api.InputChannel({ channelId: returnBigInt(ref.id), accessHash: returnBigInt(ref.accessHash) });
}

interface HistoryWindow {
  offsetId?: number;
  offsetDate?: number;
  addOffset?: number;
  limit: number;
  minId?: number;
}

function channelOfUpdate(message: Api.TypeMessage): { channelId: string; messageId: number } | null {
  if (message instanceof Api.MessageEmpty) return null;
  if (!(message.peerId instanceof Api.PeerChannel)) return null;
  return { channelId: message.peerId.channelId.toString(), messageId: message.id };
}

/** The gramjs implementation of the client port. */
export function createGramjsTelegramPort(transport: GramjsTransport): TelegramClientPort {
  async function call<T>(method: string, channel: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw translateGramjsError(error, method, channel);
    }
  }

  function getHistory(ref: ChannelRef, w: HistoryWindow): Promise<Api.messages.TypeMessages> {
    const request = new Api.messages.GetHistory({
      peer: inputPeer(ref),
      offsetId: w.offsetId ?? 0,
      offsetDate: w.offsetDate ?? 0,
      addOffset: w.addOffset ?? 0,
      limit: w.limit,
      maxId: 0,
      minId: w.minId ?? 0,
      hash: returnBigInt(0),
    });
    return call('messages.GetHistory', label(ref), () => transport.invoke(request));
  }

  async function firstId(ref: ChannelRef, w: HistoryWindow): Promise<number | null> {
    const page = historyPage(await getHistory(ref, w), ref);
    return page.messages.at(-1)?.id ?? null;
  }

  return {
    async resolveUsername(username): Promise<ChannelInfo> {
      const name = `@${username}`;
      const answer = await call('contacts.ResolveUsername', name, () =>
        transport.invoke(new Api.contacts.ResolveUsername({ username })),
      );
      if (!(answer.peer instanceof Api.PeerChannel)) {
        throw new ChannelUnavailableError(
          'not_a_channel',
          name,
          'the username belongs to a user or bot, not a channel',
        );
      }
      const channel = findChannel(answer.chats, answer.peer.channelId.toString());
      if (!channel)
        throw new ChannelUnavailableError('not_found', name, 'Telegram resolved it without the channel');
      return channelInfo(channel, name);
    },

    async getFullChannel(ref): Promise<ChannelInfo> {
      const answer = await call('channels.GetFullChannel', label(ref), () =>
        transport.invoke(new Api.channels.GetFullChannel({ channel: inputChannel(ref) })),
      );
      const channel = findChannel(answer.chats, ref.id);
      if (!channel || !(answer.fullChat instanceof Api.ChannelFull)) {
        throw new ChannelUnavailableError('not_found', label(ref), 'Telegram answered without the channel');
      }
      return channelInfo(channel, label(ref), { fullChat: answer.fullChat, chats: answer.chats });
    },

    async getHistoryAfter(ref, afterId, limit): Promise<HistoryPage> {
      // offset_id = afterId + 1 with add_offset = -limit selects the `limit` messages with ids
      // ≥ afterId + 1 (the page "above" the offset); min_id = afterId also makes the server drop older ones.
      const answer = await getHistory(ref, {
        offsetId: afterId + 1,
        addOffset: -limit,
        limit,
        minId: afterId,
      });
      const page = historyPage(answer, ref);
      return { ...page, messages: page.messages.filter((m) => m.id > afterId) };
    },

    async getLatest(ref, limit): Promise<HistoryPage> {
      return historyPage(await getHistory(ref, { limit }), ref);
    },

    async getMessages(ref, ids): Promise<HistoryPage> {
      const request = new Api.channels.GetMessages({
        channel: inputChannel(ref),
        id: ids.map((id) => new Api.InputMessageID({ id })),
      });
      const answer = await call('channels.GetMessages', label(ref), () => transport.invoke(request));
      return historyPage(answer, ref);
    },

    idOfNthNewest(ref, n) {
      // add_offset = n - 1 skips the n - 1 newest messages; limit 1 returns the n-th.
      return firstId(ref, { addOffset: n - 1, limit: 1 });
    },

    newestIdBefore(ref, date) {
      // offset_date returns messages sent before that unixtime, newest first.
      return firstId(ref, { offsetDate: Math.floor(date.getTime() / 1000), limit: 1 });
    },

    onUpdate(handler: (update: LiveUpdate) => void) {
      return transport.onUpdate((update) => {
        if (update instanceof Api.UpdateNewChannelMessage) {
          const at = channelOfUpdate(update.message);
          if (at) handler({ kind: 'new', ...at });
        } else if (update instanceof Api.UpdateEditChannelMessage) {
          const at = channelOfUpdate(update.message);
          if (at) handler({ kind: 'edit', ...at });
        }
      });
    },
  };
}
