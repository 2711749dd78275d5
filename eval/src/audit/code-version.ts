/**
 * Which code produced a run: the product's package name and version, and the git commit of the
 * checkout the code runs from (null outside git), with whether tracked files had local changes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Name and version from the repository's package.json. */
export function packageVersion(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    return { name: String(pkg.name ?? 'unknown'), version: String(pkg.version ?? 'unknown') };
  } catch {
    return { name: 'unknown', version: 'unknown' };
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
  } catch {
    return null;
  }
}

/** The commit of the code's checkout and whether tracked files differ from it; nulls when unknown. */
export function gitState(): { commit: string | null; dirty: boolean | null } {
  const commit = git(['rev-parse', 'HEAD']);
  if (commit === null || !/^[0-9a-f]{40,64}$/.test(commit)) return { commit: null, dirty: null };
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return { commit, dirty: status === null ? null : status.length > 0 };
}
