/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * What `tgrisk classify` writes in place of a label for an input line it could not classify.
 */
export interface ClassifyErrorV1 {
  schema: 'classify-error.v1';
  id?: string | number | null;
  /**
   * 1-based input line number.
   */
  line: number;
  error: {
    code: string;
    message: string;
  };
}
