/**
 * The review queues, paged by keyset on the projection's sort keys: each page is one range scan of
 * a partial index (see migration 003-review), so the hundredth page costs what the first does, on a
 * million rows as on a hundred. Filters that are not in the index narrow the scan as it goes.
 */
import {
  REVIEW_STORE_ERRORS,
  TgRiskError,
  type ChannelQueueQuery,
  type ChannelQueueRow,
  type DecisionFilter,
  type MessageQueueQuery,
  type MessageQueueRow,
  type Page,
} from '@tg-risk/core';
import type { RiskLabel } from '@tg-risk/schemas';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';
import {
  asState,
  LABEL_ORDER,
  num,
  splitLabels,
  toChannelEntry,
  type ChannelEntryRow,
} from './review-rows.ts';
import type { SqlClient, SqlValue } from './sql-client.ts';

/** Column names are built from labels, so a label must be one of the three before it reaches SQL. */
function checkedLabel(label: RiskLabel | undefined): RiskLabel | undefined {
  if (label !== undefined && !LABEL_ORDER.includes(label)) {
    throw new TgRiskError(REVIEW_STORE_ERRORS.badFilter, `label must be one of ${LABEL_ORDER.join(', ')}`);
  }
  return label;
}

/**
 * The decision-state conditions, states written as literals (from this closed list, never from
 * input): a partial index on `state = 'open'` (or `state <> 'open'`) serves a query only when the
 * query says so itself, which a bound parameter cannot show the planner. `any` is the open queue
 * and the decided items, each read through its own index and merged.
 */
function stateConditions(filter: DecisionFilter, column: string): string[] {
  switch (filter) {
    case 'any':
      return [`${column} = 'open'`, `${column} <> 'open'`];
    case 'open':
      return [`${column} = 'open'`];
    case 'decided':
      return [`${column} <> 'open'`];
    case 'confirmed':
    case 'rejected':
    case 'relabelled':
      return [`${column} <> 'open' AND ${column} = '${filter}'`];
    default:
      throw new TgRiskError(
        REVIEW_STORE_ERRORS.badFilter,
        'decision must be open, confirmed, rejected, relabelled, decided or any',
      );
  }
}

/** Merges row lists each sorted by `compare`, keeping the first `limit`. */
function mergeSorted<T>(lists: T[][], compare: (a: T, b: T) => number, limit: number): T[] {
  return lists.length === 1 ? lists[0]!.slice(0, limit) : lists.flat().sort(compare).slice(0, limit);
}

interface ItemRow {
  channel_id: string;
  message_id: number | string;
  date: string;
  lang: string;
  labels: string;
  score_fraud: number;
  score_drugs: number;
  score_terrorism: number;
  unc_fraud: number | null;
  unc_drugs: number | null;
  unc_terrorism: number | null;
  state: string;
  sort_key: number;
  preview: string;
  title: string | null;
  username: string | null;
}

export async function messageQueue(db: SqlClient, q: MessageQueueQuery): Promise<Page<MessageQueueRow>> {
  const label = checkedLabel(q.label);
  const risk = q.sort === 'risk';
  const key = risk ? (label ? `score_${label}` : 'risk_any') : label ? `unc_${label}` : 'unc_any';
  const candidate = label ? `unc_${label} IS NOT NULL` : `${risk ? 'risk_any' : 'unc_any'} IS NOT NULL`;
  const scoreColumn = label ? `score_${label}` : 'risk_any';
  const where: string[] = [`i.${candidate}`];
  const params: SqlValue[] = [];
  const filter = (sql: string, value: SqlValue | undefined) => {
    if (value === undefined) return;
    where.push(sql);
    params.push(value);
  };
  filter('i.channel_id = ?', q.channelId);
  filter('i.lang = ?', q.lang);
  filter(`i.${scoreColumn} >= ?`, q.scoreMin);
  filter(`i.${scoreColumn} <= ?`, q.scoreMax);
  filter('i.date >= ?', q.dateFrom);
  filter('i.date < ?', q.dateBefore);
  where.push(`NOT EXISTS (SELECT 1 FROM review_leases l WHERE l.kind = 'message' AND l.channel_id = i.channel_id
    AND l.message_id = i.message_id AND l.expires_at > ? AND l.reviewer_id <> ?)`);
  params.push(q.now, q.reviewerId);
  const cmp = risk ? '<' : '>';
  const dir = risk ? 'DESC' : 'ASC';
  // Within one channel the channel column is constant: compare (key, message id) so the
  // (channel, state, key, message) index serves the range.
  const byChannel = q.channelId !== undefined && !label;
  if (q.cursor !== undefined) {
    if (byChannel) {
      const [k, m] = decodeCursor(q.cursor, ['number', 'number']);
      where.push(`(i.${key}, i.message_id) ${cmp} (?, ?)`);
      params.push(k!, m!);
    } else {
      const [k, c, m] = decodeCursor(q.cursor, ['number', 'string', 'number']);
      where.push(`(i.${key}, i.channel_id, i.message_id) ${cmp} (?, ?, ?)`);
      params.push(k!, c!, m!);
    }
  }
  const order = byChannel
    ? `i.${key} ${dir}, i.message_id ${dir}`
    : `i.${key} ${dir}, i.channel_id ${dir}, i.message_id ${dir}`;
  const select = (state: string) =>
    db.all<ItemRow>(
      `SELECT q.*, substr(m.text, 1, 280) AS preview, c.title, c.username
       FROM (SELECT i.channel_id, i.message_id, i.date, i.lang, i.labels, i.score_fraud, i.score_drugs,
               i.score_terrorism, i.unc_fraud, i.unc_drugs, i.unc_terrorism, i.state, i.${key} AS sort_key
             FROM review_items i WHERE ${state} AND ${where.join(' AND ')}
             ORDER BY ${order} LIMIT ?) q
       JOIN messages m ON m.channel_id = q.channel_id AND m.message_id = q.message_id
       LEFT JOIN channels c ON c.channel_id = q.channel_id
       ORDER BY q.sort_key ${dir}, q.channel_id ${dir}, q.message_id ${dir}`,
      [...params, q.limit + 1],
    );
  const sign = risk ? -1 : 1;
  const compare = (a: ItemRow, b: ItemRow) =>
    sign *
    (num(a.sort_key) - num(b.sort_key) ||
      (a.channel_id < b.channel_id ? -1 : a.channel_id > b.channel_id ? 1 : 0) ||
      num(a.message_id) - num(b.message_id));
  const lists: ItemRow[][] = [];
  for (const state of stateConditions(q.decision, 'i.state')) lists.push(await select(state));
  const rows = mergeSorted(lists, compare, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > q.limit && last
      ? encodeCursor(
          byChannel
            ? [num(last.sort_key), num(last.message_id)]
            : [num(last.sort_key), last.channel_id, num(last.message_id)],
        )
      : null;
  return {
    items: page.map((r) => ({
      channelId: r.channel_id,
      messageId: num(r.message_id),
      date: r.date,
      lang: r.lang,
      labels: splitLabels(r.labels),
      scores: { fraud: num(r.score_fraud), drugs: num(r.score_drugs), terrorism: num(r.score_terrorism) },
      uncertain: LABEL_ORDER.filter((l) => {
        const u = r[`unc_${l}`];
        return u !== null && num(u) < 1;
      }),
      state: asState(r.state),
      channelTitle: r.title,
      channelUsername: r.username,
      preview: r.preview,
    })),
    nextCursor,
  };
}

type ChannelRow = ChannelEntryRow & { title: string | null; username: string | null; sort_key: number };

export async function channelQueue(db: SqlClient, q: ChannelQueueQuery): Promise<Page<ChannelQueueRow>> {
  const label = checkedLabel(q.label);
  const risk = q.sort === 'risk';
  const key = risk ? 'risk_key' : 'unc_key';
  const where: string[] = [`r.${key} IS NOT NULL`];
  const params: SqlValue[] = [];
  if (label) where.push(`(r.flagged_${label} > 0 OR r.band_${label} > 0)`);
  where.push(`NOT EXISTS (SELECT 1 FROM review_leases l WHERE l.kind = 'channel' AND l.channel_id = r.channel_id
    AND l.message_id = 0 AND l.expires_at > ? AND l.reviewer_id <> ?)`);
  params.push(q.now, q.reviewerId);
  const cmp = risk ? '<' : '>';
  const dir = risk ? 'DESC' : 'ASC';
  if (q.cursor !== undefined) {
    const [k, c] = decodeCursor(q.cursor, ['number', 'string']);
    where.push(`(r.${key}, r.channel_id) ${cmp} (?, ?)`);
    params.push(k!, c!);
  }
  const select = (state: string) =>
    db.all<ChannelRow>(
      `SELECT q.*, c.title, c.username
       FROM (SELECT r.*, r.${key} AS sort_key FROM review_channels r WHERE ${state} AND ${where.join(' AND ')}
             ORDER BY r.${key} ${dir}, r.channel_id ${dir} LIMIT ?) q
       LEFT JOIN channels c ON c.channel_id = q.channel_id
       ORDER BY q.sort_key ${dir}, q.channel_id ${dir}`,
      [...params, q.limit + 1],
    );
  const sign = risk ? -1 : 1;
  const compare = (a: ChannelRow, b: ChannelRow) =>
    sign *
    (num(a.sort_key) - num(b.sort_key) ||
      (a.channel_id < b.channel_id ? -1 : a.channel_id > b.channel_id ? 1 : 0));
  const lists: ChannelRow[][] = [];
  for (const state of stateConditions(q.decision, 'r.state')) lists.push(await select(state));
  const rows = mergeSorted(lists, compare, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      ...toChannelEntry(r),
      title: r.title,
      username: r.username,
      state: asState(r.state),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor([num(last.sort_key), last.channel_id]) : null,
  };
}
