/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * This interface was referenced by `LabelV1`'s JSON-Schema
 * via the `definition` "riskLabel".
 */
export type RiskLabel = 'fraud' | 'drugs' | 'terrorism';
/**
 * This interface was referenced by `LabelV1`'s JSON-Schema
 * via the `definition` "probability".
 */
export type Probability = number;

/**
 * What a classifier decided about one message: a score per label, the labels over threshold and the evidence behind them. Deterministic: no wall-clock fields, so the same input and model give the same bytes.
 */
export interface LabelV1 {
  schema: 'label.v1';
  /**
   * Caller's id echoed back by `tgrisk classify`.
   */
  id?: string | number;
  /**
   * Message key, part 1 (pipeline labels).
   */
  channel_id?: string;
  /**
   * Message key, part 2 (pipeline labels).
   */
  message_id?: number;
  /**
   * Labels whose score reached its threshold, in the order fraud, drugs, terrorism.
   */
  labels: RiskLabel[];
  scores: {
    fraud: Probability;
    drugs: Probability;
    terrorism: Probability;
  };
  /**
   * The threshold set the labels were decided with.
   */
  thresholds: {
    /**
     * Name of the threshold set, e.g. precision@0.90.
     */
    set: string;
    fraud: Probability;
    drugs: Probability;
    terrorism: Probability;
  };
  /**
   * @maxItems 1000
   */
  evidence: Evidence[];
  /**
   * Model that produced the label, as name@version.
   */
  model: string;
}
/**
 * This interface was referenced by `LabelV1`'s JSON-Schema
 * via the `definition` "evidence".
 */
export interface Evidence {
  label: RiskLabel;
  /**
   * What kind of evidence: lexicon, wallet, phone, handle, bot, shortener, price, returns, feature.
   */
  kind: string;
  /**
   * Span start in the message text (UTF-16 code units).
   */
  start: number;
  /**
   * Span end, exclusive.
   */
  end: number;
  /**
   * The matched text, for display.
   */
  text: string;
  /**
   * Contribution to the label's score (model-specific scale).
   */
  weight: number;
}
