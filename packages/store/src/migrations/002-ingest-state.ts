/**
 * Live ingestion's state: the resolve-once cache, per-channel checkpoints, published edit dates,
 * channel.v1 records, followed channels, and the references and sightings discovery ranks.
 */
export const INGEST_STATE_MIGRATION = {
  name: '002-ingest-state',
  sql: `
  CREATE TABLE ingest_resolved (
    username_key TEXT PRIMARY KEY,
    channel_id   TEXT NOT NULL,
    access_hash  TEXT NOT NULL,
    resolved_at  TEXT NOT NULL
  );
  CREATE TABLE ingest_resolve_failures (
    username_key TEXT PRIMARY KEY,
    reason       TEXT NOT NULL,
    detail       TEXT NOT NULL,
    failed_at    TEXT NOT NULL
  );
  CREATE TABLE ingest_channel_records (
    channel_id  TEXT PRIMARY KEY,
    record_json TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE TABLE ingest_checkpoints (
    channel_id      TEXT PRIMARY KEY,
    last_message_id INTEGER NOT NULL,
    floor_id        INTEGER NOT NULL,
    updated_at      TEXT NOT NULL
  );
  CREATE TABLE ingest_edit_marks (
    channel_id TEXT    NOT NULL,
    message_id INTEGER NOT NULL,
    edit_date  TEXT    NOT NULL,
    PRIMARY KEY (channel_id, message_id)
  ) WITHOUT ROWID;
  CREATE TABLE ingest_followed (
    channel_id        TEXT PRIMARY KEY,
    access_hash       TEXT NOT NULL,
    username          TEXT,
    title             TEXT,
    origin            TEXT NOT NULL,
    depth             INTEGER NOT NULL,
    parent_channel_id TEXT,
    added_at          TEXT NOT NULL
  );
  CREATE TABLE ingest_references (
    from_channel_id   TEXT    NOT NULL,
    target_key        TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    target_channel_id TEXT,
    target_username   TEXT,
    mentions          INTEGER NOT NULL,
    first_message_id  INTEGER NOT NULL,
    last_seen         TEXT    NOT NULL,
    PRIMARY KEY (from_channel_id, target_key, kind)
  ) WITHOUT ROWID;
  CREATE TABLE ingest_sightings (
    channel_id TEXT PRIMARY KEY,
    username   TEXT,
    title      TEXT,
    broadcast  INTEGER NOT NULL,
    verified   INTEGER NOT NULL,
    scam       INTEGER NOT NULL,
    fake       INTEGER NOT NULL,
    seen_at    TEXT NOT NULL
  );
  CREATE INDEX ingest_sightings_by_username ON ingest_sightings (username);
  `,
};
