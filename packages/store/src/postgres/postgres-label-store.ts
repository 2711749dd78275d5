/**
 * The label store on PostgreSQL, for teams that share one database: the same contract as the SQLite
 * store (upsert on channel id + message id, newest edit wins, dead letters once per source key),
 * each batch in one transaction, committed before saveLabelled() resolves.
 */
import type { ChannelSummary, LabelStore, LabelledMessage, StoredDeadLetter } from '@tg-risk/core';
import type { SqlClient } from '../review/sql-client.ts';

/** PostgreSQL TEXT cannot hold NUL; the searchable `text` column gets U+FFFD, message_json keeps the original. */
const withoutNul = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/** A LabelStore on an open (and migrated) PostgreSQL client. */
export function postgresLabelStore(
  db: SqlClient,
  location: string,
  now: () => Date = () => new Date(),
): LabelStore {
  return {
    async saveLabelled(items: readonly LabelledMessage[]): Promise<void> {
      const storedAt = now().toISOString();
      await db.transaction(async (tx) => {
        for (const { message, label } of items) {
          const flags = new Set(label.labels);
          await tx.run(
            `INSERT INTO channels (channel_id, username, title) VALUES (?, ?, ?)
             ON CONFLICT (channel_id) DO UPDATE SET username = coalesce(excluded.username, channels.username),
               title = coalesce(excluded.title, channels.title)`,
            [message.channel_id, message.channel_username, message.channel_title],
          );
          // The WHERE keeps the newest version: a redelivered old copy never overwrites a later edit.
          await tx.run(
            `INSERT INTO messages (channel_id, message_id, date, edit_date, text, message_json, label_json, labels,
               flag_fraud, flag_drugs, flag_terrorism, score_fraud, score_drugs, score_terrorism, model, stored_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (channel_id, message_id) DO UPDATE SET
               date = excluded.date, edit_date = excluded.edit_date, text = excluded.text,
               message_json = excluded.message_json, label_json = excluded.label_json, labels = excluded.labels,
               flag_fraud = excluded.flag_fraud, flag_drugs = excluded.flag_drugs,
               flag_terrorism = excluded.flag_terrorism, score_fraud = excluded.score_fraud,
               score_drugs = excluded.score_drugs, score_terrorism = excluded.score_terrorism,
               model = excluded.model, stored_at = excluded.stored_at
             WHERE coalesce(excluded.edit_date, '') >= coalesce(messages.edit_date, '')`,
            [
              message.channel_id,
              message.message_id,
              message.date,
              message.edit_date,
              withoutNul(message.text),
              JSON.stringify(message),
              JSON.stringify(label),
              label.labels.join(','),
              flags.has('fraud') ? 1 : 0,
              flags.has('drugs') ? 1 : 0,
              flags.has('terrorism') ? 1 : 0,
              label.scores.fraud,
              label.scores.drugs,
              label.scores.terrorism,
              label.model,
              storedAt,
            ],
          );
        }
      });
    },

    async saveDeadLetters(items: readonly StoredDeadLetter[]): Promise<void> {
      await db.transaction(async (tx) => {
        for (const { sourceKey, deadLetter } of items) {
          await tx.run(
            `INSERT INTO dead_letters (source_key, stage, code, message, record, failed_at)
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING`,
            [
              sourceKey,
              deadLetter.stage,
              deadLetter.error.code,
              withoutNul(deadLetter.error.message),
              JSON.stringify(deadLetter),
              deadLetter.failed_at,
            ],
          );
        }
      });
    },

    async channelSummaries(): Promise<ChannelSummary[]> {
      const rows = await db.all<{
        channel_id: string;
        username: string | null;
        title: string | null;
        messages: number;
        fraud: number;
        drugs: number;
        terrorism: number;
        flagged_any: number;
      }>(
        `SELECT m.channel_id, c.username, c.title, count(*) AS messages, sum(flag_fraud) AS fraud,
           sum(flag_drugs) AS drugs, sum(flag_terrorism) AS terrorism,
           sum(CASE WHEN labels <> '' THEN 1 ELSE 0 END) AS flagged_any
         FROM messages m LEFT JOIN channels c ON c.channel_id = m.channel_id
         GROUP BY m.channel_id, c.username, c.title ORDER BY m.channel_id`,
      );
      return rows.map((r) => ({
        channelId: r.channel_id,
        username: r.username,
        title: r.title,
        messages: r.messages,
        flagged: { fraud: r.fraud, drugs: r.drugs, terrorism: r.terrorism, any: r.flagged_any },
      }));
    },

    async countMessages(): Promise<number> {
      return (await db.get<{ n: number }>('SELECT count(*) AS n FROM messages'))!.n;
    },

    async countDeadLetters(): Promise<number> {
      return (await db.get<{ n: number }>('SELECT count(*) AS n FROM dead_letters'))!.n;
    },

    describe: () => location,
    close: () => db.close(),
  };
}
