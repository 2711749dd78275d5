/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * Body of PUT /api/me/settings: the signed-in reviewer's own settings.
 */
export interface ReviewSettingsV1 {
  /**
   * Show text the model labelled terrorism blurred until revealed (default true).
   */
  blur_terrorism: boolean;
}
