/**
 * gramjs `Api.Message` → message.v1, field for field what the export normaliser makes of the same
 * message in a Telegram Desktop export (see ../parity.test.ts). Fields only the live API has:
 * `channel_username`, `views`, `forward.from_message_id` (the original post id) and link previews
 * (`media.kind = "webpage"`); `source` says which path a record took.
 */
import { Api } from 'telegram';
import { PoisonRecordError } from '@tg-risk/core';
import { assertValid, SchemaValidationError, type MessageV1 } from '@tg-risk/schemas';
import { unixtimeToIso } from '../../telegram-export/export-fields.ts';
import type { ChannelRef, HistoryPage, PagedMessage } from '../client-port.ts';
import { channelUsername, chatId, sightingsOf } from './channel.ts';
import { gramjsEntities } from './entities.ts';
import { gramjsMedia } from './media.ts';

/** Names of the peers an answer carries (chats and users lists), by "channel123" / "user5" keys. */
export type PeerNames = ReadonlyMap<string, string | null>;

function peerKey(peer: Api.TypePeer): string {
  if (peer instanceof Api.PeerChannel) return `channel${peer.channelId.toString()}`;
  if (peer instanceof Api.PeerChat) return `chat${peer.chatId.toString()}`;
  return `user${peer.userId.toString()}`;
}

/** Builds the name lookup Desktop uses for `forwarded_from`: titles, and users' "first last". */
export function peerNames(chats: readonly Api.TypeChat[], users: readonly Api.TypeUser[]): PeerNames {
  const names = new Map<string, string | null>();
  for (const chat of chats) {
    const key = chat instanceof Api.Channel || chat instanceof Api.ChannelForbidden ? 'channel' : 'chat';
    names.set(`${key}${chatId(chat)}`, 'title' in chat && chat.title ? chat.title : null);
  }
  for (const user of users) {
    if (!(user instanceof Api.User)) continue;
    const name = [user.firstName, user.lastName].filter((part) => part !== undefined && part !== '');
    names.set(`user${user.id.toString()}`, name.length > 0 ? name.join(' ') : null);
  }
  return names;
}

function forwardOf(fwd: Api.MessageFwdHeader | undefined, names: PeerNames): MessageV1['forward'] {
  if (fwd === undefined) return null;
  // Desktop marks a message forwarded only when it names an origin peer or a hidden sender's name.
  if (fwd.fromId === undefined && !fwd.fromName) return null;
  return {
    from_name: fwd.fromId !== undefined ? (names.get(peerKey(fwd.fromId)) ?? null) : (fwd.fromName ?? null),
    from_channel_id: fwd.fromId instanceof Api.PeerChannel ? fwd.fromId.channelId.toString() : null,
    from_message_id: fwd.channelPost ?? null,
  };
}

function replyOf(reply: Api.TypeMessageReplyHeader | undefined, channelId: string): MessageV1['reply_to'] {
  if (!(reply instanceof Api.MessageReplyHeader) || !reply.replyToMsgId) return null;
  const peer = reply.replyToPeerId;
  if (peer instanceof Api.PeerChannel && peer.channelId.toString() !== channelId) {
    return { message_id: reply.replyToMsgId, channel_id: peer.channelId.toString() };
  }
  return { message_id: reply.replyToMsgId };
}

/** Converts one gramjs message of `ref`'s channel into a validated message.v1 record. */
export function gramjsMessageToMessageV1(
  message: Api.Message,
  ref: ChannelRef,
  channel: Api.Channel | undefined,
  names: PeerNames,
): MessageV1 {
  const text = message.message ?? '';
  const record: MessageV1 = {
    schema: 'message.v1',
    channel_id: ref.id,
    channel_username: channel ? channelUsername(channel) : ref.username,
    channel_title: channel?.title ?? ref.title,
    message_id: message.id,
    date: unixtimeToIso(message.date) ?? '',
    text,
    entities: gramjsEntities(text, message.entities),
    forward: forwardOf(message.fwdFrom, names),
    reply_to: replyOf(message.replyTo, ref.id),
    edit_date: message.editDate ? unixtimeToIso(message.editDate) : null,
    views: message.views ?? null,
    media: gramjsMedia(message.media),
    source: { kind: 'telegram_live' },
  };
  try {
    return assertValid('message.v1', record);
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error;
    throw new PoisonRecordError(
      'LIVE_MESSAGE_INVALID',
      `channel ${ref.id} message ${message.id}: record does not match ${error.message}`,
      { cause: error, context: { channelId: ref.id, messageId: message.id } },
    );
  }
}

function pagedMessage(
  message: Api.TypeMessage,
  ref: ChannelRef,
  channel: Api.Channel | undefined,
  names: PeerNames,
): PagedMessage {
  if (!(message instanceof Api.Message)) return { id: message.id, kind: 'skipped' };
  try {
    return {
      id: message.id,
      kind: 'message',
      record: gramjsMessageToMessageV1(message, ref, channel, names),
    };
  } catch (error) {
    if (!(error instanceof PoisonRecordError)) throw error;
    const raw = JSON.stringify({
      channel_id: ref.id,
      message_id: message.id,
      date: message.date,
      text: message.message,
    });
    return { id: message.id, kind: 'bad', error, raw };
  }
}

/** A messages.* answer (GetHistory, GetMessages) as a page of `ref`'s channel, oldest first. */
export function historyPage(answer: Api.messages.TypeMessages, ref: ChannelRef): HistoryPage {
  if (answer instanceof Api.messages.MessagesNotModified) return { messages: [], rawCount: 0, channels: [] };
  const names = peerNames(answer.chats, answer.users);
  const self = answer.chats.find((c): c is Api.Channel => c instanceof Api.Channel && chatId(c) === ref.id);
  const own = answer.messages.filter((m) => {
    // GetMessages answers MessageEmpty for ids that do not exist; they carry no peer.
    if (m instanceof Api.MessageEmpty) return true;
    return m.peerId instanceof Api.PeerChannel && m.peerId.channelId.toString() === ref.id;
  });
  const messages = own.map((m) => pagedMessage(m, ref, self, names)).sort((a, b) => a.id - b.id);
  return { messages, rawCount: answer.messages.length, channels: sightingsOf(answer.chats) };
}
