/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * One reviewed channel of an audit sample (`tgrisk estimate --gold FILE`, JSONL): whether a reviewer judged the channel violating, and for which labels. The channels should be a random sample of the channels estimated (for sensitivity/specificity: simple random; for score strata: random within each stratum).
 */
export interface ChannelGoldV1 {
  schema?: 'channel-gold.v1';
  channel_id: string;
  /**
   * The reviewer's verdict for any label; must equal `labels` being non-empty when `labels` is given.
   */
  violating: boolean;
  /**
   * Labels the channel violates; omit when the review judged only violating/clean (then per-label corrections skip this channel).
   */
  labels?: ('fraud' | 'drugs' | 'terrorism')[];
  reviewer?: string;
  note?: string;
}
