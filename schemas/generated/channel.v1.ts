/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * Metadata of one Telegram channel or discussion group followed by live ingestion, as Telegram reported it when it was resolved.
 */
export interface ChannelV1 {
  /**
   * Wire format name and version.
   */
  schema: 'channel.v1';
  /**
   * Telegram's bare channel id as a decimal string (no -100 prefix), as in message.v1.
   */
  channel_id: string;
  /**
   * Current public @username without the @; null for a channel without one.
   */
  username: string | null;
  /**
   * Every active public username, collectible ones included (any of them reaches the channel).
   *
   * @maxItems 64
   */
  usernames: string[];
  /**
   * Channel title.
   */
  title: string;
  /**
   * The channel's description; null when empty or not fetched.
   */
  about: string | null;
  /**
   * Subscriber or member count when Telegram discloses it.
   */
  participants_count: number | null;
  /**
   * Broadcast channel, supergroup (discussion groups are supergroups) or broadcast group.
   */
  kind: 'broadcast' | 'megagroup' | 'gigagroup';
  /**
   * Telegram's own verified flag.
   */
  verified: boolean;
  /**
   * Telegram's own scam flag (set by Telegram after reports).
   */
  scam: boolean;
  /**
   * Telegram's own fake flag (impersonation).
   */
  fake: boolean;
  /**
   * Telegram restricts access to the channel on some platforms or everywhere.
   */
  restricted: boolean;
  /**
   * Why Telegram restricts the channel, per platform (e.g. platform "all", reason "terms").
   *
   * @maxItems 64
   */
  restriction_reasons: {
    platform: string;
    reason: string;
    text?: string;
  }[];
  /**
   * For a channel: its discussion group; for a discussion group: its channel. Null when none.
   */
  linked_chat_id: string | null;
  /**
   * Set when this chat is followed as the discussion group (comments) of that channel id.
   */
  discussion_of: string | null;
  /**
   * When this metadata was read from Telegram, ISO 8601 in UTC.
   */
  observed_at: string;
}
