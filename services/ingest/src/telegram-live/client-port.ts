/**
 * The Telegram client as live ingestion sees it: a handful of requests in the domain's own types.
 * One implementation talks MTProto through gramjs (gramjs/telegram-port.ts); tests drive the same
 * implementation with a transport double that answers with real gramjs `Api` objects. Nothing
 * outside the gramjs/ folder imports gramjs.
 */
import { TgRiskError, type ChannelSighting, type ChannelUnavailableReason } from '@tg-risk/core';
import type { MessageV1 } from '@tg-risk/schemas';

/** What every request about a channel needs: its id and the access hash that proves we may see it. */
export interface ChannelRef {
  id: string;
  accessHash: string;
  /** Used in message.v1 records when Telegram's answer does not carry the channel itself. */
  username: string | null;
  title: string | null;
}

/** A channel's metadata as Telegram reports it (ResolveUsername, GetFullChannel). */
export interface ChannelInfo {
  id: string;
  accessHash: string;
  username: string | null;
  /** Every active username, collectible ones included. */
  usernames: string[];
  title: string;
  about: string | null;
  participantsCount: number | null;
  kind: 'broadcast' | 'megagroup' | 'gigagroup';
  verified: boolean;
  scam: boolean;
  fake: boolean;
  restricted: boolean;
  restrictionReasons: Array<{ platform: string; reason: string; text?: string }>;
  /** The discussion group of a channel (or the channel of a group), with its access hash when known. */
  linkedChat: { id: string; accessHash: string | null; username: string | null; title: string | null } | null;
}

/** One message of a history page: its record, or why it could not become one. */
export type PagedMessage =
  | { id: number; kind: 'message'; record: MessageV1 }
  /** Service messages (joins, pins, ...) and deleted slots: they carry an id but no content. */
  | { id: number; kind: 'skipped' }
  | { id: number; kind: 'bad'; error: TgRiskError; raw: string };

/** A page of history in ascending id order. */
export interface HistoryPage {
  messages: PagedMessage[];
  /** How many messages Telegram returned (a full page means there may be more). */
  rawCount: number;
  /** Channels seen in the answer: forward origins come with username, title and flags. */
  channels: Array<Omit<ChannelSighting, 'seenAt'>>;
}

/** A live update: something happened in a channel the account receives updates for. */
export type LiveUpdate =
  | { kind: 'new'; channelId: string; messageId: number }
  | { kind: 'edit'; channelId: string; messageId: number };

/** The requests live ingestion makes. Method names double as flood-wait buckets. */
export interface TelegramClientPort {
  /** contacts.ResolveUsername: the expensive call; ingestion caches its answer forever. */
  resolveUsername(username: string): Promise<ChannelInfo>;
  /** channels.GetFullChannel: about, participant count, linked discussion group. */
  getFullChannel(ref: ChannelRef): Promise<ChannelInfo>;
  /** Up to `limit` messages with id > `afterId`, oldest first. */
  getHistoryAfter(ref: ChannelRef, afterId: number, limit: number): Promise<HistoryPage>;
  /** The newest `limit` messages, returned oldest first. */
  getLatest(ref: ChannelRef, limit: number): Promise<HistoryPage>;
  /** Messages by id (used to re-read an edited message with its forward origin's name). */
  getMessages(ref: ChannelRef, ids: readonly number[]): Promise<HistoryPage>;
  /** Id of the n-th newest message (1 = newest), or null when the channel has fewer. */
  idOfNthNewest(ref: ChannelRef, n: number): Promise<number | null>;
  /** Id of the newest message posted strictly before `date`, or null when there is none. */
  newestIdBefore(ref: ChannelRef, date: Date): Promise<number | null>;
  /** Subscribes to new and edited messages; returns the unsubscribe function. */
  onUpdate(handler: (update: LiveUpdate) => void): () => void;
}

/** Telegram asked us to wait (FLOOD_WAIT_X, FLOOD_PREMIUM_WAIT_X) before calling `method` again. */
export class TelegramFloodWaitError extends TgRiskError {
  constructor(
    readonly method: string,
    readonly seconds: number,
  ) {
    super('TELEGRAM_FLOOD_WAIT', `Telegram asks to wait ${seconds} s before calling ${method} again`, {
      retriable: true,
      context: { method, seconds },
    });
    this.name = 'TelegramFloodWaitError';
  }
}

/** A channel that cannot be followed: unknown or renamed username, private, banned, not a channel. */
export class ChannelUnavailableError extends TgRiskError {
  constructor(
    readonly reason: ChannelUnavailableReason,
    readonly channel: string,
    detail: string,
  ) {
    super(`CHANNEL_${reason.toUpperCase()}`, `${channel}: ${detail}`, { context: { channel, reason } });
    this.name = 'ChannelUnavailableError';
  }
}

/** The session is no longer valid (logged out, revoked, used by two processes at once). */
export class TelegramAuthError extends TgRiskError {
  constructor(detail: string) {
    super(
      'TELEGRAM_AUTH',
      `Telegram rejected the session (${detail}); run \`tgrisk login\` again, and give each process its own session`,
    );
    this.name = 'TelegramAuthError';
  }
}
