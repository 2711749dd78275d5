/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * Body of POST /api/session: a reviewer's credentials. The password is compared with its scrypt hash and never stored or logged.
 */
export interface ReviewLoginV1 {
  username: string;
  password: string;
}
