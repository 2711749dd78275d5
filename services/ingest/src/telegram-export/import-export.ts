/**
 * Imports one Telegram Desktop export: every good message goes to `write`, bad ones either stop
 * the import (default) or become warnings (`skipBad`). A file that is not readable JSON or not an
 * export always stops it: there is no next message to go on with.
 */
import type { MessageV1 } from '@tg-risk/schemas';
import type { ExportSummary } from './export-events.ts';
import { readTelegramExport } from './read-export.ts';

/** Options of importTelegramExport. */
export interface ImportExportOptions {
  path: string;
  /** Warn about bad messages and chats and go on, instead of throwing on the first. */
  skipBad?: boolean;
  /** Receives each record in file order; awaited, so a slow sink slows the reading down. */
  write: (record: MessageV1) => Promise<void> | void;
  /** Receives one line per skipped message or chat when `skipBad` is set. */
  warn: (message: string) => void;
  /** Name used in records and messages instead of `path`. */
  file?: string;
}

/** Reads the export at `path` into `write` and returns its per-chat and total counts. */
export async function importTelegramExport(options: ImportExportOptions): Promise<ExportSummary> {
  const reader = readTelegramExport(options.path, options.file === undefined ? {} : { file: options.file });
  for await (const event of reader) {
    if (event.kind === 'message') {
      await options.write(event.record);
      continue;
    }
    // The error message already reads "<file>: message #<index> (chat <id>): <problem>".
    if (!options.skipBad) throw event.error;
    options.warn(event.error.message);
  }
  return reader.summary;
}
