/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * This interface was referenced by `RunManifestV1`'s JSON-Schema
 * via the `definition` "manifestSha256".
 */
export type ManifestSha256 = string;

/**
 * What a `tgrisk estimate` run read and wrote, so `tgrisk audit verify MANIFEST` can re-run it and say whether the same figures come out: the sha256 of every input, of the model files and of the options, the code version, the seed, the command line and the sha256 of each report written. No wall-clock time: the same run gives the same manifest.
 */
export interface RunManifestV1 {
  schema: 'run-manifest.v1';
  /**
   * The tgrisk command that ran.
   */
  command: 'estimate';
  /**
   * The command line as given (after `tgrisk`).
   */
  argv: string[];
  /**
   * The resolved options the report was computed from (defaults applied); `audit verify` re-runs with exactly these.
   */
  options: {};
  /**
   * sha256 of the canonical (sorted-key) JSON of `options`.
   */
  options_sha256: string;
  /**
   * Every input file read; relative paths are relative to the directory the run started in (run `audit verify` from there).
   */
  inputs: {
    role: 'input' | 'db' | 'gold' | 'strata' | 'thresholds' | 'metrics';
    path: string;
    sha256: ManifestSha256;
    bytes: number;
    /**
     * file: the file's bytes; store_rows: the message rows read from the SQLite store, in key order (a WAL-mode database file alone does not hold every row).
     */
    hash_of: 'file' | 'store_rows';
  }[];
  /**
   * Every file of the model directory the thresholds came from.
   */
  model_files: {
    path: string;
    sha256: ManifestSha256;
    bytes: number;
  }[];
  package: {
    name: string;
    version: string;
  };
  /**
   * `git rev-parse HEAD`, or null outside a git checkout.
   */
  git_commit: string | null;
  /**
   * Whether tracked files differed from the commit; null when unknown.
   */
  git_dirty: boolean | null;
  node_version?: string;
  /**
   * Seed of every random draw of the run (estimate itself draws nothing).
   */
  seed: number;
  outputs: {
    /**
     * File name, relative to the manifest's folder.
     */
    file: string;
    sha256: ManifestSha256;
  }[];
  /**
   * sha256 of report.json as written.
   */
  report_sha256: string;
}
