/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * Body of POST /api/samples (auditor): draw a stratified random audit sample of messages or channels by model score, reviewed blind. Strata are score ranges [min, max) (max = 1 includes 1), in order and not overlapping; each draws `size` items at random without replacement (all of them when the stratum is smaller). Message score: the label's score, or the highest label score; channel score: the share of its messages flagged (for the label, or for any label).
 */
export interface ReviewSampleRequestV1 {
  kind: 'message' | 'channel';
  label?: 'fraud' | 'drugs' | 'terrorism' | null;
  /**
   * Seed of the draw; random when absent. Stored with the sample.
   */
  seed?: number;
  /**
   * @minItems 1
   * @maxItems 20
   */
  strata:
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ]
    | [
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
        {
          name?: string;
          min: number;
          max: number;
          size: number;
        },
      ];
}
