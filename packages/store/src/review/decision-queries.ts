/**
 * Leases and the append-only decision log. A decision is appended with the id of the decision it
 * supersedes; triggers forbid UPDATE and DELETE on the log, so history is never rewritten. The
 * item's current state lives in the projection (review_items / review_channels).
 */
import {
  REVIEW_STORE_ERRORS,
  TgRiskError,
  type Decision,
  type DecisionQuery,
  type Lease,
  type LeaseResult,
  type NewDecision,
  type Page,
  type ReviewItemRef,
} from '@tg-risk/core';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';
import {
  DECISION_COLUMNS,
  joinLabels,
  num,
  stateOf,
  storedMessageId,
  toDecision,
  type DecisionRow,
} from './review-rows.ts';
import type { SqlClient, SqlRunner, SqlValue } from './sql-client.ts';

interface LeaseRow {
  kind: string;
  channel_id: string;
  message_id: number | string;
  reviewer_id: number | string;
  username: string;
  acquired_at: string;
  expires_at: string;
}

const toLease = (r: LeaseRow): Lease => ({
  item: {
    kind: r.kind as ReviewItemRef['kind'],
    channelId: r.channel_id,
    messageId: r.kind === 'channel' ? null : num(r.message_id),
  },
  reviewerId: num(r.reviewer_id),
  reviewer: r.username,
  acquiredAt: r.acquired_at,
  expiresAt: r.expires_at,
});

const itemKey = (item: ReviewItemRef): SqlValue[] => [
  item.kind,
  item.channelId,
  storedMessageId(item.messageId),
];

async function readLease(db: SqlRunner, item: ReviewItemRef, lock = ''): Promise<LeaseRow | undefined> {
  return db.get<LeaseRow>(
    `SELECT l.kind, l.channel_id, l.message_id, l.reviewer_id, r.username, l.acquired_at, l.expires_at
     FROM review_leases l JOIN review_reviewers r ON r.id = l.reviewer_id
     WHERE l.kind = ? AND l.channel_id = ? AND l.message_id = ?${lock}`,
    itemKey(item),
  );
}

export async function acquireLease(
  db: SqlClient,
  item: ReviewItemRef,
  reviewerId: number,
  now: string,
  expiresAt: string,
): Promise<LeaseResult> {
  return db.transaction(async (tx) => {
    // One statement decides: it takes a free or expired lease, renews our own, or changes nothing.
    await tx.run(
      `INSERT INTO review_leases (kind, channel_id, message_id, reviewer_id, acquired_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, channel_id, message_id) DO UPDATE SET reviewer_id = excluded.reviewer_id,
         acquired_at = CASE WHEN review_leases.reviewer_id = excluded.reviewer_id
           THEN review_leases.acquired_at ELSE excluded.acquired_at END,
         expires_at = excluded.expires_at
       WHERE review_leases.expires_at <= ? OR review_leases.reviewer_id = excluded.reviewer_id`,
      [...itemKey(item), reviewerId, now, expiresAt, now],
    );
    const row = await readLease(tx, item);
    const lease = toLease(row!);
    return lease.reviewerId === reviewerId ? { acquired: true, lease } : { acquired: false, holder: lease };
  });
}

export async function releaseLease(db: SqlClient, item: ReviewItemRef, reviewerId: number): Promise<void> {
  await db.run(
    'DELETE FROM review_leases WHERE kind = ? AND channel_id = ? AND message_id = ? AND reviewer_id = ?',
    [...itemKey(item), reviewerId],
  );
}

export async function liveLease(db: SqlClient, item: ReviewItemRef, now: string): Promise<Lease | null> {
  const row = await readLease(db, item);
  return row && row.expires_at > now ? toLease(row) : null;
}

export async function recordDecision(db: SqlClient, d: NewDecision): Promise<Decision> {
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE OF l' : '';
  return db.transaction(async (tx) => {
    const lease = await readLease(tx, d.item, lock);
    if (lease && num(lease.reviewer_id) !== d.reviewerId && lease.expires_at > d.now) {
      throw new TgRiskError(
        REVIEW_STORE_ERRORS.leaseHeld,
        `${lease.username} is reviewing this item until ${lease.expires_at}; pick another item`,
      );
    }
    const model =
      d.item.kind === 'message'
        ? await tx.get<{ labels: string; model: string | null }>(
            'SELECT labels, model FROM messages WHERE channel_id = ? AND message_id = ?',
            [d.item.channelId, d.item.messageId ?? 0],
          )
        : await tx.get<{ labels: string; model: string | null }>(
            'SELECT violating_labels AS labels, NULL AS model FROM review_channels WHERE channel_id = ?',
            [d.item.channelId],
          );
    if (!model) {
      throw new TgRiskError(
        REVIEW_STORE_ERRORS.itemNotFound,
        `no ${d.item.kind} ${describeItem(d.item)} in the store`,
      );
    }
    if (d.sampleId !== null) {
      const member = await tx.get(
        'SELECT 1 AS present FROM review_sample_items WHERE sample_id = ? AND channel_id = ? AND message_id = ?',
        [d.sampleId, d.item.channelId, storedMessageId(d.item.messageId)],
      );
      if (!member) {
        throw new TgRiskError(
          REVIEW_STORE_ERRORS.notInSample,
          `${d.item.kind} ${describeItem(d.item)} is not in sample ${d.sampleId}`,
        );
      }
    }
    const previous = await tx.get<{ id: number | string | null }>(
      'SELECT max(id) AS id FROM review_decisions WHERE kind = ? AND channel_id = ? AND message_id = ?',
      itemKey(d.item),
    );
    const supersedes = previous?.id === null || previous?.id === undefined ? null : num(previous.id);
    const inserted = await tx.get<{ id: number | string }>(
      `INSERT INTO review_decisions (kind, channel_id, message_id, action, labels, model_labels, model, note,
         reviewer_id, reviewer, decided_at, sample_id, supersedes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        ...itemKey(d.item),
        d.action,
        joinLabels(d.labels),
        model.labels,
        model.model,
        d.note,
        d.reviewerId,
        d.reviewer,
        d.decidedAt,
        d.sampleId,
        supersedes,
      ],
    );
    const id = num(inserted!.id);
    if (d.item.kind === 'message') {
      await tx.run(
        'UPDATE review_items SET state = ?, decision_id = ? WHERE channel_id = ? AND message_id = ?',
        [stateOf(d.action), id, d.item.channelId, d.item.messageId ?? 0],
      );
    } else {
      await tx.run('UPDATE review_channels SET state = ?, decision_id = ? WHERE channel_id = ?', [
        stateOf(d.action),
        id,
        d.item.channelId,
      ]);
    }
    await tx.run(
      'DELETE FROM review_leases WHERE kind = ? AND channel_id = ? AND message_id = ? AND reviewer_id = ?',
      [...itemKey(d.item), d.reviewerId],
    );
    const row = await tx.get<DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM review_decisions d WHERE d.id = ?`,
      [id],
    );
    return toDecision(row!);
  });
}

function describeItem(item: ReviewItemRef): string {
  return item.kind === 'channel' ? item.channelId : `${item.channelId}/${item.messageId}`;
}

export async function decisions(db: SqlClient, q: DecisionQuery): Promise<Page<Decision>> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (q.item) {
    where.push('d.kind = ? AND d.channel_id = ? AND d.message_id = ?');
    params.push(...itemKey(q.item));
  }
  if (q.reviewerId !== undefined) {
    where.push('d.reviewer_id = ?');
    params.push(q.reviewerId);
  }
  if (q.sampleId !== undefined) {
    where.push('d.sample_id = ?');
    params.push(q.sampleId);
  }
  if (q.cursor !== undefined) {
    const [id] = decodeCursor(q.cursor, ['number']);
    where.push('d.id < ?');
    params.push(id!);
  }
  const rows = await db.all<DecisionRow>(
    `SELECT ${DECISION_COLUMNS} FROM review_decisions d
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id DESC LIMIT ?`,
    [...params, q.limit + 1],
  );
  const page = rows.slice(0, q.limit).map(toDecision);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null };
}
