/** Reviewers and login sessions. */
import {
  REVIEW_STORE_ERRORS,
  TgRiskError,
  type NewReviewer,
  type NewSession,
  type Reviewer,
  type ReviewerUpdate,
} from '@tg-risk/core';
import { bit, toReviewer, type ReviewerRow } from './review-rows.ts';
import type { SqlClient, SqlValue } from './sql-client.ts';

const REVIEWER_COLUMNS = 'id, username, roles, password_hash, blur_terrorism, disabled, created_at';

export async function createReviewer(db: SqlClient, reviewer: NewReviewer): Promise<Reviewer> {
  return db.transaction(async (tx) => {
    const existing = await tx.get('SELECT id FROM review_reviewers WHERE username = ?', [reviewer.username]);
    if (existing) {
      throw new TgRiskError(
        REVIEW_STORE_ERRORS.reviewerExists,
        `a reviewer named "${reviewer.username}" exists already; choose another name or update that one`,
      );
    }
    const row = await tx.get<ReviewerRow>(
      `INSERT INTO review_reviewers (username, roles, password_hash, created_at) VALUES (?, ?, ?, ?)
       RETURNING ${REVIEWER_COLUMNS}`,
      [reviewer.username, reviewer.roles.join(','), reviewer.passwordHash, reviewer.createdAt],
    );
    return toReviewer(row!);
  });
}

export async function updateReviewer(
  db: SqlClient,
  username: string,
  update: ReviewerUpdate,
): Promise<Reviewer | null> {
  const sets: string[] = [];
  const params: SqlValue[] = [];
  if (update.roles !== undefined) {
    sets.push('roles = ?');
    params.push(update.roles.join(','));
  }
  if (update.passwordHash !== undefined) {
    sets.push('password_hash = ?');
    params.push(update.passwordHash);
  }
  if (update.disabled !== undefined) {
    sets.push('disabled = ?');
    params.push(bit(update.disabled));
  }
  if (update.blurTerrorism !== undefined) {
    sets.push('blur_terrorism = ?');
    params.push(bit(update.blurTerrorism));
  }
  if (sets.length === 0) {
    const row = await db.get<ReviewerRow>(
      `SELECT ${REVIEWER_COLUMNS} FROM review_reviewers WHERE username = ?`,
      [username],
    );
    return row ? toReviewer(row) : null;
  }
  const row = await db.get<ReviewerRow>(
    `UPDATE review_reviewers SET ${sets.join(', ')} WHERE username = ? RETURNING ${REVIEWER_COLUMNS}`,
    [...params, username],
  );
  return row ? toReviewer(row) : null;
}

export async function listReviewers(db: SqlClient): Promise<Reviewer[]> {
  const rows = await db.all<ReviewerRow>(
    `SELECT ${REVIEWER_COLUMNS} FROM review_reviewers ORDER BY username`,
  );
  return rows.map(toReviewer);
}

export async function findCredentials(
  db: SqlClient,
  username: string,
): Promise<{ reviewer: Reviewer; passwordHash: string | null } | null> {
  const row = await db.get<ReviewerRow>(
    `SELECT ${REVIEWER_COLUMNS} FROM review_reviewers WHERE username = ?`,
    [username],
  );
  return row ? { reviewer: toReviewer(row), passwordHash: row.password_hash } : null;
}

export async function createSession(db: SqlClient, session: NewSession): Promise<void> {
  await db.transaction(async (tx) => {
    // Sign-ins are rare; sweeping expired sessions here keeps the table small without a timer.
    await tx.run('DELETE FROM review_sessions WHERE expires_at <= ?', [session.createdAt]);
    await tx.run(
      'INSERT INTO review_sessions (token_hash, reviewer_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [session.tokenHash, session.reviewerId, session.createdAt, session.expiresAt],
    );
  });
}

export async function findSession(db: SqlClient, tokenHash: string, now: string): Promise<Reviewer | null> {
  const row = await db.get<ReviewerRow>(
    `SELECT r.id, r.username, r.roles, r.password_hash, r.blur_terrorism, r.disabled, r.created_at
     FROM review_sessions s JOIN review_reviewers r ON r.id = s.reviewer_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND r.disabled = 0`,
    [tokenHash, now],
  );
  return row ? toReviewer(row) : null;
}

export async function deleteSession(db: SqlClient, tokenHash: string): Promise<void> {
  await db.run('DELETE FROM review_sessions WHERE token_hash = ?', [tokenHash]);
}

export async function deleteSessionsOf(db: SqlClient, reviewerId: number): Promise<void> {
  await db.run('DELETE FROM review_sessions WHERE reviewer_id = ?', [reviewerId]);
}
