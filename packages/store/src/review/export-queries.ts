/** Gold labels out of the decision log: the latest decision per item (the one nothing superseded). */
import type { DecidedMessage, Decision, Page } from '@tg-risk/core';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';
import { DECISION_COLUMNS, toDecision, type DecisionRow } from './review-rows.ts';
import type { SqlClient, SqlValue } from './sql-client.ts';

export async function decidedMessages(
  db: SqlClient,
  limit: number,
  cursor?: string,
): Promise<Page<DecidedMessage>> {
  const params: SqlValue[] = [];
  let after = '';
  if (cursor !== undefined) {
    const [id] = decodeCursor(cursor, ['number']);
    after = ' AND d.id > ?';
    params.push(id!);
  }
  const rows = await db.all<DecisionRow & { text: string; lang: string | null }>(
    `SELECT ${DECISION_COLUMNS}, m.text, i.lang
     FROM review_decisions d
     JOIN messages m ON m.channel_id = d.channel_id AND m.message_id = d.message_id
     LEFT JOIN review_items i ON i.channel_id = d.channel_id AND i.message_id = d.message_id
     WHERE d.kind = 'message' AND NOT EXISTS (SELECT 1 FROM review_decisions s WHERE s.supersedes = d.id)${after}
     ORDER BY d.id LIMIT ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ decision: toDecision(r), text: r.text, lang: r.lang })),
    nextCursor: rows.length > limit && last ? encodeCursor([Number(last.id)]) : null,
  };
}

export async function decidedChannels(db: SqlClient, sampleId: number | null): Promise<Decision[]> {
  const rows =
    sampleId === null
      ? await db.all<DecisionRow>(
          `SELECT ${DECISION_COLUMNS} FROM review_decisions d
           WHERE d.kind = 'channel' AND NOT EXISTS (SELECT 1 FROM review_decisions s WHERE s.supersedes = d.id)
           ORDER BY d.channel_id`,
        )
      : await db.all<DecisionRow>(
          `SELECT ${DECISION_COLUMNS} FROM review_decisions d
           WHERE d.kind = 'channel' AND d.sample_id = ? AND d.id = (SELECT max(x.id) FROM review_decisions x
             WHERE x.kind = 'channel' AND x.sample_id = ? AND x.channel_id = d.channel_id)
           ORDER BY d.channel_id`,
          [sampleId, sampleId],
        );
  return rows.map(toDecision);
}
