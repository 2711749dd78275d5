/**
 * Writes a run's reports and its run-manifest.v1: report.json, report.md, report.html and
 * manifest.json, in that order (a manifest present means every report it names was written). The
 * manifest holds no wall-clock time, so the same run in the same checkout gives the same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertValid, type RunManifestV1 } from '@tg-risk/schemas';
import type { EstimateOptions, EstimateRun } from '../estimate-run/run-estimate.ts';
import { renderHtml } from '../estimate-run/render-html.ts';
import { renderMarkdown } from '../estimate-run/render-markdown.ts';
import { gitState, packageVersion } from './code-version.ts';
import { canonicalJson, sha256 } from './sha256.ts';

/** The file names written into the output folder. */
export const REPORT_FILES = {
  json: 'report.json',
  markdown: 'report.md',
  html: 'report.html',
  manifest: 'manifest.json',
};

/**
 * The default output folder: `.data/reports/estimate-<hash>`, the hash taken over the inputs'
 * contents and the options that change numbers (not paths, not time), so re-running the same
 * estimate lands in the same folder and a different one never overwrites it.
 */
export function defaultOutDir(run: EstimateRun, options: EstimateOptions): string {
  const { input, gold: _g, thresholds: _t, metrics: _m, strata: _s, ...choices } = options;
  const key = canonicalJson({
    source: input.kind,
    inputs: run.inputs.map((i) => [i.role, i.sha256]),
    choices,
  });
  return path.join('.data', 'reports', `estimate-${sha256(key).slice(0, 16)}`);
}

/** The manifest of a run whose reports hash to `outputs`. */
export function buildManifest(
  run: EstimateRun,
  options: EstimateOptions,
  argv: readonly string[],
  outputs: RunManifestV1['outputs'],
): RunManifestV1 {
  const git = gitState();
  const manifest: RunManifestV1 = {
    schema: 'run-manifest.v1',
    command: 'estimate',
    argv: [...argv],
    options: options as unknown as RunManifestV1['options'],
    options_sha256: sha256(canonicalJson(options)),
    inputs: run.inputs.map((i) => ({ ...i })),
    model_files: run.modelFiles.map((f) => ({ ...f })),
    package: packageVersion(),
    git_commit: git.commit,
    git_dirty: git.dirty,
    node_version: process.version,
    seed: options.seed,
    outputs,
    report_sha256: sha256(run.reportJson),
  };
  assertValid('run-manifest.v1', manifest);
  return manifest;
}

/** Writes the three reports and the manifest into `outDir`; returns the manifest and its path. */
export async function writeRunOutputs(
  run: EstimateRun,
  options: EstimateOptions,
  argv: readonly string[],
  outDir: string,
): Promise<{ manifestPath: string; manifest: RunManifestV1 }> {
  await mkdir(outDir, { recursive: true });
  const files: Array<[string, string]> = [
    [REPORT_FILES.json, run.reportJson],
    [REPORT_FILES.markdown, renderMarkdown(run.report)],
    [REPORT_FILES.html, renderHtml(run.report)],
  ];
  for (const [name, text] of files) await writeFile(path.join(outDir, name), text);
  const manifest = buildManifest(
    run,
    options,
    argv,
    files.map(([file, text]) => ({ file, sha256: sha256(text) })),
  );
  const manifestPath = path.join(outDir, REPORT_FILES.manifest);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifestPath, manifest };
}
