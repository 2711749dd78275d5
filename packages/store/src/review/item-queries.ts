/** One message or channel with its context: neighbours, replies, profile, activity by day. */
import type { ChannelDay, MessageSummary, Page, StoredChannel, StoredMessage } from '@tg-risk/core';
import type { LabelV1, MessageV1 } from '@tg-risk/schemas';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';
import {
  asState,
  num,
  optionalBool,
  splitLabels,
  toChannelEntry,
  type ChannelEntryRow,
} from './review-rows.ts';
import type { SqlClient, SqlValue } from './sql-client.ts';

/** Context lists show this much of each message; the message view shows the full text. */
const SUMMARY_CHARS = 2000;

interface SummaryRow {
  channel_id: string;
  message_id: number | string;
  date: string;
  text: string;
  labels: string;
}

const toSummary = (r: SummaryRow): MessageSummary => ({
  channelId: r.channel_id,
  messageId: num(r.message_id),
  date: r.date,
  text: r.text,
  labels: splitLabels(r.labels),
});

export async function getMessage(
  db: SqlClient,
  channelId: string,
  messageId: number,
): Promise<StoredMessage | null> {
  const row = await db.get<{
    message_json: string;
    label_json: string;
    stored_at: string;
    lang: string | null;
    state: string | null;
  }>(
    `SELECT m.message_json, m.label_json, m.stored_at, i.lang, i.state
     FROM messages m LEFT JOIN review_items i ON i.channel_id = m.channel_id AND i.message_id = m.message_id
     WHERE m.channel_id = ? AND m.message_id = ?`,
    [channelId, messageId],
  );
  if (!row) return null;
  return {
    message: JSON.parse(row.message_json) as MessageV1,
    label: JSON.parse(row.label_json) as LabelV1,
    lang: row.lang,
    state: asState(row.state ?? 'open'),
    storedAt: row.stored_at,
  };
}

export async function neighbours(
  db: SqlClient,
  channelId: string,
  messageId: number,
  before: number,
  after: number,
): Promise<MessageSummary[]> {
  const columns = `channel_id, message_id, date, substr(text, 1, ${SUMMARY_CHARS}) AS text, labels`;
  const earlier = await db.all<SummaryRow>(
    `SELECT ${columns} FROM messages WHERE channel_id = ? AND message_id < ? ORDER BY message_id DESC LIMIT ?`,
    [channelId, messageId, before],
  );
  const later = await db.all<SummaryRow>(
    `SELECT ${columns} FROM messages WHERE channel_id = ? AND message_id > ? ORDER BY message_id ASC LIMIT ?`,
    [channelId, messageId, after],
  );
  return [...earlier.reverse(), ...later].map(toSummary);
}

export async function replies(
  db: SqlClient,
  channelId: string,
  messageId: number,
  limit: number,
): Promise<MessageSummary[]> {
  const rows = await db.all<SummaryRow>(
    `SELECT m.channel_id, m.message_id, m.date, substr(m.text, 1, ${SUMMARY_CHARS}) AS text, m.labels
     FROM review_items i JOIN messages m ON m.channel_id = i.channel_id AND m.message_id = i.message_id
     WHERE i.channel_id = ? AND i.reply_to = ? ORDER BY i.message_id LIMIT ?`,
    [channelId, messageId, limit],
  );
  return rows.map(toSummary);
}

type ChannelRow = Partial<ChannelEntryRow> & {
  id: string;
  username: string | null;
  title: string | null;
  about: string | null;
  participants: number | string | null;
  verified: number | null;
  scam: number | null;
  fake: number | null;
  restricted: number | null;
  updated_at: string | null;
};

export async function getChannel(db: SqlClient, channelId: string): Promise<StoredChannel | null> {
  const row = await db.get<ChannelRow>(
    `SELECT c.channel_id AS id, c.username, c.title, r.*, p.about, p.participants, p.verified, p.scam, p.fake,
       p.restricted, p.updated_at
     FROM channels c
     LEFT JOIN review_channels r ON r.channel_id = c.channel_id
     LEFT JOIN review_channel_profiles p ON p.channel_id = c.channel_id
     WHERE c.channel_id = ?`,
    [channelId],
  );
  if (!row) return null;
  return {
    channelId: row.id,
    username: row.username,
    title: row.title,
    profile:
      row.updated_at === null
        ? null
        : {
            channelId: row.id,
            about: row.about,
            participants: row.participants === null ? null : num(row.participants),
            verified: optionalBool(row.verified),
            scam: optionalBool(row.scam),
            fake: optionalBool(row.fake),
            restricted: optionalBool(row.restricted),
            updatedAt: row.updated_at,
          },
    entry: row.channel_id ? toChannelEntry(row as ChannelEntryRow) : null,
    state: asState(row.state ?? 'open'),
  };
}

export async function channelDays(db: SqlClient, channelId: string): Promise<ChannelDay[]> {
  const rows = await db.all<{
    day: string;
    messages: number | string;
    fraud: number | string;
    drugs: number | string;
    terrorism: number | string;
    flagged_any: number | string;
  }>(
    `SELECT substr(date, 1, 10) AS day, count(*) AS messages, sum(flag_fraud) AS fraud, sum(flag_drugs) AS drugs,
       sum(flag_terrorism) AS terrorism, sum(CASE WHEN labels <> '' THEN 1 ELSE 0 END) AS flagged_any
     FROM review_items WHERE channel_id = ? GROUP BY substr(date, 1, 10) ORDER BY day`,
    [channelId],
  );
  return rows.map((r) => ({
    day: r.day,
    messages: num(r.messages),
    flagged: { fraud: num(r.fraud), drugs: num(r.drugs), terrorism: num(r.terrorism) },
    flaggedAny: num(r.flagged_any),
  }));
}

export async function channelMessages(
  db: SqlClient,
  channelId: string,
  limit: number,
  cursor?: string,
): Promise<Page<MessageSummary>> {
  const params: SqlValue[] = [channelId];
  let after = '';
  if (cursor !== undefined) {
    const [m] = decodeCursor(cursor, ['number']);
    after = ' AND message_id < ?';
    params.push(m!);
  }
  const rows = await db.all<SummaryRow>(
    `SELECT channel_id, message_id, date, substr(text, 1, ${SUMMARY_CHARS}) AS text, labels
     FROM messages WHERE channel_id = ?${after} ORDER BY message_id DESC LIMIT ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > limit && last ? encodeCursor([num(last.message_id)]) : null,
  };
}
