/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * Body of PATCH /api/users/{username} (admin): new roles, a new password, or disabling the reviewer. Changing the password or disabling ends the reviewer's sessions.
 */
export interface ReviewUserUpdateV1 {
  /**
   * @minItems 1
   */
  roles?: ['analyst' | 'auditor' | 'admin', ...('analyst' | 'auditor' | 'admin')[]];
  password?: string;
  disabled?: boolean;
}
