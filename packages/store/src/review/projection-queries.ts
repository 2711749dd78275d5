/**
 * The review queue projection. Triggers on `messages` note every written message in
 * `review_changes`; projectPending() turns a batch of them into `review_items` rows with the review
 * service's sort keys and removes the notes in the same transaction. A note rewritten while its
 * batch was being projected has a new `seq` and survives, so a concurrent edit is projected again,
 * never lost. refreshChannels() recounts channels into `review_channels`.
 */
import type { ChannelEntry, ChannelProfile, ChannelTally, PendingLabelled, QueueEntry } from '@tg-risk/core';
import type { LabelV1, MessageV1 } from '@tg-risk/schemas';
import { bit, joinLabels, num } from './review-rows.ts';
import { placeholders, type SqlClient, type SqlRunner, type SqlValue } from './sql-client.ts';

/** Rows per multi-row statement: well under both dialects' bound-parameter limits. */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function ensurePolicy(db: SqlClient, policyKey: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await tx.get<{ policy_key: string }>('SELECT policy_key FROM review_policy WHERE id = 1');
    if (row?.policy_key === policyKey) return false;
    await tx.run(
      `INSERT INTO review_policy (id, policy_key) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET policy_key = excluded.policy_key`,
      [policyKey],
    );
    // WHERE true: SQLite needs it to parse INSERT ... SELECT ... ON CONFLICT.
    await tx.run(
      `INSERT INTO review_changes (channel_id, message_id) SELECT channel_id, message_id FROM messages WHERE true
       ON CONFLICT (channel_id, message_id) DO UPDATE SET seq = review_changes.seq + 1`,
    );
    return true;
  });
}

interface PendingRow {
  channel_id: string;
  message_id: number | string;
  seq: number | string;
  message_json: string;
  label_json: string;
}

const ITEM_COLUMNS = [
  'channel_id',
  'message_id',
  'date',
  'lang',
  'labels',
  'flag_fraud',
  'flag_drugs',
  'flag_terrorism',
  'score_fraud',
  'score_drugs',
  'score_terrorism',
  'max_score',
  'risk_any',
  'unc_any',
  'unc_fraud',
  'unc_drugs',
  'unc_terrorism',
  'reply_to',
];

function itemValues(e: QueueEntry): SqlValue[] {
  return [
    e.channelId,
    e.messageId,
    e.date,
    e.lang,
    joinLabels(e.labels),
    bit(e.labels.includes('fraud')),
    bit(e.labels.includes('drugs')),
    bit(e.labels.includes('terrorism')),
    e.scores.fraud,
    e.scores.drugs,
    e.scores.terrorism,
    e.maxScore,
    e.riskAny,
    e.uncertaintyAny,
    e.uncertainty.fraud,
    e.uncertainty.drugs,
    e.uncertainty.terrorism,
    e.replyToMessageId,
  ];
}

export async function projectPending(
  db: SqlClient,
  limit: number,
  project: (pending: PendingLabelled[]) => QueueEntry[],
): Promise<{ projected: number; channelIds: string[] }> {
  // PostgreSQL: several review servers may project at once; each takes rows the others have not locked.
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE OF c SKIP LOCKED' : '';
  return db.transaction(async (tx) => {
    const rows = await tx.all<PendingRow>(
      `SELECT c.channel_id, c.message_id, c.seq, m.message_json, m.label_json
       FROM review_changes c JOIN messages m ON m.channel_id = c.channel_id AND m.message_id = c.message_id
       ORDER BY c.channel_id, c.message_id LIMIT ?${lock}`,
      [limit],
    );
    if (rows.length === 0) return { projected: 0, channelIds: [] };
    const pending = rows.map((r) => ({
      message: JSON.parse(r.message_json) as MessageV1,
      label: JSON.parse(r.label_json) as LabelV1,
    }));
    const entries = project(pending);
    await saveEntries(tx, entries);
    for (const part of chunks(rows, 100)) {
      await tx.run(
        `DELETE FROM review_changes WHERE ${part.map(() => '(channel_id = ? AND message_id = ? AND seq = ?)').join(' OR ')}`,
        part.flatMap((r) => [r.channel_id, num(r.message_id), num(r.seq)]),
      );
    }
    return { projected: rows.length, channelIds: [...new Set(rows.map((r) => r.channel_id))] };
  });
}

async function saveEntries(tx: SqlRunner, entries: readonly QueueEntry[]): Promise<void> {
  const updates = ITEM_COLUMNS.filter((c) => c !== 'channel_id' && c !== 'message_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  for (const part of chunks(entries)) {
    // The review state and latest decision are kept: an edit re-scores an item, it does not undo a decision.
    await tx.run(
      `INSERT INTO review_items (${ITEM_COLUMNS.join(', ')}) VALUES
       ${part.map(() => `(${placeholders(ITEM_COLUMNS.length)})`).join(', ')}
       ON CONFLICT (channel_id, message_id) DO UPDATE SET ${updates}`,
      part.flatMap(itemValues),
    );
  }
}

interface TallyRow {
  channel_id: string;
  messages: number | string;
  flagged_fraud: number | string | null;
  flagged_drugs: number | string | null;
  flagged_terrorism: number | string | null;
  flagged_any: number | string | null;
  band_fraud: number | string | null;
  band_drugs: number | string | null;
  band_terrorism: number | string | null;
  band_any: number | string | null;
  first_date: string | null;
  last_date: string | null;
}

const CHANNEL_COLUMNS = [
  'channel_id',
  'messages',
  'flagged_fraud',
  'flagged_drugs',
  'flagged_terrorism',
  'flagged_any',
  'band_fraud',
  'band_drugs',
  'band_terrorism',
  'band_any',
  'first_date',
  'last_date',
  'flagged_share',
  'violates',
  'violating_labels',
  'risk_key',
  'unc_key',
];

export async function refreshChannels(
  db: SqlClient,
  channelIds: readonly string[],
  judge: (tallies: ChannelTally[]) => ChannelEntry[],
): Promise<void> {
  // An uncertainty key below 1 means the score is in the review band (see the review service's priority rules).
  const n = (v: number | string | null) => (v === null ? 0 : num(v));
  for (const ids of chunks([...new Set(channelIds)], 500)) {
    await db.transaction(async (tx) => {
      const rows = await tx.all<TallyRow>(
        `SELECT channel_id, count(*) AS messages,
           sum(flag_fraud) AS flagged_fraud, sum(flag_drugs) AS flagged_drugs,
           sum(flag_terrorism) AS flagged_terrorism,
           sum(CASE WHEN labels <> '' THEN 1 ELSE 0 END) AS flagged_any,
           sum(CASE WHEN unc_fraud < 1 THEN 1 ELSE 0 END) AS band_fraud,
           sum(CASE WHEN unc_drugs < 1 THEN 1 ELSE 0 END) AS band_drugs,
           sum(CASE WHEN unc_terrorism < 1 THEN 1 ELSE 0 END) AS band_terrorism,
           sum(CASE WHEN labels = '' AND (unc_fraud < 1 OR unc_drugs < 1 OR unc_terrorism < 1)
             THEN 1 ELSE 0 END) AS band_any,
           min(date) AS first_date, max(date) AS last_date
         FROM review_items WHERE channel_id IN (${placeholders(ids.length)}) GROUP BY channel_id`,
        ids,
      );
      const tallies: ChannelTally[] = rows.map((r) => ({
        channelId: r.channel_id,
        messages: n(r.messages),
        flagged: { fraud: n(r.flagged_fraud), drugs: n(r.flagged_drugs), terrorism: n(r.flagged_terrorism) },
        flaggedAny: n(r.flagged_any),
        band: { fraud: n(r.band_fraud), drugs: n(r.band_drugs), terrorism: n(r.band_terrorism) },
        bandAny: n(r.band_any),
        firstDate: r.first_date,
        lastDate: r.last_date,
      }));
      const entries = judge(tallies);
      const updates = CHANNEL_COLUMNS.filter((c) => c !== 'channel_id')
        .map((c) => `${c} = excluded.${c}`)
        .join(', ');
      for (const part of chunks(entries)) {
        await tx.run(
          `INSERT INTO review_channels (${CHANNEL_COLUMNS.join(', ')}) VALUES
           ${part.map(() => `(${placeholders(CHANNEL_COLUMNS.length)})`).join(', ')}
           ON CONFLICT (channel_id) DO UPDATE SET ${updates}`,
          part.flatMap((e) => [
            e.channelId,
            e.messages,
            e.flagged.fraud,
            e.flagged.drugs,
            e.flagged.terrorism,
            e.flaggedAny,
            e.band.fraud,
            e.band.drugs,
            e.band.terrorism,
            e.bandAny,
            e.firstDate,
            e.lastDate,
            e.flaggedShare,
            bit(e.violates),
            joinLabels(e.violatingLabels),
            e.riskKey,
            e.uncertaintyKey,
          ]),
        );
      }
    });
  }
}

export async function saveChannelProfiles(db: SqlClient, profiles: readonly ChannelProfile[]): Promise<void> {
  const optional = (v: boolean | null) => (v === null ? null : bit(v));
  await db.transaction(async (tx) => {
    for (const p of profiles) {
      await tx.run(
        `INSERT INTO review_channel_profiles
           (channel_id, about, participants, verified, scam, fake, restricted, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel_id) DO UPDATE SET about = excluded.about, participants = excluded.participants,
           verified = excluded.verified, scam = excluded.scam, fake = excluded.fake,
           restricted = excluded.restricted, updated_at = excluded.updated_at`,
        [
          p.channelId,
          p.about,
          p.participants,
          optional(p.verified),
          optional(p.scam),
          optional(p.fake),
          optional(p.restricted),
          p.updatedAt,
        ],
      );
    }
  });
}
