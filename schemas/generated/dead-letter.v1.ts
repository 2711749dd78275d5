/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * A record the pipeline could not process, kept with the reason and the place so that nothing is lost silently.
 */
export interface DeadLetterV1 {
  schema: 'dead-letter.v1';
  /**
   * The record as received (truncated to 1 MiB), in `raw_encoding`.
   */
  raw: string;
  /**
   * base64 when the raw bytes were not valid UTF-8.
   */
  raw_encoding: 'utf8' | 'base64';
  /**
   * True when `raw` was cut to fit.
   */
  raw_truncated?: boolean;
  error: {
    /**
     * Stable machine-readable reason.
     */
    code: string;
    /**
     * Human-readable reason naming what was wrong and where.
     */
    message: string;
  };
  /**
   * Pipeline step that rejected the record.
   */
  stage: 'import' | 'ingest' | 'decode' | 'validate' | 'classify' | 'store';
  /**
   * Where the record was when it failed.
   */
  where: {
    topic?: string;
    partition?: number;
    offset?: string;
    key?: string | null;
    file?: string;
    index?: number;
    line?: number;
    service?: string;
  };
  failed_at: string;
}
