/** Helpers shared by the export reader tests (not part of the public API). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { ExportEvent } from './export-events.ts';
import { readTelegramExport, type ReadExportOptions } from './read-export.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/', import.meta.url));

/** Absolute path of a file under services/ingest/test-fixtures. */
export const fixture = (name: string): string => join(fixtures, name);

/** Reads a whole export, returning its events, its records and the final summary. */
export async function readAll(path: string, options?: ReadExportOptions) {
  const reader = readTelegramExport(path, options);
  const events: ExportEvent[] = [];
  for await (const event of reader) events.push(event);
  const records = events.flatMap((e) => (e.kind === 'message' ? [e.record] : []));
  return { events, records, summary: reader.summary };
}

/** Reads an export that must fail, returning the error and the events yielded before it. */
export async function failure(
  path: string,
  options?: ReadExportOptions,
): Promise<{ error: unknown; events: ExportEvent[] }> {
  const events: ExportEvent[] = [];
  try {
    for await (const event of readTelegramExport(path, options)) events.push(event);
  } catch (error) {
    return { error, events };
  }
  throw new Error(`expected reading ${path} to fail`);
}

/** A temp dir for the calling test file, created before and removed after its tests. */
export function useTmpDir(): {
  dir: () => string;
  write: (name: string, content: string | Uint8Array) => Promise<string>;
} {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tg-export-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    write: async (name, content) => {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
  };
}
