/**
 * Live ingestion's state on SQLite (better-sqlite3), in the same database file as the label store
 * (its own tables, migration 002). WAL with synchronous=FULL, like the label store: once
 * recordProgress() resolves, a crash cannot move the checkpoint back. Several ingest processes
 * (shards) may share the file; each owns different channels, and busy_timeout makes them queue.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  TransientError,
  type ChannelCheckpoint,
  type ChannelSighting,
  type FollowedChannel,
  type IngestProgress,
  type IngestStateStore,
  type ReferenceTally,
  type ResolveFailure,
  type ResolvedChannelEntry,
  type StoredChannelRecord,
} from '@tg-risk/core';
import { assertValid } from '@tg-risk/schemas';
import { applySqliteMigrations } from '../sqlite-migrate.ts';
import { FOLLOWED_ROW, referenceKey, REFERENCE_ROW, SIGHTING_ROW, type Row } from './rows.ts';

export interface SqliteIngestStateOptions {
  /** File path (usually the label store's TGRISK_DB), or ':memory:' for tests. */
  path: string;
}

/** Opens (and migrates) the ingest state tables. */
export function openSqliteIngestState(options: SqliteIngestStateOptions): IngestStateStore {
  if (options.path !== ':memory:') mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  applySqliteMigrations(db);
  return new SqliteIngestState(db, options.path);
}

class SqliteIngestState implements IngestStateStore {
  private readonly advanceCheckpoint: Database.Statement;
  private readonly upsertEditMark: Database.Statement;
  private readonly upsertReference: Database.Statement;
  private readonly upsertSighting: Database.Statement;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly location: string,
  ) {
    // MAX keeps the checkpoint monotone even if a slower writer reports an older page last.
    this.advanceCheckpoint = db.prepare(`
      UPDATE ingest_checkpoints SET last_message_id = max(last_message_id, @last), updated_at = @at
      WHERE channel_id = @channel_id`);
    this.upsertEditMark = db.prepare(`
      INSERT INTO ingest_edit_marks (channel_id, message_id, edit_date) VALUES (@channel_id, @message_id, @edit_date)
      ON CONFLICT (channel_id, message_id) DO UPDATE SET edit_date = max(edit_date, excluded.edit_date)`);
    this.upsertReference = db.prepare(`
      INSERT INTO ingest_references (from_channel_id, target_key, kind, target_channel_id, target_username,
        mentions, first_message_id, last_seen)
      VALUES (@from_channel_id, @target_key, @kind, @target_channel_id, @target_username, 1, @message_id, @seen_at)
      ON CONFLICT (from_channel_id, target_key, kind) DO UPDATE SET
        mentions = mentions + 1,
        target_channel_id = coalesce(excluded.target_channel_id, target_channel_id),
        target_username = coalesce(excluded.target_username, target_username),
        first_message_id = min(first_message_id, excluded.first_message_id),
        last_seen = max(last_seen, excluded.last_seen)`);
    this.upsertSighting = db.prepare(`
      INSERT INTO ingest_sightings (channel_id, username, title, broadcast, verified, scam, fake, seen_at)
      VALUES (@channel_id, @username, @title, @broadcast, @verified, @scam, @fake, @seen_at)
      ON CONFLICT (channel_id) DO UPDATE SET
        username = coalesce(excluded.username, username), title = coalesce(excluded.title, title),
        broadcast = excluded.broadcast, verified = excluded.verified, scam = excluded.scam,
        fake = excluded.fake, seen_at = excluded.seen_at`);
  }

  async resolved(usernameKey: string): Promise<ResolvedChannelEntry | null> {
    const row = this.db
      .prepare('SELECT channel_id, access_hash, resolved_at FROM ingest_resolved WHERE username_key = ?')
      .get(usernameKey) as Row | undefined;
    if (!row) return null;
    return {
      usernameKey,
      channelId: String(row.channel_id),
      accessHash: String(row.access_hash),
      resolvedAt: String(row.resolved_at),
    };
  }

  async saveResolved(entry: ResolvedChannelEntry): Promise<void> {
    this.write(() => {
      this.db
        .prepare(
          `INSERT INTO ingest_resolved (username_key, channel_id, access_hash, resolved_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (username_key) DO UPDATE SET channel_id = excluded.channel_id,
             access_hash = excluded.access_hash, resolved_at = excluded.resolved_at`,
        )
        .run(entry.usernameKey, entry.channelId, entry.accessHash, entry.resolvedAt);
      this.db.prepare('DELETE FROM ingest_resolve_failures WHERE username_key = ?').run(entry.usernameKey);
    });
  }

  async resolveFailure(usernameKey: string): Promise<ResolveFailure | null> {
    const row = this.db
      .prepare('SELECT reason, detail, failed_at FROM ingest_resolve_failures WHERE username_key = ?')
      .get(usernameKey) as Row | undefined;
    if (!row) return null;
    return {
      usernameKey,
      reason: String(row.reason) as ResolveFailure['reason'],
      detail: String(row.detail),
      failedAt: String(row.failed_at),
    };
  }

  async saveResolveFailure(failure: ResolveFailure): Promise<void> {
    this.write(() =>
      this.db
        .prepare(
          `INSERT INTO ingest_resolve_failures (username_key, reason, detail, failed_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (username_key) DO UPDATE SET reason = excluded.reason, detail = excluded.detail,
             failed_at = excluded.failed_at`,
        )
        .run(failure.usernameKey, failure.reason, failure.detail, failure.failedAt),
    );
  }

  async channelRecord(channelId: string): Promise<StoredChannelRecord | null> {
    const row = this.db
      .prepare('SELECT record_json, updated_at FROM ingest_channel_records WHERE channel_id = ?')
      .get(channelId) as Row | undefined;
    if (!row) return null;
    return {
      record: assertValid('channel.v1', JSON.parse(String(row.record_json))),
      updatedAt: String(row.updated_at),
    };
  }

  async saveChannelRecord(record: StoredChannelRecord['record'], at: string): Promise<void> {
    const valid = assertValid('channel.v1', record);
    this.write(() =>
      this.db
        .prepare(
          `INSERT INTO ingest_channel_records (channel_id, record_json, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (channel_id) DO UPDATE SET record_json = excluded.record_json, updated_at = excluded.updated_at`,
        )
        .run(valid.channel_id, JSON.stringify(valid), at),
    );
  }

  async checkpoint(channelId: string): Promise<ChannelCheckpoint | null> {
    const row = this.db
      .prepare('SELECT last_message_id, floor_id, updated_at FROM ingest_checkpoints WHERE channel_id = ?')
      .get(channelId) as Row | undefined;
    if (!row) return null;
    return {
      channelId,
      lastMessageId: Number(row.last_message_id),
      floorId: Number(row.floor_id),
      updatedAt: String(row.updated_at),
    };
  }

  async startCheckpoint(checkpoint: ChannelCheckpoint): Promise<void> {
    this.write(() =>
      this.db
        .prepare(
          `INSERT INTO ingest_checkpoints (channel_id, last_message_id, floor_id, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (channel_id) DO NOTHING`,
        )
        .run(checkpoint.channelId, checkpoint.lastMessageId, checkpoint.floorId, checkpoint.updatedAt),
    );
  }

  async recordProgress(progress: IngestProgress): Promise<void> {
    this.write(() => {
      this.advanceCheckpoint.run({
        channel_id: progress.channelId,
        last: progress.lastMessageId,
        at: progress.at,
      });
      for (const mark of progress.editMarks) {
        this.upsertEditMark.run({
          channel_id: progress.channelId,
          message_id: mark.messageId,
          edit_date: mark.editDate,
        });
      }
      for (const ref of progress.references) {
        this.upsertReference.run({
          from_channel_id: ref.fromChannelId,
          target_key: referenceKey(ref),
          kind: ref.kind,
          target_channel_id: ref.targetChannelId,
          target_username: ref.targetUsername,
          message_id: ref.messageId,
          seen_at: ref.seenAt,
        });
      }
      for (const s of progress.sightings) {
        this.upsertSighting.run({
          channel_id: s.channelId,
          username: s.username,
          title: s.title,
          broadcast: s.broadcast ? 1 : 0,
          verified: s.verified ? 1 : 0,
          scam: s.scam ? 1 : 0,
          fake: s.fake ? 1 : 0,
          seen_at: s.seenAt,
        });
      }
    });
  }

  async editMarks(channelId: string, messageIds: readonly number[]): Promise<Map<number, string>> {
    const marks = new Map<number, string>();
    const select = this.db.prepare(
      'SELECT edit_date FROM ingest_edit_marks WHERE channel_id = ? AND message_id = ?',
    );
    for (const id of messageIds) {
      const row = select.get(channelId, id) as Row | undefined;
      if (row) marks.set(id, String(row.edit_date));
    }
    return marks;
  }

  async follow(channel: FollowedChannel): Promise<void> {
    this.write(() =>
      this.db
        .prepare(
          `INSERT INTO ingest_followed (channel_id, access_hash, username, title, origin, depth, parent_channel_id, added_at)
           VALUES (@channelId, @accessHash, @username, @title, @origin, @depth, @parentChannelId, @addedAt)
           ON CONFLICT (channel_id) DO UPDATE SET access_hash = excluded.access_hash,
             username = coalesce(excluded.username, username), title = coalesce(excluded.title, title),
             origin = CASE WHEN excluded.depth < depth THEN excluded.origin ELSE origin END,
             parent_channel_id = CASE WHEN excluded.depth < depth THEN excluded.parent_channel_id ELSE parent_channel_id END,
             depth = min(depth, excluded.depth)`,
        )
        .run(channel),
    );
  }

  async followed(): Promise<FollowedChannel[]> {
    const rows = this.db.prepare('SELECT * FROM ingest_followed ORDER BY channel_id').all() as Row[];
    return rows.map(FOLLOWED_ROW);
  }

  async references(): Promise<ReferenceTally[]> {
    const rows = this.db
      .prepare('SELECT * FROM ingest_references ORDER BY from_channel_id, target_key, kind')
      .all() as Row[];
    return rows.map(REFERENCE_ROW);
  }

  async sightings(): Promise<ChannelSighting[]> {
    const rows = this.db.prepare('SELECT * FROM ingest_sightings ORDER BY channel_id').all() as Row[];
    return rows.map(SIGHTING_ROW);
  }

  /** Runs `work` in one IMMEDIATE transaction; lock and I/O failures become retriable errors. */
  private write(work: () => void): void {
    try {
      this.db.transaction(work).immediate();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (/^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CANTOPEN|PROTOCOL)/.test(code)) {
        throw new TransientError(
          'STORE_UNAVAILABLE',
          `SQLite ingest state ${this.location} not writable: ${code}`,
          { cause: error },
        );
      }
      throw error;
    }
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
