/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * One line of `tgrisk classify` input. Other fields (for example a whole message.v1) are allowed and ignored.
 */
export interface ClassifyInputV1 {
  text: string;
  id?: string | number;
}
