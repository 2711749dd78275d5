/** channel.v1 records from the metadata Telegram reported. */
import { PoisonRecordError } from '@tg-risk/core';
import { assertValid, SchemaValidationError, type ChannelV1 } from '@tg-risk/schemas';
import type { ChannelInfo } from './client-port.ts';

/** Builds and validates the channel.v1 record of `info`, observed at `at`. */
export function channelRecord(info: ChannelInfo, at: Date, discussionOf: string | null = null): ChannelV1 {
  const record: ChannelV1 = {
    schema: 'channel.v1',
    channel_id: info.id,
    username: info.username,
    usernames: info.usernames,
    title: info.title,
    about: info.about,
    participants_count: info.participantsCount,
    kind: info.kind,
    verified: info.verified,
    scam: info.scam,
    fake: info.fake,
    restricted: info.restricted,
    restriction_reasons: info.restrictionReasons,
    linked_chat_id: info.linkedChat?.id ?? null,
    discussion_of: discussionOf,
    observed_at: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  try {
    return assertValid('channel.v1', record);
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error;
    throw new PoisonRecordError('CHANNEL_RECORD_INVALID', `channel ${info.id}: ${error.message}`, {
      cause: error,
      context: { channelId: info.id },
    });
  }
}
