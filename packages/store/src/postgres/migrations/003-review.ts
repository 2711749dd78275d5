/**
 * PostgreSQL twin of ../../migrations/003-review.ts (see there for what each table is for); keep
 * them in step. Differences: identity columns, DOUBLE PRECISION (PostgreSQL's REAL is 4 bytes),
 * plpgsql trigger functions, and no copy of live ingestion's channel records (SQLite-only so far).
 */
export const PG_REVIEW_MIGRATION = {
  name: '003-review',
  sql: `
  CREATE TABLE review_reviewers (
    id             BIGINT   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       TEXT     NOT NULL UNIQUE,
    roles          TEXT     NOT NULL,
    password_hash  TEXT,
    blur_terrorism SMALLINT NOT NULL DEFAULT 1,
    disabled       SMALLINT NOT NULL DEFAULT 0,
    created_at     TEXT     NOT NULL
  );
  CREATE TABLE review_sessions (
    token_hash  TEXT   PRIMARY KEY,
    reviewer_id BIGINT NOT NULL REFERENCES review_reviewers (id),
    created_at  TEXT   NOT NULL,
    expires_at  TEXT   NOT NULL
  );
  CREATE INDEX review_sessions_by_reviewer ON review_sessions (reviewer_id);

  CREATE TABLE review_policy (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    policy_key TEXT    NOT NULL
  );

  CREATE TABLE review_changes (
    channel_id TEXT   NOT NULL,
    message_id BIGINT NOT NULL,
    seq        BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_id, message_id)
  );
  INSERT INTO review_changes (channel_id, message_id) SELECT channel_id, message_id FROM messages;
  CREATE FUNCTION review_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO review_changes (channel_id, message_id) VALUES (NEW.channel_id, NEW.message_id)
      ON CONFLICT (channel_id, message_id) DO UPDATE SET seq = review_changes.seq + 1;
    RETURN NULL;
  END $$;
  CREATE TRIGGER review_changes_on_write AFTER INSERT OR UPDATE ON messages
    FOR EACH ROW EXECUTE FUNCTION review_note_change();

  CREATE TABLE review_items (
    channel_id      TEXT             NOT NULL,
    message_id      BIGINT           NOT NULL,
    date            TEXT             NOT NULL,
    lang            TEXT             NOT NULL,
    labels          TEXT             NOT NULL,
    flag_fraud      SMALLINT         NOT NULL,
    flag_drugs      SMALLINT         NOT NULL,
    flag_terrorism  SMALLINT         NOT NULL,
    score_fraud     DOUBLE PRECISION NOT NULL,
    score_drugs     DOUBLE PRECISION NOT NULL,
    score_terrorism DOUBLE PRECISION NOT NULL,
    max_score       DOUBLE PRECISION NOT NULL,
    risk_any        DOUBLE PRECISION,
    unc_any         DOUBLE PRECISION,
    unc_fraud       DOUBLE PRECISION,
    unc_drugs       DOUBLE PRECISION,
    unc_terrorism   DOUBLE PRECISION,
    reply_to        BIGINT,
    state           TEXT             NOT NULL DEFAULT 'open',
    decision_id     BIGINT,
    PRIMARY KEY (channel_id, message_id)
  );
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
    channel_id        TEXT             PRIMARY KEY,
    messages          BIGINT           NOT NULL,
    flagged_fraud     BIGINT           NOT NULL,
    flagged_drugs     BIGINT           NOT NULL,
    flagged_terrorism BIGINT           NOT NULL,
    flagged_any       BIGINT           NOT NULL,
    band_fraud        BIGINT           NOT NULL,
    band_drugs        BIGINT           NOT NULL,
    band_terrorism    BIGINT           NOT NULL,
    band_any          BIGINT           NOT NULL,
    first_date        TEXT,
    last_date         TEXT,
    flagged_share     DOUBLE PRECISION NOT NULL,
    violates          SMALLINT         NOT NULL,
    violating_labels  TEXT             NOT NULL,
    risk_key          DOUBLE PRECISION,
    unc_key           DOUBLE PRECISION,
    state             TEXT             NOT NULL DEFAULT 'open',
    decision_id       BIGINT
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
    channel_id   TEXT     PRIMARY KEY,
    about        TEXT,
    participants BIGINT,
    verified     SMALLINT,
    scam         SMALLINT,
    fake         SMALLINT,
    restricted   SMALLINT,
    updated_at   TEXT     NOT NULL
  );

  CREATE TABLE review_leases (
    kind        TEXT   NOT NULL,
    channel_id  TEXT   NOT NULL,
    message_id  BIGINT NOT NULL,
    reviewer_id BIGINT NOT NULL,
    acquired_at TEXT   NOT NULL,
    expires_at  TEXT   NOT NULL,
    PRIMARY KEY (kind, channel_id, message_id)
  );

  CREATE TABLE review_decisions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT   NOT NULL,
    channel_id   TEXT   NOT NULL,
    message_id   BIGINT NOT NULL,
    action       TEXT   NOT NULL,
    labels       TEXT   NOT NULL,
    model_labels TEXT   NOT NULL,
    model        TEXT,
    note         TEXT,
    reviewer_id  BIGINT NOT NULL,
    reviewer     TEXT   NOT NULL,
    decided_at   TEXT   NOT NULL,
    sample_id    BIGINT,
    supersedes   BIGINT
  );
  CREATE INDEX review_decisions_by_item ON review_decisions (kind, channel_id, message_id, id);
  CREATE INDEX review_decisions_by_sample ON review_decisions (sample_id, id) WHERE sample_id IS NOT NULL;
  CREATE INDEX review_decisions_by_reviewer ON review_decisions (reviewer_id, id);
  CREATE INDEX review_decisions_by_supersedes ON review_decisions (supersedes) WHERE supersedes IS NOT NULL;
  CREATE FUNCTION review_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'review_decisions is append-only: record a new decision instead';
  END $$;
  CREATE TRIGGER review_decisions_no_change BEFORE UPDATE OR DELETE ON review_decisions
    FOR EACH ROW EXECUTE FUNCTION review_decisions_append_only();
  CREATE TRIGGER review_decisions_no_truncate BEFORE TRUNCATE ON review_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION review_decisions_append_only();

  CREATE TABLE review_samples (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       TEXT   NOT NULL,
    label      TEXT,
    seed       BIGINT NOT NULL,
    strata     TEXT   NOT NULL,
    created_by TEXT   NOT NULL,
    created_at TEXT   NOT NULL
  );
  CREATE TABLE review_sample_items (
    sample_id  BIGINT  NOT NULL REFERENCES review_samples (id),
    position   INTEGER NOT NULL,
    stratum    INTEGER NOT NULL,
    channel_id TEXT    NOT NULL,
    message_id BIGINT  NOT NULL,
    PRIMARY KEY (sample_id, position)
  );
  CREATE INDEX review_sample_items_by_item ON review_sample_items (sample_id, channel_id, message_id);
  `,
};
