/**
 * Audit samples: a stratified random draw of messages or channels by model score, made inside one
 * snapshot so each stratum's population count N_h and the draw agree. The review service's sampler
 * picks the positions; the store walks the stratum in primary-key order (a deterministic order, so a
 * seed always gives the same items on the same data) and keeps the items at those positions.
 */
import {
  REVIEW_STORE_ERRORS,
  TgRiskError,
  type NewSample,
  type Sample,
  type SampleItem,
  type SampleStratum,
  type StratumRequest,
  type StratumSampler,
} from '@tg-risk/core';
import type { RiskLabel } from '@tg-risk/schemas';
import { DECISION_COLUMNS, LABEL_ORDER, num, toDecision, type DecisionRow } from './review-rows.ts';
import type { SqlClient, SqlRunner, SqlValue } from './sql-client.ts';

/** Keys read per query while walking a stratum. */
const WALK_PAGE = 5000;

interface Population {
  table: 'review_items' | 'review_channels';
  score: string;
  /** Primary key columns, in walk order. */
  keys: string[];
}

function population(kind: NewSample['kind'], label: RiskLabel | null): Population {
  if (label !== null && !LABEL_ORDER.includes(label)) {
    throw new TgRiskError(REVIEW_STORE_ERRORS.badFilter, `label must be one of ${LABEL_ORDER.join(', ')}`);
  }
  if (kind === 'message') {
    return {
      table: 'review_items',
      score: label ? `score_${label}` : 'max_score',
      keys: ['channel_id', 'message_id'],
    };
  }
  return {
    table: 'review_channels',
    // CAST: integer division would truncate every share to 0 in both dialects.
    score: label ? `(CAST(flagged_${label} AS REAL) / messages)` : 'flagged_share',
    keys: ['channel_id'],
  };
}

/** The stratum's score condition: [min, max), with max = 1 taken as inclusive so a score of 1 has a stratum. */
function inStratum(score: string, s: StratumRequest): { sql: string; params: SqlValue[] } {
  return { sql: `${score} >= ? AND ${score} ${s.max >= 1 ? '<=' : '<'} ?`, params: [s.min, s.max] };
}

const scoreIn = (score: number, s: StratumRequest) =>
  score >= s.min && (s.max >= 1 ? score <= s.max : score < s.max);

interface KeyRow {
  channel_id: string;
  message_id?: number | string;
  score: number | string;
}

async function drawStratum(
  tx: SqlRunner,
  pop: Population,
  stratum: StratumRequest,
  positions: readonly number[],
): Promise<KeyRow[]> {
  const wanted = [...positions].sort((a, b) => a - b);
  const picked: KeyRow[] = [];
  const cond = inStratum(pop.score, stratum);
  let index = 0;
  let after: SqlValue[] | null = null;
  let next = 0;
  while (next < wanted.length) {
    const keyset: string = after
      ? ` AND (${pop.keys.join(', ')}) > (${pop.keys.map(() => '?').join(', ')})`
      : '';
    const rows: KeyRow[] = await tx.all<KeyRow>(
      `SELECT ${pop.keys.join(', ')}, ${pop.score} AS score FROM ${pop.table}
       WHERE ${cond.sql}${keyset} ORDER BY ${pop.keys.join(', ')} LIMIT ?`,
      [...cond.params, ...(after ?? []), WALK_PAGE],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (next < wanted.length && wanted[next] === index) {
        picked.push(row);
        next++;
      }
      index++;
    }
    const last = rows[rows.length - 1]!;
    after = pop.keys.map((k) => (k === 'message_id' ? num(last.message_id) : last.channel_id));
  }
  if (picked.length !== wanted.length) {
    throw new Error(
      `stratum ${stratum.name}: drew ${picked.length} of ${wanted.length} items; population changed`,
    );
  }
  // Guard the snapshot: what we walked must match what we counted.
  if (picked.some((r) => !scoreIn(num(r.score), stratum)))
    throw new Error('stratum walk left its score range');
  return picked;
}

export async function createSample(
  db: SqlClient,
  sample: NewSample,
  sampler: StratumSampler,
): Promise<Sample> {
  const pop = population(sample.kind, sample.label);
  return db.transaction(
    async (tx) => {
      const strata: SampleStratum[] = [];
      const drawn: Array<{ stratum: number; row: KeyRow }> = [];
      for (const [h, stratum] of sample.strata.entries()) {
        const cond = inStratum(pop.score, stratum);
        const count = await tx.get<{ n: number | string }>(
          `SELECT count(*) AS n FROM ${pop.table} WHERE ${cond.sql}`,
          cond.params,
        );
        const populationSize = num(count?.n ?? 0);
        const size = Math.min(stratum.size, populationSize);
        const positions = size > 0 ? sampler(h, populationSize, size) : [];
        const rows = await drawStratum(tx, pop, stratum, positions);
        strata.push({ ...stratum, population: populationSize, drawn: rows.length });
        drawn.push(...rows.map((row) => ({ stratum: h, row })));
      }
      const inserted = await tx.get<{ id: number | string }>(
        `INSERT INTO review_samples (kind, label, seed, strata, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
        [sample.kind, sample.label, sample.seed, JSON.stringify(strata), sample.createdBy, sample.createdAt],
      );
      const id = num(inserted!.id);
      for (const [position, { stratum, row }] of drawn.entries()) {
        await tx.run(
          `INSERT INTO review_sample_items (sample_id, position, stratum, channel_id, message_id)
           VALUES (?, ?, ?, ?, ?)`,
          [id, position, stratum, row.channel_id, row.message_id === undefined ? 0 : num(row.message_id)],
        );
      }
      return {
        id,
        kind: sample.kind,
        label: sample.label,
        seed: sample.seed,
        createdBy: sample.createdBy,
        createdAt: sample.createdAt,
        strata,
        decided: 0,
      };
    },
    { snapshot: true },
  );
}

interface SampleRow {
  id: number | string;
  kind: string;
  label: string | null;
  seed: number | string;
  strata: string;
  created_by: string;
  created_at: string;
  decided: number | string;
}

const SAMPLE_COLUMNS = `s.id, s.kind, s.label, s.seed, s.strata, s.created_by, s.created_at,
  (SELECT count(*) FROM (SELECT DISTINCT channel_id, message_id FROM review_decisions x WHERE x.sample_id = s.id) u)
    AS decided`;

const toSample = (r: SampleRow): Sample => ({
  id: num(r.id),
  kind: r.kind as Sample['kind'],
  label: r.label as RiskLabel | null,
  seed: num(r.seed),
  createdBy: r.created_by,
  createdAt: r.created_at,
  strata: JSON.parse(r.strata) as SampleStratum[],
  decided: num(r.decided),
});

export async function listSamples(db: SqlClient): Promise<Sample[]> {
  const rows = await db.all<SampleRow>(`SELECT ${SAMPLE_COLUMNS} FROM review_samples s ORDER BY s.id DESC`);
  return rows.map(toSample);
}

export async function getSample(db: SqlClient, id: number): Promise<Sample | null> {
  const row = await db.get<SampleRow>(`SELECT ${SAMPLE_COLUMNS} FROM review_samples s WHERE s.id = ?`, [id]);
  return row ? toSample(row) : null;
}

export async function sampleItems(db: SqlClient, id: number): Promise<SampleItem[]> {
  const sample = await db.get<{ kind: string }>('SELECT kind FROM review_samples WHERE id = ?', [id]);
  if (!sample) return [];
  const rows = await db.all<
    {
      position: number | string;
      stratum: number | string;
      item_channel: string;
      item_message: number | string;
    } & {
      [K in keyof DecisionRow]: DecisionRow[K] | null;
    }
  >(
    `SELECT si.position, si.stratum, si.channel_id AS item_channel, si.message_id AS item_message, ${DECISION_COLUMNS}
     FROM review_sample_items si
     LEFT JOIN review_decisions d ON d.id = (SELECT max(x.id) FROM review_decisions x
       WHERE x.sample_id = si.sample_id AND x.kind = ? AND x.channel_id = si.channel_id AND x.message_id = si.message_id)
     WHERE si.sample_id = ? ORDER BY si.position`,
    [sample.kind, id],
  );
  return rows.map((r) => ({
    sampleId: id,
    position: num(r.position),
    stratum: num(r.stratum),
    item: {
      kind: sample.kind as SampleItem['item']['kind'],
      channelId: r.item_channel,
      messageId: sample.kind === 'channel' ? null : num(r.item_message),
    },
    decision: r.id === null ? null : toDecision(r as DecisionRow),
  }));
}
