/** gramjs chats (Api.Channel, Api.ChannelFull, ...) → the domain's ChannelInfo and sightings. */
import { Api } from 'telegram';
import type { ChannelSighting } from '@tg-risk/core';
import { ChannelUnavailableError, type ChannelInfo } from '../client-port.ts';

/** Every active public username of a channel: the classic one first, then active collectible ones. */
export function channelUsernames(channel: Api.Channel): string[] {
  const names = channel.username ? [channel.username] : [];
  for (const u of channel.usernames ?? [])
    if (u.active && !names.includes(u.username)) names.push(u.username);
  return names;
}

/** The public username of a channel: the classic one, else its first active collectible username. */
export function channelUsername(channel: Api.Channel): string | null {
  if (channel.username) return channel.username;
  return channel.usernames?.find((u) => u.active)?.username ?? null;
}

function kindOf(channel: Api.Channel): ChannelInfo['kind'] {
  if (channel.gigagroup) return 'gigagroup';
  return channel.megagroup ? 'megagroup' : 'broadcast';
}

/** A Chat object's id as a decimal string (every chat constructor but ChatEmpty has one). */
export function chatId(chat: Api.TypeChat): string {
  return chat.id.toString();
}

/** The channel with `id` in a list of chats (Channel or ChannelForbidden), else undefined. */
export function findChannel(
  chats: readonly Api.TypeChat[],
  id: string,
): Api.Channel | Api.ChannelForbidden | undefined {
  for (const chat of chats) {
    if ((chat instanceof Api.Channel || chat instanceof Api.ChannelForbidden) && chatId(chat) === id)
      return chat;
  }
  return undefined;
}

/**
 * Channel metadata from a Channel object and, when fetched, its ChannelFull. Throws
 * ChannelUnavailableError for a ChannelForbidden (we were banned, or it went private) and for a
 * channel without an access hash (a "min" constructor we may not address).
 */
export function channelInfo(
  channel: Api.Channel | Api.ChannelForbidden,
  label: string,
  full?: { fullChat: Api.ChannelFull; chats: readonly Api.TypeChat[] },
): ChannelInfo {
  if (channel instanceof Api.ChannelForbidden) {
    // ChannelForbidden is what an account banned from a channel gets (or one it left that went private).
    throw new ChannelUnavailableError(
      'banned',
      label,
      'Telegram answers ChannelForbidden: this account is banned there, or it went private',
    );
  }
  if (channel.accessHash === undefined) {
    throw new ChannelUnavailableError('private', label, 'Telegram gave no access hash for it');
  }
  const linkedId = full?.fullChat.linkedChatId?.toString() ?? null;
  const linked = linkedId === null ? undefined : findChannel(full?.chats ?? [], linkedId);
  return {
    id: chatId(channel),
    accessHash: channel.accessHash.toString(),
    username: channelUsername(channel),
    usernames: channelUsernames(channel),
    title: channel.title,
    about: full && full.fullChat.about !== '' ? full.fullChat.about : null,
    participantsCount: full?.fullChat.participantsCount ?? channel.participantsCount ?? null,
    kind: kindOf(channel),
    verified: channel.verified === true,
    scam: channel.scam === true,
    fake: channel.fake === true,
    restricted: channel.restricted === true,
    restrictionReasons: (channel.restrictionReason ?? []).map((r) => ({
      platform: r.platform,
      reason: r.reason,
      ...(r.text ? { text: r.text } : {}),
    })),
    linkedChat:
      linkedId === null
        ? null
        : {
            id: linkedId,
            accessHash: linked instanceof Api.Channel ? (linked.accessHash?.toString() ?? null) : null,
            username: linked instanceof Api.Channel ? channelUsername(linked) : null,
            title: linked instanceof Api.Channel ? linked.title : null,
          },
  };
}

/** Channels in a chats list, as discovery sightings (forward origins arrive this way). */
export function sightingsOf(chats: readonly Api.TypeChat[]): Array<Omit<ChannelSighting, 'seenAt'>> {
  const result: Array<Omit<ChannelSighting, 'seenAt'>> = [];
  for (const chat of chats) {
    if (!(chat instanceof Api.Channel)) continue;
    result.push({
      channelId: chatId(chat),
      username: channelUsername(chat)?.toLowerCase() ?? null,
      title: chat.title,
      broadcast: chat.broadcast === true,
      verified: chat.verified === true,
      scam: chat.scam === true,
      fake: chat.fake === true,
    });
  }
  return result;
}
