/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * Body of POST /api/decisions: a reviewer's decision on a message or channel. confirm keeps the model's labels, reject says none apply, relabel sets `labels` (any subset, empty = none). Inside an audit sample (sample_id) items are blind and only relabel is accepted. Decisions are appended to the audit log; a later one supersedes, never erases, an earlier one.
 */
export interface ReviewDecisionV1 {
  kind: 'message' | 'channel';
  channel_id: string;
  message_id?: number;
  action: 'confirm' | 'reject' | 'relabel';
  /**
   * The labels that apply, with action relabel only.
   *
   * @maxItems 3
   */
  labels?:
    | []
    | ['fraud' | 'drugs' | 'terrorism']
    | ['fraud' | 'drugs' | 'terrorism', 'fraud' | 'drugs' | 'terrorism']
    | ['fraud' | 'drugs' | 'terrorism', 'fraud' | 'drugs' | 'terrorism', 'fraud' | 'drugs' | 'terrorism'];
  /**
   * Optional reason, kept in the audit log.
   */
  note?: string;
  /**
   * The audit sample the item was reviewed in (blind).
   */
  sample_id?: number;
}
