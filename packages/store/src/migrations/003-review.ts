/**
 * The analysts' review tables: reviewers and sessions, the queue projection of messages and
 * channels (sort keys computed by the review service, indexed for keyset paging over millions of
 * rows), leases, the append-only decision log, audit samples and Telegram channel profiles (copied by
 * trigger from live ingestion's channel.v1 records in `ingest_channel_records`, migration 002).
 * `review_changes` is filled by triggers on `messages`, so every write by any process reaches the
 * queue without the label store knowing about review. The PostgreSQL twin is
 * ../postgres/migrations/003-review.ts; keep them in step.
 */
export const REVIEW_MIGRATION = {
  name: '003-review',
  sql: `
  CREATE TABLE review_reviewers (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    username       TEXT    NOT NULL UNIQUE,
    roles          TEXT    NOT NULL,
    password_hash  TEXT,
    blur_terrorism INTEGER NOT NULL DEFAULT 1,
    disabled       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL
  );
  CREATE TABLE review_sessions (
    token_hash  TEXT    PRIMARY KEY,
    reviewer_id INTEGER NOT NULL REFERENCES review_reviewers (id),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL
  );
  CREATE INDEX review_sessions_by_reviewer ON review_sessions (reviewer_id);

  CREATE TABLE review_policy (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    policy_key TEXT    NOT NULL
  );

  CREATE TABLE review_changes (
    channel_id TEXT    NOT NULL,
    message_id INTEGER NOT NULL,
    seq        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_id, message_id)
  ) WITHOUT ROWID;
  INSERT INTO review_changes (channel_id, message_id) SELECT channel_id, message_id FROM messages;
  CREATE TRIGGER review_changes_on_insert AFTER INSERT ON messages BEGIN
    INSERT INTO review_changes (channel_id, message_id) VALUES (NEW.channel_id, NEW.message_id)
      ON CONFLICT (channel_id, message_id) DO UPDATE SET seq = seq + 1;
  END;
  CREATE TRIGGER review_changes_on_update AFTER UPDATE ON messages BEGIN
    INSERT INTO review_changes (channel_id, message_id) VALUES (NEW.channel_id, NEW.message_id)
      ON CONFLICT (channel_id, message_id) DO UPDATE SET seq = seq + 1;
  END;

  CREATE TABLE review_items (
    channel_id      TEXT    NOT NULL,
    message_id      INTEGER NOT NULL,
    date            TEXT    NOT NULL,
    lang            TEXT    NOT NULL,
    labels          TEXT    NOT NULL,
    flag_fraud      INTEGER NOT NULL,
    flag_drugs      INTEGER NOT NULL,
    flag_terrorism  INTEGER NOT NULL,
    score_fraud     REAL    NOT NULL,
    score_drugs     REAL    NOT NULL,
    score_terrorism REAL    NOT NULL,
    max_score       REAL    NOT NULL,
    risk_any        REAL,
    unc_any         REAL,
    unc_fraud       REAL,
    unc_drugs       REAL,
    unc_terrorism   REAL,
    reply_to        INTEGER,
    state           TEXT    NOT NULL DEFAULT 'open',
    decision_id     INTEGER,
    PRIMARY KEY (channel_id, message_id)
  ) WITHOUT ROWID;
  -- The open queue (what reviewers work) has its own partial indexes: no state column to skip over,
  -- and each sort is one range scan. Decided items are few and found through their state.
  CREATE INDEX review_items_risk ON review_items (risk_any DESC, channel_id DESC, message_id DESC)
    WHERE state = 'open' AND risk_any IS NOT NULL;
  CREATE INDEX review_items_unc ON review_items (unc_any, channel_id, message_id)
    WHERE state = 'open' AND unc_any IS NOT NULL;
  CREATE INDEX review_items_risk_fraud ON review_items (score_fraud DESC, channel_id DESC, message_id DESC)
    WHERE state = 'open' AND unc_fraud IS NOT NULL;
  CREATE INDEX review_items_unc_fraud ON review_items (unc_fraud, channel_id, message_id)
    WHERE state = 'open' AND unc_fraud IS NOT NULL;
  CREATE INDEX review_items_risk_drugs ON review_items (score_drugs DESC, channel_id DESC, message_id DESC)
    WHERE state = 'open' AND unc_drugs IS NOT NULL;
  CREATE INDEX review_items_unc_drugs ON review_items (unc_drugs, channel_id, message_id)
    WHERE state = 'open' AND unc_drugs IS NOT NULL;
  CREATE INDEX review_items_risk_terrorism ON review_items (score_terrorism DESC, channel_id DESC, message_id DESC)
    WHERE state = 'open' AND unc_terrorism IS NOT NULL;
  CREATE INDEX review_items_unc_terrorism ON review_items (unc_terrorism, channel_id, message_id)
    WHERE state = 'open' AND unc_terrorism IS NOT NULL;
  CREATE INDEX review_items_channel_risk ON review_items (channel_id, risk_any DESC, message_id DESC)
    WHERE state = 'open' AND risk_any IS NOT NULL;
  CREATE INDEX review_items_channel_unc ON review_items (channel_id, unc_any, message_id)
    WHERE state = 'open' AND unc_any IS NOT NULL;
  CREATE INDEX review_items_decided_risk ON review_items (risk_any DESC, channel_id DESC, message_id DESC)
    WHERE state <> 'open' AND risk_any IS NOT NULL;
  CREATE INDEX review_items_decided_unc ON review_items (unc_any, channel_id, message_id)
    WHERE state <> 'open' AND unc_any IS NOT NULL;
  CREATE INDEX review_items_by_max_score ON review_items (max_score, channel_id, message_id);
  CREATE INDEX review_items_replies ON review_items (channel_id, reply_to) WHERE reply_to IS NOT NULL;

  CREATE TABLE review_channels (
    channel_id        TEXT    PRIMARY KEY,
    messages          INTEGER NOT NULL,
    flagged_fraud     INTEGER NOT NULL,
    flagged_drugs     INTEGER NOT NULL,
    flagged_terrorism INTEGER NOT NULL,
    flagged_any       INTEGER NOT NULL,
    band_fraud        INTEGER NOT NULL,
    band_drugs        INTEGER NOT NULL,
    band_terrorism    INTEGER NOT NULL,
    band_any          INTEGER NOT NULL,
    first_date        TEXT,
    last_date         TEXT,
    flagged_share     REAL    NOT NULL,
    violates          INTEGER NOT NULL,
    violating_labels  TEXT    NOT NULL,
    risk_key          REAL,
    unc_key           REAL,
    state             TEXT    NOT NULL DEFAULT 'open',
    decision_id       INTEGER
  );
  CREATE INDEX review_channels_risk ON review_channels (risk_key DESC, channel_id DESC)
    WHERE state = 'open' AND risk_key IS NOT NULL;
  CREATE INDEX review_channels_unc ON review_channels (unc_key, channel_id) WHERE state = 'open' AND unc_key IS NOT NULL;
  CREATE INDEX review_channels_decided_risk ON review_channels (risk_key DESC, channel_id DESC)
    WHERE state <> 'open' AND risk_key IS NOT NULL;
  CREATE INDEX review_channels_decided_unc ON review_channels (unc_key, channel_id)
    WHERE state <> 'open' AND unc_key IS NOT NULL;
  CREATE INDEX review_channels_by_share ON review_channels (flagged_share, channel_id);

  CREATE TABLE review_channel_profiles (
    channel_id   TEXT PRIMARY KEY,
    about        TEXT,
    participants INTEGER,
    verified     INTEGER,
    scam         INTEGER,
    fake         INTEGER,
    restricted   INTEGER,
    updated_at   TEXT NOT NULL
  );
  INSERT INTO review_channel_profiles (channel_id, about, participants, verified, scam, fake, restricted, updated_at)
    SELECT channel_id, json_extract(record_json, '$.about'), json_extract(record_json, '$.participants_count'),
      json_extract(record_json, '$.verified'), json_extract(record_json, '$.scam'),
      json_extract(record_json, '$.fake'), json_extract(record_json, '$.restricted'), updated_at
    FROM ingest_channel_records;
  CREATE TRIGGER review_profiles_on_insert AFTER INSERT ON ingest_channel_records BEGIN
    INSERT INTO review_channel_profiles (channel_id, about, participants, verified, scam, fake, restricted, updated_at)
      VALUES (NEW.channel_id, json_extract(NEW.record_json, '$.about'),
        json_extract(NEW.record_json, '$.participants_count'), json_extract(NEW.record_json, '$.verified'),
        json_extract(NEW.record_json, '$.scam'), json_extract(NEW.record_json, '$.fake'),
        json_extract(NEW.record_json, '$.restricted'), NEW.updated_at)
      ON CONFLICT (channel_id) DO UPDATE SET about = excluded.about, participants = excluded.participants,
        verified = excluded.verified, scam = excluded.scam, fake = excluded.fake,
        restricted = excluded.restricted, updated_at = excluded.updated_at;
  END;
  CREATE TRIGGER review_profiles_on_update AFTER UPDATE ON ingest_channel_records BEGIN
    INSERT INTO review_channel_profiles (channel_id, about, participants, verified, scam, fake, restricted, updated_at)
      VALUES (NEW.channel_id, json_extract(NEW.record_json, '$.about'),
        json_extract(NEW.record_json, '$.participants_count'), json_extract(NEW.record_json, '$.verified'),
        json_extract(NEW.record_json, '$.scam'), json_extract(NEW.record_json, '$.fake'),
        json_extract(NEW.record_json, '$.restricted'), NEW.updated_at)
      ON CONFLICT (channel_id) DO UPDATE SET about = excluded.about, participants = excluded.participants,
        verified = excluded.verified, scam = excluded.scam, fake = excluded.fake,
        restricted = excluded.restricted, updated_at = excluded.updated_at;
  END;

  CREATE TABLE review_leases (
    kind        TEXT    NOT NULL,
    channel_id  TEXT    NOT NULL,
    message_id  INTEGER NOT NULL,
    reviewer_id INTEGER NOT NULL,
    acquired_at TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    PRIMARY KEY (kind, channel_id, message_id)
  );

  CREATE TABLE review_decisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    message_id   INTEGER NOT NULL,
    action       TEXT    NOT NULL,
    labels       TEXT    NOT NULL,
    model_labels TEXT    NOT NULL,
    model        TEXT,
    note         TEXT,
    reviewer_id  INTEGER NOT NULL,
    reviewer     TEXT    NOT NULL,
    decided_at   TEXT    NOT NULL,
    sample_id    INTEGER,
    supersedes   INTEGER
  );
  CREATE INDEX review_decisions_by_item ON review_decisions (kind, channel_id, message_id, id);
  CREATE INDEX review_decisions_by_sample ON review_decisions (sample_id, id) WHERE sample_id IS NOT NULL;
  CREATE INDEX review_decisions_by_reviewer ON review_decisions (reviewer_id, id);
  CREATE INDEX review_decisions_by_supersedes ON review_decisions (supersedes) WHERE supersedes IS NOT NULL;
  CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions BEGIN
    SELECT RAISE(ABORT, 'review_decisions is append-only: record a new decision instead');
  END;
  CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions BEGIN
    SELECT RAISE(ABORT, 'review_decisions is append-only: record a new decision instead');
  END;

  CREATE TABLE review_samples (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,
    label      TEXT,
    seed       INTEGER NOT NULL,
    strata     TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    created_at TEXT    NOT NULL
  );
  CREATE TABLE review_sample_items (
    sample_id  INTEGER NOT NULL REFERENCES review_samples (id),
    position   INTEGER NOT NULL,
    stratum    INTEGER NOT NULL,
    channel_id TEXT    NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (sample_id, position)
  );
  CREATE INDEX review_sample_items_by_item ON review_sample_items (sample_id, channel_id, message_id);
  `,
};
