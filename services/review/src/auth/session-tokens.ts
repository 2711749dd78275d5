/**
 * Session tokens: 256 random bits, given to the browser in an HttpOnly cookie (or to a script as a
 * bearer token); the store keeps only their SHA-256, so a copy of the database cannot log anyone in.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'tgrisk_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as issued: 43 base64url characters. Anything else is not looked up. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
