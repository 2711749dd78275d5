/**
 * `tgrisk audit verify`: re-runs a run from its manifest and compares. A run is reproduced when
 * every input and model file hashes as recorded and the new report.json is byte-identical to the
 * recorded one. Otherwise it names each input whose hash changed and each report value that
 * changed (JSON pointer, old → new). A different git commit or package version with identical
 * figures is reported as a note, not a failure: the figures are what is audited.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '@tg-risk/core';
import { schemaIssues, type RunManifestV1 } from '@tg-risk/schemas';
import { EstimateInputError } from '../estimate/errors.ts';
import { parseEstimateOptions, runEstimate, type EstimateRun } from '../estimate-run/run-estimate.ts';
import { gitState, packageVersion } from './code-version.ts';
import { diffJson, type JsonChange } from './json-diff.ts';
import { REPORT_FILES } from './manifest.ts';
import { canonicalJson, hashFile, sha256 } from './sha256.ts';

/** A recorded file whose content is not what the manifest says (new null: missing now). */
export interface FileChange {
  role: string;
  path: string;
  old: string | null;
  new: string | null;
}

/** The outcome of verifying one manifest. */
export interface VerifyResult {
  identical: boolean;
  /** sha256 of the report re-computed now (null when the re-run failed). */
  reportSha256: string | null;
  recordedReportSha256: string;
  inputChanges: FileChange[];
  modelFileChanges: FileChange[];
  /** Report values that differ from the recorded report.json. */
  valueChanges: JsonChange[];
  /** Problems that are not numbers: an edited manifest or report, a failed re-run. */
  problems: string[];
  /** Differences that do not change the figures (code version, Node version). */
  notes: string[];
  inputs: number;
  modelFiles: number;
}

async function readManifest(file: string): Promise<RunManifestV1> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new EstimateInputError(
      `manifest ${file} cannot be read as JSON (${(error as Error).message}); check the path`,
      {
        file,
      },
    );
  }
  const issues = schemaIssues('run-manifest.v1', value);
  if (issues.length > 0) {
    throw new EstimateInputError(
      `${file} is not a run-manifest.v1: ${issues.map((i) => `${i.path || '(document)'} ${i.message}`).join('; ')}`,
      { file },
    );
  }
  return value as RunManifestV1;
}

async function currentHash(role: string, file: string, cwd: string): Promise<string | null> {
  if (role === 'db') return null; // store rows can only be re-hashed by reading them (the re-run does)
  const full = path.resolve(cwd, file);
  return existsSync(full) ? (await hashFile(full)).sha256 : null;
}

function compareFiles(
  recorded: ReadonlyArray<{ role?: string; path: string; sha256: string }>,
  now: ReadonlyMap<string, string | null>,
): FileChange[] {
  const changes: FileChange[] = [];
  for (const r of recorded) {
    const key = `${r.role ?? 'model'}\u0000${r.path}`;
    const current = now.has(key) ? now.get(key)! : null;
    if (current !== r.sha256)
      changes.push({ role: r.role ?? 'model', path: r.path, old: r.sha256, new: current });
  }
  return changes;
}

/** Re-runs the run recorded in `manifestFile` and compares; relative paths resolve against `cwd`. */
export async function verifyManifest(
  manifestFile: string,
  cwd: string = process.cwd(),
): Promise<VerifyResult> {
  const manifest = await readManifest(manifestFile);
  const problems: string[] = [];
  const options = parseEstimateOptions(manifest.options, manifestFile);
  if (sha256(canonicalJson(manifest.options)) !== manifest.options_sha256) {
    problems.push(
      "the manifest's options do not match its options_sha256: the manifest was edited after the run",
    );
  }

  let run: EstimateRun | null = null;
  try {
    run = await runEstimate(options, cwd);
  } catch (error) {
    problems.push(`the re-run failed: ${describeError(error).message}`);
  }

  // Input hashes: from the re-run when it read them, else straight from the files.
  const inputsNow = new Map<string, string | null>();
  for (const input of manifest.inputs) {
    const fromRun = run?.inputs.find((i) => i.role === input.role && i.path === input.path);
    inputsNow.set(
      `${input.role}\u0000${input.path}`,
      fromRun ? fromRun.sha256 : await currentHash(input.role, input.path, cwd),
    );
  }
  const inputChanges = compareFiles(manifest.inputs, inputsNow);

  const modelNow = new Map<string, string | null>();
  for (const file of manifest.model_files) {
    modelNow.set(`model\u0000${file.path}`, await currentHash('model', file.path, cwd));
  }
  const modelFileChanges = compareFiles(manifest.model_files, modelNow);
  for (const file of run?.modelFiles ?? []) {
    if (!manifest.model_files.some((m) => m.path === file.path)) {
      modelFileChanges.push({ role: 'model', path: file.path, old: null, new: file.sha256 });
    }
  }

  // The recorded report: next to the manifest, and it must still be the bytes the run wrote.
  const reportFile = path.join(path.dirname(manifestFile), REPORT_FILES.json);
  let recorded: unknown = undefined;
  if (!existsSync(reportFile)) {
    problems.push(
      `${reportFile} is missing, so changed values cannot be named (only the report hash is compared)`,
    );
  } else {
    const text = await readFile(reportFile, 'utf8');
    if (sha256(text) !== manifest.report_sha256) {
      problems.push(
        `${reportFile} is not the file the run wrote (its sha256 differs from the manifest's report_sha256)`,
      );
    }
    try {
      recorded = JSON.parse(text);
    } catch {
      problems.push(`${reportFile} is not JSON`);
    }
  }
  const reportSha256 = run === null ? null : sha256(run.reportJson);
  const valueChanges =
    run !== null && recorded !== undefined ? diffJson(recorded, JSON.parse(run.reportJson)) : [];

  const notes: string[] = [];
  const git = gitState();
  if (git.commit !== manifest.git_commit) {
    notes.push(
      `code: the run was made at git commit ${manifest.git_commit ?? 'unknown'}, this check at ${git.commit ?? 'unknown'}`,
    );
  }
  const pkg = packageVersion();
  if (pkg.version !== manifest.package.version || pkg.name !== manifest.package.name) {
    notes.push(
      `package: ${manifest.package.name}@${manifest.package.version} then, ${pkg.name}@${pkg.version} now`,
    );
  }
  if (manifest.node_version !== undefined && manifest.node_version !== process.version) {
    notes.push(`node: ${manifest.node_version} then, ${process.version} now`);
  }

  return {
    identical:
      problems.length === 0 &&
      inputChanges.length === 0 &&
      modelFileChanges.length === 0 &&
      valueChanges.length === 0 &&
      reportSha256 === manifest.report_sha256,
    reportSha256,
    recordedReportSha256: manifest.report_sha256,
    inputChanges,
    modelFileChanges,
    valueChanges,
    problems,
    notes,
    inputs: manifest.inputs.length,
    modelFiles: manifest.model_files.length,
  };
}
