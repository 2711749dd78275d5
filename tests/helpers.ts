/** Shared helpers of the integration tests: unique names, temp dirs, the CLI as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TGRISK_BIN = path.join(REPO_ROOT, 'cli/bin/tgrisk.mjs');

/** A short random suffix for topics, groups and files, so tests never share state. */
export function uniqueId(): string {
  return randomUUID().slice(0, 8);
}

/** A temp dir removed by the returned cleanup. */
export function tempDir(prefix = 'tgrisk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `tgrisk ...args` to completion with `input` on stdin. */
export function runTgrisk(
  args: string[],
  options: { env?: Record<string, string>; input?: string | Buffer } = {},
): Promise<CliResult> {
  const child = spawnTgrisk(args, options.env);
  child.stdin!.end(options.input ?? '');
  return collect(child);
}

/** Starts `tgrisk ...args` as a child process (stdout/stderr piped). */
export function spawnTgrisk(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [TGRISK_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Collects a child's output until it exits. */
export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
