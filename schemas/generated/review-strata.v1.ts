/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * A stratified random review sample (`tgrisk estimate --strata FILE`, one JSON document): the population of channels split into strata by model score, and per stratum N_h channels, n_h drawn at random without replacement and reviewed, y_h of them violating. The design-based estimate is Σ (N_h/N)(y_h/n_h) (Cochran 1977, ch. 5).
 */
export interface ReviewStrataV1 {
  schema?: 'review-strata.v1';
  /**
   * What the strata were cut on, e.g. 'highest message score in the channel'.
   */
  score?: string;
  /**
   * @minItems 1
   * @maxItems 1000
   */
  strata: [
    {
      name?: string;
      /**
       * Lower score edge (inclusive), for the record.
       */
      score_min?: number;
      /**
       * Upper score edge (exclusive), for the record.
       */
      score_max?: number;
      /**
       * N_h: channels in the stratum.
       */
      population: number;
      /**
       * n_h: channels reviewed (random, without replacement).
       */
      sample: number;
      /**
       * y_h: reviewed channels judged violating (any label).
       */
      violating: number;
      /**
       * Reviewed channels judged violating per label, when the review recorded labels.
       */
      labels?: {
        fraud?: number;
        drugs?: number;
        terrorism?: number;
      };
    },
    ...{
      name?: string;
      /**
       * Lower score edge (inclusive), for the record.
       */
      score_min?: number;
      /**
       * Upper score edge (exclusive), for the record.
       */
      score_max?: number;
      /**
       * N_h: channels in the stratum.
       */
      population: number;
      /**
       * n_h: channels reviewed (random, without replacement).
       */
      sample: number;
      /**
       * y_h: reviewed channels judged violating (any label).
       */
      violating: number;
      /**
       * Reviewed channels judged violating per label, when the review recorded labels.
       */
      labels?: {
        fraud?: number;
        drugs?: number;
        terrorism?: number;
      };
    }[],
  ];
}
