/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * @minItems 1
 *
 * This interface was referenced by `ReviewUserV1`'s JSON-Schema
 * via the `definition` "roles".
 */
export type Roles = ['analyst' | 'auditor' | 'admin', ...('analyst' | 'auditor' | 'admin')[]];

/**
 * Body of POST /api/users (admin): a new reviewer with a password and roles. analyst: reviews queues; auditor: reads, draws audit samples, exports; admin: manages reviewers.
 */
export interface ReviewUserV1 {
  /**
   * Login name: letters, digits, '.', '_' and '-', at most 64 characters.
   */
  username: string;
  /**
   * At least 12 characters; stored only as an scrypt hash.
   */
  password: string;
  roles: Roles;
}
