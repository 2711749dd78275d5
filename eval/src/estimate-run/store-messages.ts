/**
 * Reads classified messages from the SQLite label store (the `messages` table written by
 * `tgrisk run` and the workers), read-only, in key order. The hash covers the rows read, not the
 * file: in WAL mode recent rows may still sit in the -wal file, and the file's bytes also change with
 * page layout while its rows do not.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EstimateInputError } from '../estimate/errors.ts';
import type { ChannelTally } from './channel-tally.ts';
import { LABELS } from './records.ts';
import type { RiskLabel } from '@tg-risk/schemas';

interface MessageRow {
  channel_id: string;
  message_id: number;
  labels: string;
  score_fraud: number;
  score_drugs: number;
  score_terrorism: number;
}

/** Feeds every stored message into `tally`; returns the sha256 of the rows read and their count. */
export function readStoreMessages(dbPath: string, tally: ChannelTally): { sha256: string; bytes: number } {
  if (!existsSync(dbPath)) {
    throw new EstimateInputError(
      `store ${dbPath} does not exist; run \`tgrisk run\` first, set TGRISK_DB, or pass --db FILE or --input FILE`,
      { file: dbPath },
    );
  }
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new EstimateInputError(`store ${dbPath} cannot be opened: ${(error as Error).message}`, {
      file: dbPath,
    });
  }
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    db.pragma('busy_timeout = 10000');
    let rows: IterableIterator<unknown>;
    try {
      rows = db
        .prepare(
          `SELECT channel_id, message_id, labels, score_fraud, score_drugs, score_terrorism
           FROM messages ORDER BY channel_id, message_id`,
        )
        .iterate();
    } catch (error) {
      throw new EstimateInputError(
        `store ${dbPath} has no readable messages table (${(error as Error).message}); is it a tg-risk store?`,
        { file: dbPath },
      );
    }
    for (const raw of rows) {
      const row = raw as MessageRow;
      const labels = row.labels === '' ? [] : (row.labels.split(',') as RiskLabel[]);
      const line = `${row.channel_id}\t${row.message_id}\t${row.labels}\t${row.score_fraud}\t${row.score_drugs}\t${row.score_terrorism}\n`;
      hash.update(line);
      bytes += Buffer.byteLength(line);
      if (!labels.every((l) => LABELS.includes(l))) {
        throw new EstimateInputError(
          `store ${dbPath}: message ${row.channel_id}/${row.message_id} has unknown labels "${row.labels}"`,
          {
            file: dbPath,
          },
        );
      }
      tally.add({
        channelId: row.channel_id,
        id: row.message_id,
        labels,
        scores: { fraud: row.score_fraud, drugs: row.score_drugs, terrorism: row.score_terrorism },
      });
    }
  } finally {
    db.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}
