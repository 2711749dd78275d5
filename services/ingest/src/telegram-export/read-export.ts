/**
 * Streams a Telegram Desktop JSON export (single-chat `result.json` or full account export) and
 * yields one event per message. The file is read in fixed blocks and tokenized by stream-json, so
 * memory stays flat however big the export is: only the message being assembled is held whole.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { PoisonRecordError, UsageError } from '@tg-risk/core';
import { jsonParser } from 'stream-json/parser.js';
import { describeLocation } from './export-errors.ts';
import { emptySummary, ExportEventCollector, type ExportEvent, type ExportSummary } from './export-events.ts';
import { ExportWalker } from './export-walker.ts';
import { Utf8Validator } from './utf8-validator.ts';

/** Options of readTelegramExport. */
export interface ReadExportOptions {
  /** Name used in records' `source.file` and in error messages; defaults to the path as given. */
  file?: string;
  /** Bytes read per block; default 64 KiB. */
  readBlockSize?: number;
}

/** An export being read: iterate it once for events; `summary` is complete when iteration ends. */
export interface TelegramExportReader extends AsyncIterable<ExportEvent> {
  readonly summary: ExportSummary;
}

const DEFAULT_BLOCK = 64 * 1024;

async function openExport(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Telegram export not found: ${path}`, { cause: error });
    throw new UsageError(`cannot open Telegram export ${path}: ${code ?? String(error)}`, { cause: error });
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new UsageError(`Telegram export ${path} is not a file (give the path of its result.json)`);
  }
  return handle;
}

function afterLastMessage(file: string, last: ExportEventCollector['last']): string {
  return last === null ? 'before any message was read' : `after ${describeLocation({ file, ...last })}`;
}

async function* readEvents(path: string, file: string, blockSize: number, summary: ExportSummary) {
  const queue: ExportEvent[] = [];
  const collector = new ExportEventCollector(file, summary, queue);
  const walker = new ExportWalker(file, collector);
  // Packed tokens only: keys, strings and numbers arrive whole, which is what the Assembler reads.
  const tokenize = jsonParser({ streamValues: false });
  const decoder = new StringDecoder('utf8');
  const utf8 = new Utf8Validator();
  let bytesRead = 0;
  let firstText = true;

  const syntaxError = (problem: string, cause?: unknown): PoisonRecordError => {
    const last = collector.last;
    const context = { file, index: last?.index, channelId: last?.chatId ?? undefined, bytesRead };
    const message = `${file}: invalid JSON, ${problem}, ${afterLastMessage(file, last)}`;
    return new PoisonRecordError('EXPORT_JSON_SYNTAX', message, { context, cause });
  };
  const encodingError = (at: number): PoisonRecordError => {
    const last = collector.last;
    const context = { file, index: last?.index, channelId: last?.chatId ?? undefined, bytesRead: at };
    const message =
      `${file}: not valid UTF-8 at byte ${at} (the file is damaged: Telegram writes UTF-8), ` +
      `${afterLastMessage(file, last)}; everything before it was read`;
    return new PoisonRecordError('EXPORT_NOT_UTF8', message, { context });
  };

  const feed = (text: string, blockStart: number): void => {
    if (firstText && text !== '') {
      firstText = false;
      // A byte-order mark is not JSON, but some editors add one when a file is re-saved.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let tokens;
    try {
      tokens = tokenize(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw syntaxError(`${reason} (near bytes ${blockStart}-${bytesRead})`, error);
    }
    if (typeof tokens === 'symbol') return;
    for (const token of tokens.values) walker.push(token);
  };

  const handle = await openExport(path);
  try {
    const block = Buffer.allocUnsafe(blockSize);
    for (;;) {
      const { bytesRead: n } = await handle.read(block, 0, blockSize, null);
      if (n === 0) break;
      const blockStart = bytesRead;
      bytesRead += n;
      const bad = utf8.push(block.subarray(0, n));
      // The messages before a bad byte are delivered; then the read stops there (encodingError).
      const good = bad < 0 ? n : Math.max(0, bad - blockStart);
      // StringDecoder copies out of `block` and carries a split UTF-8 sequence to the next block.
      feed(decoder.write(block.subarray(0, good)), blockStart);
      summary.layout = walker.layout;
      yield* queue.splice(0);
      if (bad >= 0) throw encodingError(bad);
    }
    const unfinished = utf8.end();
    if (unfinished >= 0) throw encodingError(unfinished);
    // The newline ends a bare top-level number, which the tokenizer holds until it sees a delimiter.
    feed(`${decoder.end()}\n`, bytesRead);
    summary.layout = walker.layout;
    yield* queue.splice(0);
  } finally {
    await handle.close();
  }
  if (!walker.complete) {
    const problem = walker.started
      ? `the file ends mid-document (truncated?) at byte ${bytesRead}`
      : 'the file holds no JSON value';
    throw syntaxError(problem);
  }
  if (walker.layout === null) {
    const keys = walker.topLevelKeys.length === 0 ? 'none' : walker.topLevelKeys.join(', ');
    throw new PoisonRecordError(
      'EXPORT_NOT_TELEGRAM',
      `${file}: not a Telegram Desktop export: expected a top-level "messages" array (single-chat export) ` +
        `or "chats"/"left_chats" with a "list" of chats (account export); top-level keys: ${keys}`,
      { context: { file } },
    );
  }
}

/**
 * Streams the export at `path`, yielding a `message` event per record, `bad` per rejected message
 * and `bad_chat` per rejected chat. Throws UsageError when the file cannot be opened and
 * PoisonRecordError `EXPORT_JSON_SYNTAX` / `EXPORT_NOT_TELEGRAM` when it is not a readable export.
 */
export function readTelegramExport(path: string, options: ReadExportOptions = {}): TelegramExportReader {
  const file = options.file ?? path;
  const summary = emptySummary(file);
  let iterated = false;
  return {
    summary,
    [Symbol.asyncIterator]: () => {
      // A second pass would count every message into the same summary twice.
      if (iterated) throw new Error(`readTelegramExport(${path}) can be iterated only once`);
      iterated = true;
      return readEvents(path, file, options.readBlockSize ?? DEFAULT_BLOCK, summary);
    },
  };
}
