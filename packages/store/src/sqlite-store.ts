/**
 * The embedded label store on SQLite (better-sqlite3). WAL mode with synchronous=FULL: once
 * saveLabelled() resolves, the rows survive a crash of this process or the machine, which is what
 * lets the worker commit its offsets afterwards.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  TransientError,
  type ChannelSummary,
  type LabelStore,
  type LabelledMessage,
  type StoredDeadLetter,
} from '@tg-risk/core';
import { applySqliteMigrations } from './sqlite-migrate.ts';

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for tests. Parent folders are created. */
  path: string;
  /** Clock for `stored_at`; injectable for tests. */
  now?: () => Date;
  /** Opens an existing database for reading only (reports, audits); writes then fail as STORE_UNAVAILABLE. */
  readonly?: boolean;
}

/** How long a write waits for another connection's lock before failing as STORE_UNAVAILABLE. */
const BUSY_TIMEOUT_MS = 2000;

/** Opens (and migrates) the SQLite label store. */
export function openSqliteStore(options: SqliteStoreOptions): LabelStore {
  const readonly = options.readonly ?? false;
  if (options.path !== ':memory:' && !readonly) {
    mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  }
  const db = new Database(options.path, { readonly, fileMustExist: readonly });
  // Several worker processes may share one file; wait for the lock instead of failing at once. The
  // wait blocks the event loop (and so the consumer's heartbeats): kept well under the session
  // timeout, a longer outage becomes STORE_UNAVAILABLE, which the bus retries with backoff.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    applySqliteMigrations(db);
  }
  return new SqliteLabelStore(db, options.path, options.now ?? (() => new Date()));
}

class SqliteLabelStore implements LabelStore {
  private readonly upsertMessage: Database.Statement;
  private readonly upsertChannel: Database.Statement;
  private readonly insertDeadLetter: Database.Statement;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly location: string,
    private readonly now: () => Date,
  ) {
    // The WHERE keeps the newest version: a redelivered old copy never overwrites a later edit.
    this.upsertMessage = db.prepare(`
      INSERT INTO messages (channel_id, message_id, date, edit_date, text, message_json, label_json, labels,
        flag_fraud, flag_drugs, flag_terrorism, score_fraud, score_drugs, score_terrorism, model, stored_at)
      VALUES (@channel_id, @message_id, @date, @edit_date, @text, @message_json, @label_json, @labels,
        @flag_fraud, @flag_drugs, @flag_terrorism, @score_fraud, @score_drugs, @score_terrorism, @model, @stored_at)
      ON CONFLICT (channel_id, message_id) DO UPDATE SET
        date = excluded.date, edit_date = excluded.edit_date, text = excluded.text,
        message_json = excluded.message_json, label_json = excluded.label_json, labels = excluded.labels,
        flag_fraud = excluded.flag_fraud, flag_drugs = excluded.flag_drugs, flag_terrorism = excluded.flag_terrorism,
        score_fraud = excluded.score_fraud, score_drugs = excluded.score_drugs,
        score_terrorism = excluded.score_terrorism, model = excluded.model, stored_at = excluded.stored_at
      WHERE coalesce(excluded.edit_date, '') >= coalesce(messages.edit_date, '')`);
    this.upsertChannel = db.prepare(`
      INSERT INTO channels (channel_id, username, title) VALUES (@channel_id, @username, @title)
      ON CONFLICT (channel_id) DO UPDATE SET
        username = coalesce(excluded.username, channels.username),
        title = coalesce(excluded.title, channels.title)`);
    this.insertDeadLetter = db.prepare(`
      INSERT INTO dead_letters (source_key, stage, code, message, record, failed_at)
      VALUES (@source_key, @stage, @code, @message, @record, @failed_at)
      ON CONFLICT (source_key) DO NOTHING`);
  }

  async saveLabelled(items: readonly LabelledMessage[]): Promise<void> {
    const storedAt = this.now().toISOString();
    this.write(() => {
      for (const { message, label } of items) {
        const flags = new Set(label.labels);
        this.upsertChannel.run({
          channel_id: message.channel_id,
          username: message.channel_username,
          title: message.channel_title,
        });
        this.upsertMessage.run({
          channel_id: message.channel_id,
          message_id: message.message_id,
          date: message.date,
          edit_date: message.edit_date,
          text: message.text,
          message_json: JSON.stringify(message),
          label_json: JSON.stringify(label),
          labels: label.labels.join(','),
          flag_fraud: flags.has('fraud') ? 1 : 0,
          flag_drugs: flags.has('drugs') ? 1 : 0,
          flag_terrorism: flags.has('terrorism') ? 1 : 0,
          score_fraud: label.scores.fraud,
          score_drugs: label.scores.drugs,
          score_terrorism: label.scores.terrorism,
          model: label.model,
          stored_at: storedAt,
        });
      }
    });
  }

  async saveDeadLetters(items: readonly StoredDeadLetter[]): Promise<void> {
    this.write(() => {
      for (const { sourceKey, deadLetter } of items) {
        this.insertDeadLetter.run({
          source_key: sourceKey,
          stage: deadLetter.stage,
          code: deadLetter.error.code,
          message: deadLetter.error.message,
          record: JSON.stringify(deadLetter),
          failed_at: deadLetter.failed_at,
        });
      }
    });
  }

  /** Runs `work` in one IMMEDIATE transaction; lock and I/O failures become retriable errors. */
  private write(work: () => void): void {
    try {
      this.db.transaction(work).immediate();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (/^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CANTOPEN|PROTOCOL)/.test(code)) {
        throw new TransientError('STORE_UNAVAILABLE', `SQLite store ${this.location} not writable: ${code}`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async channelSummaries(): Promise<ChannelSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT m.channel_id AS channelId, c.username AS username, c.title AS title, count(*) AS messages,
           sum(flag_fraud) AS fraud, sum(flag_drugs) AS drugs, sum(flag_terrorism) AS terrorism,
           sum(CASE WHEN labels <> '' THEN 1 ELSE 0 END) AS flaggedAny
         FROM messages m LEFT JOIN channels c ON c.channel_id = m.channel_id
         GROUP BY m.channel_id ORDER BY m.channel_id`,
      )
      .all() as Array<{
      channelId: string;
      username: string | null;
      title: string | null;
      messages: number;
      fraud: number;
      drugs: number;
      terrorism: number;
      flaggedAny: number;
    }>;
    return rows.map((r) => ({
      channelId: r.channelId,
      username: r.username,
      title: r.title,
      messages: r.messages,
      flagged: { fraud: r.fraud, drugs: r.drugs, terrorism: r.terrorism, any: r.flaggedAny },
    }));
  }

  async countMessages(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  }

  async countDeadLetters(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM dead_letters').get() as { n: number }).n;
  }

  describe(): string {
    return this.location === ':memory:' ? 'SQLite in memory' : `SQLite at ${path.resolve(this.location)}`;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
