/** PostgreSQL twin of ../../migrations/001-labels.ts: messages with labels, channels, dead letters. */
export const PG_LABELS_MIGRATION = {
  name: '001-labels',
  sql: `
  CREATE TABLE channels (
    channel_id TEXT PRIMARY KEY,
    username   TEXT,
    title      TEXT
  );
  CREATE TABLE messages (
    channel_id      TEXT             NOT NULL,
    message_id      BIGINT           NOT NULL,
    date            TEXT             NOT NULL,
    edit_date       TEXT,
    text            TEXT             NOT NULL,
    message_json    TEXT             NOT NULL,
    label_json      TEXT             NOT NULL,
    labels          TEXT             NOT NULL,
    flag_fraud      SMALLINT         NOT NULL,
    flag_drugs      SMALLINT         NOT NULL,
    flag_terrorism  SMALLINT         NOT NULL,
    score_fraud     DOUBLE PRECISION NOT NULL,
    score_drugs     DOUBLE PRECISION NOT NULL,
    score_terrorism DOUBLE PRECISION NOT NULL,
    model           TEXT             NOT NULL,
    stored_at       TEXT             NOT NULL,
    PRIMARY KEY (channel_id, message_id)
  );
  CREATE INDEX messages_by_date ON messages (date);
  CREATE TABLE dead_letters (
    source_key TEXT PRIMARY KEY,
    stage      TEXT NOT NULL,
    code       TEXT NOT NULL,
    message    TEXT NOT NULL,
    record     TEXT NOT NULL,
    failed_at  TEXT NOT NULL
  );
  `,
};
