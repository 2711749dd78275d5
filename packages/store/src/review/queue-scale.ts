/**
 * Fills a review store with `n` labelled, projected messages straight in SQL (a recursive CTE and
 * pseudo-random scores from integer hashing), for measuring queue pages at scale without spending
 * minutes in the pipeline. Keys follow the review service's rules with band [0.3, 0.7) per label.
 */
import type Database from 'better-sqlite3';
import { REVIEW_MIGRATION } from '../migrations/003-review.ts';
import { LABELS_MIGRATION } from '../migrations/001-labels.ts';

/** The CREATE INDEX statements of `table` in the migrations (rebuilt after a bulk load: faster). */
function indexesOf(table: string): string[] {
  return `${LABELS_MIGRATION.sql};${REVIEW_MIGRATION.sql}`
    .split(';')
    .map((statement) => statement.replace(/--[^\n]*\n/g, '').trim())
    .filter((statement) => new RegExp(`^CREATE INDEX \\w+\\s+ON ${table} `).test(statement));
}

/** A deterministic pseudo-random value in [0, 1) from `expr` (an integer SQL expression). */
const rand = (expr: string, salt: number) => `((((${expr}) * 2654435761 + ${salt}) % 1000003) / 1000003.0)`;

export function fillSqliteQueue(db: Database.Database, n: number, channels = 10_000): void {
  const score = (salt: number) => `(${rand('n', salt)} * ${rand('n', salt + 7)})`;
  db.exec('DROP TRIGGER IF EXISTS review_changes_on_insert');
  db.exec('DROP TRIGGER IF EXISTS review_changes_on_update');
  const indexes = [...indexesOf('messages'), ...indexesOf('review_items')];
  db.transaction(() => {
    for (const statement of indexes) db.exec(`DROP INDEX ${/^CREATE INDEX (\w+)/.exec(statement)![1]}`);
    db.exec(`
      CREATE TEMP TABLE gen AS
      WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n})
      SELECT n, CAST(1000 + n % ${channels} AS TEXT) AS channel_id, n / ${channels} + 1 AS message_id,
        ${score(11)} AS f, ${score(23)} AS d, ${score(37)} * 0.6 AS t,
        printf('2025-%02d-%02dT%02d:00:00Z', 1 + n % 12, 1 + n % 28, n % 24) AS date,
        CASE n % 4 WHEN 0 THEN 'en' WHEN 1 THEN 'ru' WHEN 2 THEN 'es' ELSE 'vi' END AS lang
      FROM seq;
      ALTER TABLE gen ADD COLUMN labels TEXT;
      UPDATE gen SET labels = trim((CASE WHEN f >= 0.7 THEN 'fraud,' ELSE '' END)
        || (CASE WHEN d >= 0.7 THEN 'drugs,' ELSE '' END) || (CASE WHEN t >= 0.5 THEN 'terrorism' ELSE '' END), ',');
      INSERT INTO channels (channel_id, username, title)
        SELECT DISTINCT channel_id, NULL, 'Channel ' || channel_id FROM gen;
      INSERT INTO messages (channel_id, message_id, date, edit_date, text, message_json, label_json, labels,
          flag_fraud, flag_drugs, flag_terrorism, score_fraud, score_drugs, score_terrorism, model, stored_at)
        SELECT channel_id, message_id, date, NULL, 'message number ' || n, '{}', '{}', labels,
          f >= 0.7, d >= 0.7, t >= 0.5, f, d, t, 'scale@1', '2025-01-01T00:00:00Z'
        FROM gen ORDER BY channel_id, message_id;
      INSERT INTO review_items (channel_id, message_id, date, lang, labels, flag_fraud, flag_drugs, flag_terrorism,
          score_fraud, score_drugs, score_terrorism, max_score, risk_any, unc_any, unc_fraud, unc_drugs, unc_terrorism,
          reply_to, state)
        SELECT channel_id, message_id, date, lang, labels, f >= 0.7, d >= 0.7, t >= 0.5, f, d, t, max(f, d, t),
          CASE WHEN uf IS NULL AND ud IS NULL AND ut IS NULL THEN NULL ELSE max(
            CASE WHEN uf IS NULL THEN 0 ELSE f END, CASE WHEN ud IS NULL THEN 0 ELSE d END,
            CASE WHEN ut IS NULL THEN 0 ELSE t END) END,
          CASE WHEN uf IS NULL AND ud IS NULL AND ut IS NULL THEN NULL ELSE min(
            coalesce(uf, 9), coalesce(ud, 9), coalesce(ut, 9)) END,
          uf, ud, ut, NULL, CASE WHEN n % 50 = 0 THEN 'confirmed' ELSE 'open' END
        FROM (SELECT *,
          CASE WHEN f >= 0.7 THEN 1 + f - 0.7 WHEN f >= 0.3 THEN 0.7 - f END AS uf,
          CASE WHEN d >= 0.7 THEN 1 + d - 0.7 WHEN d >= 0.3 THEN 0.7 - d END AS ud,
          CASE WHEN t >= 0.5 THEN 1 + t - 0.5 WHEN t >= 0.3 THEN 0.5 - t END AS ut
        FROM gen) ORDER BY channel_id, message_id;
      DROP TABLE gen;
      INSERT INTO review_channels (channel_id, messages, flagged_fraud, flagged_drugs, flagged_terrorism,
          flagged_any, band_fraud, band_drugs, band_terrorism, band_any, first_date, last_date, flagged_share,
          violates, violating_labels, risk_key, unc_key)
        SELECT channel_id, n, ff, fd, ft, fa, bf, bd, bt, ba, first_date, last_date, CAST(fa AS REAL) / n, fa > 0,
          trim((CASE WHEN ff > 0 THEN 'fraud,' ELSE '' END) || (CASE WHEN fd > 0 THEN 'drugs,' ELSE '' END)
            || (CASE WHEN ft > 0 THEN 'terrorism' ELSE '' END), ','),
          CAST(fa AS REAL) / n + (fa > 0), 1 + 1.0 / (1 + ba)
        FROM (SELECT channel_id, count(*) AS n, sum(flag_fraud) AS ff, sum(flag_drugs) AS fd,
            sum(flag_terrorism) AS ft, sum(labels <> '') AS fa, sum(unc_fraud < 1) AS bf, sum(unc_drugs < 1) AS bd,
            sum(unc_terrorism < 1) AS bt, sum(labels = '' AND (unc_fraud < 1 OR unc_drugs < 1 OR unc_terrorism < 1)) AS ba,
            min(date) AS first_date, max(date) AS last_date
          FROM review_items GROUP BY channel_id);
    `);
    for (const statement of indexes) db.exec(statement);
  })();
}
