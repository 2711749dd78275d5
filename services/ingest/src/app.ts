/**
 * Export ingestion: streams a Telegram Desktop export onto the bus as message.v1 records keyed by
 * channel id (so a channel's messages stay in order on one partition). Messages the importer rejects
 * become dead-letter.v1 records with their reason; the rest of the file goes on.
 */
import {
  makeDeadLetter,
  type LabelStore,
  type Logger,
  type MessageSink,
  type OutgoingRecord,
  type PipelineMetrics,
  type StoredDeadLetter,
} from '@tg-risk/core';
import type { ConfigV1 } from '@tg-risk/schemas';
import { deadLetterRecord, messageRecord } from './outgoing-records.ts';
import { readTelegramExport, type ExportSummary } from './telegram-export/index.ts';

export interface ExportIngestDeps {
  sink: MessageSink;
  logger: Logger;
  /** Also keeps dead letters here (the embedded default, where the bus is not durable). */
  deadLetterStore?: Pick<LabelStore, 'saveDeadLetters'>;
  /** Counts dead letters of the import stage (records out are counted by the bus). */
  metrics?: PipelineMetrics;
  now?: () => Date;
}

export interface ExportIngestConfig {
  topics: Pick<ConfigV1['topics'], 'messages' | 'deadLetters'>;
  /** Records sent to the bus per send() call. */
  sendBatch?: number;
}

export interface ExportIngest {
  /** Publishes every message of the export at `path`; resolves with the importer's counts. */
  ingestFile(path: string): Promise<ExportSummary>;
}

/** Wires export ingestion from its dependencies. */
export function buildExportIngest(deps: ExportIngestDeps, config: ExportIngestConfig): ExportIngest {
  const now = deps.now ?? (() => new Date());
  const sendBatch = config.sendBatch ?? 500;

  return {
    async ingestFile(path) {
      const reader = readTelegramExport(path);
      let pending: OutgoingRecord[] = [];
      const dead: StoredDeadLetter[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        const batch = pending;
        pending = [];
        await deps.sink.send(batch);
      };
      try {
        for await (const event of reader) {
          if (event.kind === 'message') {
            pending.push(messageRecord(event.record, config.topics, deps.logger));
          } else {
            const context = event.error.context;
            const index = event.kind === 'bad' ? event.index : undefined;
            const raw =
              'raw' in event && event.raw !== undefined ? JSON.stringify(event.raw) : event.error.message;
            const deadLetter = makeDeadLetter(
              raw,
              event.error,
              'import',
              {
                file: String(context.file ?? path),
                ...(index === undefined ? {} : { index }),
                service: 'ingest',
              },
              now(),
            );
            const chat =
              event.kind === 'bad' ? event.chatId : `${event.chat.section}[${event.chat.position}]`;
            dead.push({ sourceKey: `file:${path}#${chat}/${index ?? 'chat'}`, deadLetter });
            pending.push(
              deadLetterRecord(deadLetter, event.kind === 'bad' ? event.chatId : null, config.topics),
            );
            deps.metrics?.deadLetters.inc({ stage: 'import', code: deadLetter.error.code });
            deps.logger.warn({ code: event.error.code }, event.error.message);
          }
          if (pending.length >= sendBatch) await flush();
        }
      } finally {
        // A file that breaks off (truncated JSON) still delivers everything read before the break.
        await flush();
        if (dead.length > 0 && deps.deadLetterStore) await deps.deadLetterStore.saveDeadLetters(dead);
      }
      return reader.summary;
    },
  };
}
