/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * Body of POST /api/leases (take or renew a lease) and POST /api/leases/release: the message or channel a reviewer opens or lets go.
 */
export interface ReviewItemV1 {
  kind: 'message' | 'channel';
  channel_id: string;
  /**
   * Required for a message, absent for a channel.
   */
  message_id?: number;
}
